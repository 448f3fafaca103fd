import type { Redis } from 'ioredis';
import type { CallContribution } from './call-contribution';

/**
 * Today's queue figures in Redis, shared by every server process and kept across restarts:
 *   qstats:<queueId>:<dayStartMs>  hash of counters of that local day (see call-contribution.ts)
 *   qcall:<callId>                 hash: what the call contributed so far (_v version, _k stats key)
 *   qwait:<queueId>                zset callId → queued-at ms of calls still waiting for an answer
 * One Lua script replaces a call's contribution atomically: repeated or reordered domain events,
 * and two processes applying the same call, count every call exactly once.
 */
const APPLY = `
-- ARGV: prefix, queueId, callId, version, dayStartMs, waitingSince ('' = not waiting), callTtl, statsTtl, field, value, ...
local p, q, call, version, day, waitSince = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5], ARGV[6]
local callTtl, statsTtl = tonumber(ARGV[7]), tonumber(ARGV[8])
local ck = p .. ':qcall:' .. call
local prev = tonumber(redis.call('HGET', ck, '_v') or '-1')
if version < prev then return 0 end
local sk = p .. ':qstats:' .. q .. ':' .. day
local oldKey = redis.call('HGET', ck, '_k')
local old = {}
local flat = redis.call('HGETALL', ck)
for i = 1, #flat, 2 do
  if string.sub(flat[i], 1, 1) ~= '_' then old[flat[i]] = tonumber(flat[i + 1]) end
end
if oldKey and oldKey ~= sk then
  for f, v in pairs(old) do redis.call('HINCRBY', oldKey, f, -v) end
  old = {}
end
local new = {}
local pairsOut = {'_v', ARGV[4], '_k', sk}
for i = 9, #ARGV, 2 do
  new[ARGV[i]] = tonumber(ARGV[i + 1])
  pairsOut[#pairsOut + 1] = ARGV[i]
  pairsOut[#pairsOut + 1] = ARGV[i + 1]
end
for f, v in pairs(new) do
  local d = v - (old[f] or 0)
  if d ~= 0 then redis.call('HINCRBY', sk, f, d) end
end
for f, v in pairs(old) do
  if new[f] == nil then redis.call('HINCRBY', sk, f, -v) end
end
redis.call('EXPIRE', sk, statsTtl)
redis.call('DEL', ck)
redis.call('HSET', ck, unpack(pairsOut))
redis.call('EXPIRE', ck, callTtl)
if waitSince ~= '' then
  redis.call('ZADD', p .. ':qwait:' .. q, waitSince, call)
else
  redis.call('ZREM', p .. ':qwait:' .. q, call)
end
return 1
`;

// A call's own record outlives any late provider event; a day's counters outlive the day (a queue
// far west of UTC still reads yesterday's hash at 23:59 local).
const CALL_TTL_SECONDS = 2 * 86_400;
const STATS_TTL_SECONDS = 3 * 86_400;

type Scripted = Redis & { sbApplyQueueContribution(...args: string[]): Promise<number> };

export interface StoredQueueDay {
  fields: Record<string, string>;
  waiting: Array<{ callId: string; since: number }>;
}

export class QueueStatsStore {
  private readonly redis: Scripted;

  constructor(redis: Redis, readonly prefix: string) {
    if (!('sbApplyQueueContribution' in redis)) redis.defineCommand('sbApplyQueueContribution', { numberOfKeys: 0, lua: APPLY });
    this.redis = redis as Scripted;
  }

  /** Records the call's latest contribution; false when a newer one was already there. */
  async apply(callId: string, c: CallContribution): Promise<boolean> {
    const fields = Object.entries(c.fields).flatMap(([k, v]) => [k, String(v)]);
    const applied = await this.redis.sbApplyQueueContribution(
      this.prefix, c.queueId, callId, String(c.version), String(c.dayStartMs), c.waitingSince === null ? '' : String(c.waitingSince),
      String(CALL_TTL_SECONDS), String(STATS_TTL_SECONDS), ...fields,
    );
    return applied === 1;
  }

  /** Each queue's counters of the given local day and its waiting calls, in one round trip. */
  async read(days: Array<{ queueId: string; dayStartMs: number }>): Promise<StoredQueueDay[]> {
    if (days.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const d of days) {
      pipeline.hgetall(`${this.prefix}:qstats:${d.queueId}:${d.dayStartMs}`);
      pipeline.zrange(`${this.prefix}:qwait:${d.queueId}`, 0, -1, 'WITHSCORES');
    }
    const results = (await pipeline.exec()) ?? [];
    return days.map((_, i) => {
      const [errF, fields] = results[2 * i] ?? [null, {}];
      const [errW, flat] = results[2 * i + 1] ?? [null, []];
      if (errF) throw errF;
      if (errW) throw errW;
      const list = flat as string[];
      const waiting: StoredQueueDay['waiting'] = [];
      for (let j = 0; j < list.length; j += 2) waiting.push({ callId: list[j]!, since: Number(list[j + 1]) });
      return { fields: fields as Record<string, string>, waiting };
    });
  }

  /** Set once Redis holds every call's contribution; its absence (first boot, Redis lost) means rebuild. */
  async markRebuilt(): Promise<void> {
    await this.redis.set(`${this.prefix}:qstats-rebuilt`, new Date().toISOString());
  }

  async needsRebuild(): Promise<boolean> {
    return (await this.redis.exists(`${this.prefix}:qstats-rebuilt`)) === 0;
  }
}
