import { inArray } from 'drizzle-orm';
import type { Tx } from '../../client';
import { userQueues, users, type NewUser } from '../../schema';
import { hashPassword } from '../../../server/auth/password';
import { seedId } from '../ids';

type Role = NewUser['role'];
type QueueKey = 'default' | 'sales' | 'supportCn';

export interface DemoUser {
  email: string;
  name: string;
  role: Role;
  /** Fixed and public: for the demo only, never for a real deployment. */
  password: string;
  team: 'north' | 'east';
  locale: 'en' | 'zh-CN';
  queues: QueueKey[];
}

/** One user per role first (these are the logins the demo prints), then more agents. */
export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@example.com', name: 'Alex Admin', role: 'admin', password: 'demo-admin', team: 'north', locale: 'en', queues: [] },
  { email: 'supervisor@example.com', name: 'Sam Supervisor 孙主管', role: 'supervisor', password: 'demo-supervisor', team: 'north', locale: 'en', queues: ['default', 'sales', 'supportCn'] },
  { email: 'handler@example.com', name: 'Helen Handler 何静', role: 'complaint_handler', password: 'demo-handler', team: 'east', locale: 'zh-CN', queues: [] },
  { email: 'agent@example.com', name: 'Ada Agent', role: 'agent', password: 'demo-agent', team: 'north', locale: 'en', queues: ['default', 'sales'] },
  { email: 'li.na@example.com', name: 'Li Na 李娜', role: 'agent', password: 'demo-agent', team: 'east', locale: 'zh-CN', queues: ['default', 'supportCn'] },
  { email: 'zhang.wei@example.com', name: 'Zhang Wei 张伟', role: 'agent', password: 'demo-agent', team: 'east', locale: 'zh-CN', queues: ['supportCn'] },
  { email: 'james@example.com', name: 'James Miller', role: 'agent', password: 'demo-agent', team: 'north', locale: 'en', queues: ['default', 'sales'] },
  { email: 'maria@example.com', name: 'Maria Lopez', role: 'agent', password: 'demo-agent', team: 'north', locale: 'en', queues: ['sales'] },
];

/** The printed logins: the first user of each role. */
export const DEMO_LOGINS = (['agent', 'supervisor', 'complaint_handler', 'admin'] as const).map((role) => {
  const u = DEMO_USERS.find((d) => d.role === role)!;
  return { role, email: u.email, password: u.password };
});

export interface SeededUsers {
  byEmail: Map<string, string>;
  agentIds: string[];
  adminId: string;
  supervisorId: string;
  complaintHandlerId: string;
}

/**
 * Inserts the demo users that are missing (hashing only their passwords: scrypt costs ~50 ms each)
 * and their queue memberships. Users that already exist by email are left untouched.
 */
export async function seedUsers(
  db: Tx,
  seed: number,
  refs: { teams: { north: string; east: string }; queues: Record<QueueKey, string> },
  createdAt: Date,
): Promise<SeededUsers> {
  const emails = DEMO_USERS.map((u) => u.email);
  const existing = new Set((await db.select({ email: users.email }).from(users).where(inArray(users.email, emails))).map((r) => r.email));
  const missing = DEMO_USERS.map((u, i) => ({ u, i })).filter(({ u }) => !existing.has(u.email));
  if (missing.length) {
    const rows: NewUser[] = await Promise.all(
      missing.map(async ({ u, i }) => ({
        id: seedId(seed, 'user', i),
        email: u.email,
        name: u.name,
        role: u.role,
        teamId: refs.teams[u.team],
        locale: u.locale,
        passwordHash: await hashPassword(u.password),
        createdAt,
      })),
    );
    const inserted = await db.insert(users).values(rows).onConflictDoNothing().returning({ id: users.id, email: users.email });
    const memberships = inserted.flatMap((row) => DEMO_USERS.find((u) => u.email === row.email)!.queues.map((q) => ({ userId: row.id, queueId: refs.queues[q] })));
    if (memberships.length) await db.insert(userQueues).values(memberships).onConflictDoNothing();
  }
  const all = await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails));
  const byEmail = new Map(all.map((r) => [r.email, r.id]));
  const idOf = (role: Role) => byEmail.get(DEMO_USERS.find((u) => u.role === role)!.email)!;
  return {
    byEmail,
    agentIds: DEMO_USERS.filter((u) => u.role === 'agent').map((u) => byEmail.get(u.email)!),
    adminId: idOf('admin'),
    supervisorId: idOf('supervisor'),
    complaintHandlerId: idOf('complaint_handler'),
  };
}
