import { inArray } from 'drizzle-orm';
import type { Tx } from '../../client';
import { queueNumbers, queues, type BusinessHours, type NewQueue } from '../../schema';
import { seedId } from '../ids';

export const SALES_NUMBER = '+15005550006';
/** Shanghai landline 021-6000 1234. */
export const SUPPORT_CN_NUMBER = '+862160001234';

const usOffice: BusinessHours = {
  weekly: { '1': [['09:00', '18:00']], '2': [['09:00', '18:00']], '3': [['09:00', '18:00']], '4': [['09:00', '18:00']], '5': [['09:00', '17:00']] },
  holidays: ['2025-07-04', '2025-11-27', '2025-12-25', '2026-01-01', '2026-07-03', '2026-11-26', '2026-12-25'],
};

// Lunch break 12:00–13:30 as usual in China; Saturday morning open; Spring Festival and National Day closed.
const cnOffice: BusinessHours = {
  weekly: {
    '1': [['09:00', '12:00'], ['13:30', '18:00']],
    '2': [['09:00', '12:00'], ['13:30', '18:00']],
    '3': [['09:00', '12:00'], ['13:30', '18:00']],
    '4': [['09:00', '12:00'], ['13:30', '18:00']],
    '5': [['09:00', '12:00'], ['13:30', '18:00']],
    '6': [['09:00', '12:00']],
  },
  holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-10-01', '2026-10-02'],
};

export interface QueueSpec {
  key: 'default' | 'sales' | 'supportCn';
  row: NewQueue;
  numbers: string[];
}

export function queueSpecs(seed: number, teamIds: { north: string; east: string }, createdAt: Date): QueueSpec[] {
  return [
    { key: 'default', numbers: [], row: { id: seedId(seed, 'queue', 0), name: 'default', createdAt } },
    {
      key: 'sales',
      numbers: [SALES_NUMBER],
      row: { id: seedId(seed, 'queue', 1), name: 'sales', teamId: teamIds.north, timezone: 'America/New_York', businessHours: usOffice, prioritiseGold: true, createdAt },
    },
    {
      key: 'supportCn',
      numbers: [SUPPORT_CN_NUMBER],
      row: { id: seedId(seed, 'queue', 2), name: 'support-cn', teamId: teamIds.east, serviceLevelSeconds: 30, timezone: 'Asia/Shanghai', businessHours: cnOffice, createdAt },
    },
  ];
}

export async function seedQueues(db: Tx, seed: number, teamIds: { north: string; east: string }, createdAt: Date) {
  const specs = queueSpecs(seed, teamIds, createdAt);
  await db.insert(queues).values(specs.map((s) => s.row)).onConflictDoNothing();
  const rows = await db.select({ id: queues.id, name: queues.name }).from(queues).where(inArray(queues.name, specs.map((s) => s.row.name)));
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  const numbers = specs.flatMap((s) => s.numbers.map((e164) => ({ e164, queueId: id(s.row.name) })));
  if (numbers.length) await db.insert(queueNumbers).values(numbers).onConflictDoNothing();
  return { default: id('default'), sales: id('sales'), supportCn: id('support-cn') };
}
