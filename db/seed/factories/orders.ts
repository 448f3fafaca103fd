import type { NewOrder, OrderItem } from '../../schema';
import { at, DAY, HOUR, type SeedContext } from '../context';
import { seedId } from '../ids';
import type { Rng } from '../random';
import type { Region } from './phones';
import { CHEAP_PRODUCTS, ORDER_STATUSES, PREMIUM_PRODUCTS, PRODUCTS } from './vocabulary';

export type Profile = 'gold' | 'meteor' | 'stream' | 'burden';
export type Currency = 'CNY' | 'USD';

/** The demo's fixed exchange rate; the seed also gives it to the customer value settings. */
export const CNY_PER_USD = 7.2;

/** CNY list prices → USD at the demo rate, rounded to cents. */
export const unitPrice = (cny: number, currency: Currency) => (currency === 'CNY' ? cny : Math.round((cny / CNY_PER_USD) * 100) / 100);

export interface OrderSpec {
  id: string;
  customerId: string;
  externalId: string;
  currency: Currency;
  status: string;
  placedAt: Date;
  /** [sku, quantity] */
  items: Array<readonly [string, number]>;
  locale: 'en' | 'zh-CN';
  /** Share of the total kept as profit; negative = sold at a loss; undefined = margin not sent. */
  marginRate?: number;
}

/** An order row: money as decimal strings (numeric columns), never floats summed in the database. */
export function orderRow(spec: OrderSpec): NewOrder {
  let cents = 0;
  const items: OrderItem[] = spec.items.map(([sku, quantity]) => {
    const product = PRODUCTS.find((p) => p.sku === sku);
    if (!product) throw new Error(`unknown sku ${sku}`);
    const price = unitPrice(product.price, spec.currency);
    cents += Math.round(price * 100) * quantity;
    return { sku, name: spec.locale === 'zh-CN' ? product.zh : product.en, quantity, unitPrice: price };
  });
  return {
    id: spec.id,
    customerId: spec.customerId,
    externalId: spec.externalId,
    total: (cents / 100).toFixed(2),
    margin: spec.marginRate === undefined ? null : ((cents * spec.marginRate) / 100).toFixed(2),
    currency: spec.currency,
    status: spec.status,
    placedAt: spec.placedAt,
    items,
    createdAt: spec.placedAt,
    updatedAt: spec.placedAt,
  };
}

/** How many orders a profile places relative to --orders-per-customer (weighted mean ≈ 1). */
const ORDER_FACTOR: Record<Profile, number> = { gold: 2.4, stream: 1.6, meteor: 0.6, burden: 0.6 };
/** How far back the orders of each profile go (days): gold buys recently, burden long ago. */
const WINDOW: Record<Profile, [number, number]> = { gold: [1, 180], stream: [1, 365], meteor: [30, 720], burden: [90, 900] };
export const MAX_ORDERS_PER_CUSTOMER = 60;

export function bulkOrders(
  ctx: SeedContext,
  rng: Rng,
  c: { index: number; customerId: string; region: Region; profile: Profile | null; locale: 'en' | 'zh-CN' },
): NewOrder[] {
  if (!c.profile || ctx.ordersPerCustomer <= 0) return [];
  const profile = c.profile;
  const count = Math.min(MAX_ORDERS_PER_CUSTOMER, Math.max(1, Math.floor(ctx.ordersPerCustomer * ORDER_FACTOR[profile] + rng.next())));
  const premium = profile === 'gold' || profile === 'meteor';
  const [from, to] = WINDOW[profile];
  const currency: Currency = c.region === 'CN' ? 'CNY' : 'USD';
  const out: NewOrder[] = [];
  for (let k = 0; k < count; k++) {
    const lines = rng.int(1, 3);
    const items: Array<readonly [string, number]> = [];
    for (let l = 0; l < lines; l++) items.push([rng.pick(premium ? PREMIUM_PRODUCTS : CHEAP_PRODUCTS).sku, rng.int(1, premium ? 3 : 2)]);
    const marginRate = !rng.chance(0.7) ? undefined : profile === 'burden' ? -0.3 + rng.next() * 0.32 : 0.08 + rng.next() * 0.27;
    out.push(
      orderRow({
        id: seedId(ctx.seed, 'order', c.index * 64 + k),
        customerId: c.customerId,
        externalId: `SB${ctx.seed.toString(36)}-${c.index}-${k + 1}`,
        currency,
        status: rng.weighted(ORDER_STATUSES),
        placedAt: at(ctx.anchor, -(rng.int(from, to) * DAY + rng.int(8, 20) * HOUR)),
        items,
        locale: c.locale,
        marginRate,
      }),
    );
  }
  return out;
}
