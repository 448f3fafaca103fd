import type { NewCustomer, NewFollowUp, NewInteraction, NewOrder, NewComplaint } from '../../schema';
import { at, DAY, type SeedContext } from '../context';
import { seedId } from '../ids';
import { Rng } from '../random';
import { COMPLAINT_INTERACTION, bulkInteractions, interactionIndex } from './interactions';
import { OPEN_STATUSES, SEVERITIES, openComplaint, randomComplaintTime, type NewComplaintEvent } from './complaints';
import { randomFollowUp } from './follow-ups';
import { bulkOrders, type Profile } from './orders';
import { cnLandline, cnMobile, customerRegion, primaryPhone, usNumber } from './phones';
import {
  CN_COMPANY_CITY, CN_COMPANY_TRADE, CN_COMPANY_WORD, CN_GIVEN, CN_SURNAMES, COMPLAINTS,
  EN_COMPANY_SUFFIX, EN_COMPANY_TRADE, EN_FIRST, EN_LAST, TAGS_CN, TAGS_EN,
} from './vocabulary';

export interface NewPhone {
  customerId: string;
  e164: string;
  label: string | null;
  createdAt: Date;
}

/** Everything one customer brings: the rows of every table, ready for COPY or a drizzle insert. */
export interface CustomerBundle {
  customer: NewCustomer & { id: string };
  phones: NewPhone[];
  orders: NewOrder[];
  interactions: NewInteraction[];
  complaints: NewComplaint[];
  complaintEvents: NewComplaintEvent[];
  followUps: NewFollowUp[];
}

const PROFILES: ReadonlyArray<readonly [Profile | null, number]> = [['gold', 15], ['stream', 30], ['meteor', 15], ['burden', 15], [null, 25]];

/** RFM scores (1–5) consistent with the profile the orders were drawn from. */
const RFM: Record<Profile, [[number, number], [number, number], [number, number]]> = {
  gold: [[4, 5], [4, 5], [4, 5]],
  meteor: [[2, 4], [1, 2], [4, 5]],
  stream: [[3, 5], [4, 5], [1, 2]],
  burden: [[1, 3], [1, 2], [1, 2]],
};

/** Every 1 in 97 customers also has the first number of the customer before it (a family line, a shared switchboard). */
export const sharesNumberWithPrevious = (index: number) => index > 0 && index % 97 === 13;

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');

function nameFor(rng: Rng, region: 'CN' | 'US'): { name: string; company: boolean; ascii: string } {
  if (region === 'CN') {
    if (rng.chance(0.1)) {
      return { name: `${rng.pick(CN_COMPANY_CITY)}${rng.pick(CN_COMPANY_WORD)}${rng.pick(CN_COMPANY_TRADE)}有限公司`, company: true, ascii: 'info' };
    }
    const [sp, sh] = rng.pick(CN_SURNAMES);
    const [gp, gh] = rng.pick(CN_GIVEN);
    // Most CRM records in China hold the name in characters only; some carry the pinyin too.
    return { name: rng.chance(0.4) ? `${sp} ${gp} ${sh}${gh}` : `${sh}${gh}`, company: false, ascii: `${gp}.${sp}` };
  }
  const last = rng.pick(EN_LAST);
  if (rng.chance(0.15)) return { name: `${last} ${rng.pick(EN_COMPANY_TRADE)} ${rng.pick(EN_COMPANY_SUFFIX)}`, company: true, ascii: `orders.${last}` };
  const first = rng.pick(EN_FIRST);
  return { name: `${first} ${last}`, company: false, ascii: `${first}.${last}` };
}

/**
 * Bulk customer number `index`: a pure function of (seed, index, anchor, refs), drawn from its own
 * generator, so a 2,000-customer run is a prefix of a 1,000,000-customer one.
 */
export function buildCustomerBundle(ctx: SeedContext, index: number): CustomerBundle {
  const rng = Rng.for(ctx.seed, index, 0xc5);
  const id = seedId(ctx.seed, 'customer', index);
  const region = customerRegion(ctx.seed, index);
  const first = primaryPhone(ctx.seed, index);
  const who = nameFor(rng, region);
  const locale = region === 'CN' || rng.chance(0.05) ? 'zh-CN' : 'en';
  const profile = rng.weighted(PROFILES);
  const createdAt = at(ctx.anchor, -rng.int(30, 1500) * DAY);

  const phones: NewPhone[] = [{ customerId: id, e164: first.e164, label: who.company ? 'main' : first.label, createdAt }];
  if (rng.chance(0.5)) {
    const j = 2 * index + 1;
    const e164 = region === 'US' ? usNumber(j).e164 : first.label === 'mobile' && rng.chance(0.6) ? cnLandline(j) : cnMobile(j);
    phones.push({ customerId: id, e164, label: e164.startsWith('+861') && e164.length === 14 ? 'mobile' : 'office', createdAt });
  }
  if (sharesNumberWithPrevious(index)) {
    const shared = primaryPhone(ctx.seed, index - 1).e164;
    if (!phones.some((p) => p.e164 === shared)) phones.push({ customerId: id, e164: shared, label: 'shared', createdAt });
  }

  const rfm = profile ? RFM[profile].map(([lo, hi]) => rng.int(lo, hi)) : [null, null, null];
  const customer: CustomerBundle['customer'] = {
    id,
    externalId: `CRM${ctx.seed.toString(36)}-${index}`,
    name: who.name,
    email: rng.chance(0.7) ? `${slug(who.ascii)}.${index}@example.${region === 'CN' ? 'net' : 'com'}` : null,
    tags: rng.some(locale === 'zh-CN' ? TAGS_CN : TAGS_EN, 2),
    timezone: first.timezone,
    locale,
    teamId: (region === 'CN') !== rng.chance(0.1) ? ctx.refs.teams.east : ctx.refs.teams.north,
    followUpFrequencyDays: profile === 'gold' ? 30 : rng.chance(0.1) ? 90 : null,
    rfmRecency: rfm[0],
    rfmFrequency: rfm[1],
    rfmMonetary: rfm[2],
    segment: profile,
    createdAt,
    updatedAt: createdAt,
  };

  const orders = bulkOrders(ctx, rng, { index, customerId: id, region, profile, locale });
  const interactions = bulkInteractions(ctx, rng, { index, customerId: id, locale, hasOrders: orders.length > 0 });

  const bundle: CustomerBundle = { customer, phones, orders, interactions, complaints: [], complaintEvents: [], followUps: [] };
  if (rng.chance(profile === 'burden' ? 0.03 : 0.004)) {
    const [category, summary] = rng.pick(COMPLAINTS[locale === 'zh-CN' ? 'zh' : 'en']);
    const createdAt = randomComplaintTime(ctx, rng);
    const createdBy = rng.pick(ctx.refs.agentIds);
    const { complaint, events } = openComplaint(ctx, {
      id: seedId(ctx.seed, 'complaint', index),
      customerId: id,
      orderId: orders[0]?.id ?? null,
      summary,
      category,
      severity: rng.weighted(SEVERITIES),
      status: rng.weighted(OPEN_STATUSES),
      createdAt,
      createdBy,
    });
    bundle.complaints.push(complaint);
    bundle.complaintEvents.push(...events);
    bundle.interactions.push({
      id: seedId(ctx.seed, 'interaction', interactionIndex(index, COMPLAINT_INTERACTION)),
      customerId: id,
      channel: 'phone',
      direction: 'inbound',
      summary,
      disposition: 'complaint_logged',
      agentId: createdBy,
      at: createdAt,
    });
  }
  if (rng.chance(0.01)) bundle.followUps.push(randomFollowUp(ctx, rng, { id: seedId(ctx.seed, 'followUp', index), customerId: id, region, locale }));
  return bundle;
}
