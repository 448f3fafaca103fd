import type postgres from 'postgres';

export interface RosterQueue {
  id: string;
  name: string;
  serviceLevelSeconds: number;
  /** 0–1, the share of calls that should be answered within serviceLevelSeconds. */
  serviceLevelTarget: number;
  timezone: string;
  /** null: a queue of no team, on every supervisor's board. */
  teamId: string | null;
}

export interface RosterAgent {
  id: string;
  name: string;
  teamId: string | null;
  /** Queue ids the agent is a member of; empty = a generalist serving every queue. */
  queueIds: string[];
}

export interface Roster {
  queues: RosterQueue[];
  agents: RosterAgent[];
}

/** Every queue and every active agent with their memberships: two small queries. */
export async function loadRoster(sql: postgres.Sql): Promise<Roster> {
  const [queues, agents] = await Promise.all([
    sql<Array<{ id: string; name: string; sls: number; target: number; timezone: string; team_id: string | null }>>`
      select id, name, service_level_seconds as sls, service_level_target_pct as target, timezone, team_id from queues order by name`,
    sql<Array<{ id: string; name: string; team_id: string | null; queue_ids: string[] }>>`
      select u.id, u.name, u.team_id, coalesce(array_agg(uq.queue_id) filter (where uq.queue_id is not null), '{}') as queue_ids
      from users u left join user_queues uq on uq.user_id = u.id
      where u.role = 'agent' and u.active group by u.id order by u.name`,
  ]);
  return {
    queues: queues.map((q) => ({ id: q.id, name: q.name, serviceLevelSeconds: q.sls, serviceLevelTarget: q.target / 100, timezone: q.timezone, teamId: q.team_id })),
    agents: agents.map((a) => ({ id: a.id, name: a.name, teamId: a.team_id, queueIds: a.queue_ids })),
  };
}

/**
 * The roster, re-read at most every `ttlMs` (2 s: a new queue shows on the board soon enough):
 * queues and memberships change rarely, snapshots are built up to four times a second.
 * `invalidate()` when an unknown agent or queue shows up.
 */
export class RosterCache {
  private cached: { roster: Roster; at: number } | null = null;
  private loading: Promise<Roster> | null = null;

  constructor(private readonly load: () => Promise<Roster>, private readonly ttlMs = 2000) {}

  async get(now = Date.now()): Promise<Roster> {
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.roster;
    this.loading ??= this.load().then(
      (roster) => {
        this.cached = { roster, at: Date.now() };
        this.loading = null;
        return roster;
      },
      (err: unknown) => {
        this.loading = null;
        throw err;
      },
    );
    return this.loading;
  }

  knowsAgent(agentId: string): boolean {
    return this.cached?.roster.agents.some((a) => a.id === agentId) ?? false;
  }

  knowsQueue(queueId: string): boolean {
    return this.cached?.roster.queues.some((q) => q.id === queueId) ?? false;
  }

  invalidate(): void {
    this.cached = null;
  }
}
