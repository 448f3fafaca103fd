import { hash32 } from '../random';

/**
 * Phone numbers for bulk customers. Each generator is a bijection from an integer j to a number,
 * so distinct (customer, slot) pairs never collide by accident; shared numbers are made on purpose.
 * The ranges avoid the numbers of the curated demo customers and of the queues
 * (bulk US area codes exclude 212/312/415/646, bulk Chinese mobiles exclude 135/137/138,
 * bulk landlines use only 5xxx xxxx).
 */
export const US_AREAS = [
  ['201', 'America/New_York'], ['213', 'America/Los_Angeles'], ['305', 'America/New_York'], ['404', 'America/New_York'],
  ['503', 'America/Los_Angeles'], ['512', 'America/Chicago'], ['602', 'America/Phoenix'], ['617', 'America/New_York'],
  ['702', 'America/Los_Angeles'], ['718', 'America/New_York'], ['773', 'America/Chicago'], ['808', 'Pacific/Honolulu'],
  ['206', 'America/Los_Angeles'],
] as const;

const CN_MOBILE_PREFIXES = ['139', '186', '150', '158', '136', '177', '188', '159'] as const;
/** Beijing (010) and Shanghai (021). */
const CN_CITIES = ['10', '21'] as const;

/** +1 NPA NXX XXXX; the exchange starts at 2 as the North American plan requires. */
export function usNumber(j: number): { e164: string; timezone: string } {
  const [area, timezone] = US_AREAS[j % US_AREAS.length]!;
  const k = Math.floor(j / US_AREAS.length);
  const local = 2_000_000 + ((k * 1_234_567) % 8_000_000);
  return { e164: `+1${area}${local}`, timezone };
}

/** A mobile 1xx xxxx xxxx stored as +861xx…; covers j < 8·10^8. */
export function cnMobile(j: number): string {
  const prefix = CN_MOBILE_PREFIXES[j % CN_MOBILE_PREFIXES.length]!;
  const k = Math.floor(j / CN_MOBILE_PREFIXES.length);
  return `+86${prefix}${String((k * 12_345_679) % 100_000_000).padStart(8, '0')}`;
}

/** A landline 010-5xxx xxxx / 021-5xxx xxxx stored as +8610… / +8621…; covers j < 2·10^7. */
export function cnLandline(j: number): string {
  const city = CN_CITIES[j % CN_CITIES.length]!;
  const k = Math.floor(j / CN_CITIES.length);
  return `+86${city}5${String((k * 1_234_567) % 10_000_000).padStart(7, '0')}`;
}

export type Region = 'CN' | 'US';

/** 55 % of bulk customers are in China. Derived from a hash, not the customer's generator, so a neighbour can recompute it. */
export function customerRegion(seed: number, index: number): Region {
  return hash32(seed, index, 1) % 100 < 55 ? 'CN' : 'US';
}

/** The first number of bulk customer `index` (slot 0). */
export function primaryPhone(seed: number, index: number): { e164: string; label: string; timezone: string } {
  if (customerRegion(seed, index) === 'US') return { ...usNumber(2 * index), label: 'mobile' };
  return hash32(seed, index, 2) % 100 < 80
    ? { e164: cnMobile(2 * index), label: 'mobile', timezone: 'Asia/Shanghai' }
    : { e164: cnLandline(2 * index), label: 'home', timezone: 'Asia/Shanghai' };
}

/** The largest --customers the bijections above stay collision-free for. */
export const MAX_BULK_CUSTOMERS = 9_000_000;
