import type { NewInteraction } from '../../schema';
import { at, DAY, type SeedContext } from '../context';
import { seedId } from '../ids';
import type { Rng } from '../random';
import { DISPOSITIONS, INTERACTION_SUMMARIES } from './vocabulary';

type Channel = NewInteraction['channel'];
const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [['phone', 55], ['email', 15], ['chat', 12], ['note', 10], ['sms', 5], ['visit', 3]];
const INBOUND_SHARE: Record<Channel, number> = { phone: 0.7, email: 0.8, chat: 1, note: 0, sms: 0, visit: 1 };

/** Index of an interaction id: up to 63 per customer; 63 itself is the complaint's call. */
export const interactionIndex = (customerIndex: number, k: number) => customerIndex * 64 + k;
export const COMPLAINT_INTERACTION = 63;

export function bulkInteractions(
  ctx: SeedContext,
  rng: Rng,
  c: { index: number; customerId: string; locale: 'en' | 'zh-CN'; hasOrders: boolean },
): NewInteraction[] {
  const count = rng.int(0, 2) + (c.hasOrders ? 1 : 0);
  const words = INTERACTION_SUMMARIES[c.locale === 'zh-CN' ? 'zh' : 'en'];
  const out: NewInteraction[] = [];
  for (let k = 0; k < count; k++) {
    const channel = rng.weighted(CHANNELS);
    out.push({
      id: seedId(ctx.seed, 'interaction', interactionIndex(c.index, k)),
      customerId: c.customerId,
      channel,
      direction: rng.chance(INBOUND_SHARE[channel]) ? 'inbound' : 'outbound',
      summary: rng.pick(words[channel]),
      disposition: channel === 'phone' ? rng.pick(DISPOSITIONS) : null,
      agentId: rng.pick(ctx.refs.agentIds),
      at: at(ctx.anchor, -rng.int(1, 365 * DAY / 1000) * 1000),
    });
  }
  return out;
}
