import type { NewInteraction, NewOrder } from '../../schema';
import { at, DAY, HOUR, type SeedContext } from '../context';
import { seedId } from '../ids';
import type { CustomerBundle, NewPhone } from './customers';
import { openComplaint } from './complaints';
import { pendingFollowUp } from './follow-ups';
import { orderRow, type Currency, type Profile } from './orders';

type Channel = NewInteraction['channel'];

export interface DemoCustomerSpec {
  key: string;
  name: string;
  /** [E.164, label]; the national form is in the comment beside each. */
  phones: Array<readonly [string, string]>;
  email?: string;
  tags: string[];
  timezone: string;
  locale: 'en' | 'zh-CN';
  team: 'north' | 'east';
  currency: Currency;
  segment: Profile | null;
  rfm?: [number, number, number];
  followUpFrequencyDays?: number;
  orders: Array<{ externalId: string; daysAgo: number; status: string; items: Array<readonly [string, number]>; marginRate?: number }>;
  history: Array<{ daysAgo: number; channel: Channel; direction: 'inbound' | 'outbound'; summary: string; disposition?: string; agent: string }>;
  complaint?: { summary: string; category: string; severity: 'low' | 'medium' | 'high' | 'critical'; status: 'new' | 'acknowledged' | 'in_progress'; hoursAgo: number; order?: string; agent: string };
  followUp?: { kind: 'callback' | 'satisfaction' | 'check_in' | 'other'; reason: string; dueInHours: number; queue: 'sales' | 'supportCn'; assignee?: string; agent: string };
}

/** The callers of the call simulator: their numbers must stay as they are. */
export const DEMO_CALLERS = { wangWei: '+8613800138000', acme: '+14155550100', sharedZhang: '+861088886666', sharedMiller: '+13125550199' } as const;

export const DEMO_CUSTOMERS: readonly DemoCustomerSpec[] = [
  {
    key: 'wang-wei',
    name: 'Wang Wei 王伟',
    phones: [[DEMO_CALLERS.wangWei, 'mobile'], ['+861062345678', 'office']], // 138 0013 8000, 010-6234 5678
    email: 'wang.wei@example.net',
    tags: ['vip', '老客户'],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: 'gold',
    rfm: [5, 5, 5],
    followUpFrequencyDays: 30,
    orders: [
      { externalId: 'WW-1003', daysAgo: 3, status: 'shipped', items: [['PUR-AIR-3', 1]], marginRate: 0.22 },
      { externalId: 'WW-1001', daysAgo: 12, status: 'delivered', items: [['LAP-PRO-14', 1], ['CBL-USBC-2', 2]], marginRate: 0.12 },
      { externalId: 'WW-1002', daysAgo: 30, status: 'delivered', items: [['TEA-LJ-250', 3], ['TEA-PE-357', 1]], marginRate: 0.35 },
      { externalId: 'WW-1004', daysAgo: 61, status: 'delivered', items: [['RCK-IH-40', 1]], marginRate: 0.18 },
      { externalId: 'WW-1005', daysAgo: 95, status: 'delivered', items: [['TV-OLED-55', 1]], marginRate: 0.1 },
      { externalId: 'WW-1006', daysAgo: 120, status: 'refunded', items: [['HDP-BT-01', 1]], marginRate: 0 },
    ],
    history: [
      { daysAgo: 1, channel: 'phone', direction: 'inbound', summary: '查询订单 WW-1003 物流进度，已催促快递', disposition: 'information_given', agent: 'li.na@example.com' },
      { daysAgo: 11, channel: 'sms', direction: 'outbound', summary: '短信：订单 WW-1001 已签收', agent: 'li.na@example.com' },
      { daysAgo: 13, channel: 'phone', direction: 'inbound', summary: '咨询笔记本电脑配置，下单 WW-1001', disposition: 'order_placed', agent: 'zhang.wei@example.com' },
      { daysAgo: 31, channel: 'chat', direction: 'inbound', summary: '在线咨询：龙井与普洱的区别', agent: 'li.na@example.com' },
      { daysAgo: 90, channel: 'note', direction: 'outbound', summary: '重点客户：工作日上午方便接听', agent: 'zhang.wei@example.com' },
    ],
    complaint: { summary: '订单 WW-1003 物流停滞三天未更新', category: 'delivery', severity: 'high', status: 'new', hoursAgo: 2, order: 'WW-1003', agent: 'li.na@example.com' },
    followUp: { kind: 'satisfaction', reason: '笔记本电脑（WW-1001）使用满意度回访', dueInHours: 26, queue: 'supportCn', assignee: 'li.na@example.com', agent: 'li.na@example.com' },
  },
  {
    key: 'acme',
    name: 'Acme Corp',
    phones: [[DEMO_CALLERS.acme, 'main'], ['+14155550101', 'accounts payable']], // (415) 555-0100, (415) 555-0101
    email: 'orders@acme.example',
    tags: ['b2b', 'wholesale', 'vip'],
    timezone: 'America/Los_Angeles',
    locale: 'en',
    team: 'north',
    currency: 'USD',
    segment: 'gold',
    rfm: [5, 4, 5],
    orders: [
      { externalId: 'ACME-2003', daysAgo: 1, status: 'paid', items: [['PUR-AIR-3', 5]], marginRate: 0.2 },
      { externalId: 'ACME-2001', daysAgo: 8, status: 'delivered', items: [['CHR-ERG-2', 20]], marginRate: 0.25 },
      { externalId: 'ACME-2002', daysAgo: 40, status: 'delivered', items: [['LAP-PRO-14', 10]], marginRate: 0.08 },
      { externalId: 'ACME-2004', daysAgo: 70, status: 'delivered', items: [['CBL-USBC-2', 200], ['PHN-CSE-9', 50]], marginRate: 0.4 },
    ],
    history: [
      { daysAgo: 2, channel: 'phone', direction: 'inbound', summary: 'Asked for a quote on 50 more ergonomic chairs', disposition: 'callback_requested', agent: 'agent@example.com' },
      { daysAgo: 8, channel: 'email', direction: 'outbound', summary: 'Sent the invoice for ACME-2001', agent: 'james@example.com' },
      { daysAgo: 41, channel: 'phone', direction: 'inbound', summary: 'Ordered 10 laptops for the new office (ACME-2002)', disposition: 'order_placed', agent: 'james@example.com' },
      { daysAgo: 69, channel: 'visit', direction: 'inbound', summary: 'Procurement team visited the showroom', agent: 'maria@example.com' },
    ],
    followUp: { kind: 'callback', reason: 'Call back with the quote for 50 chairs', dueInHours: 20, queue: 'sales', assignee: 'agent@example.com', agent: 'agent@example.com' },
  },
  {
    key: 'zhang-min',
    name: 'Zhang Min 张敏',
    phones: [[DEMO_CALLERS.sharedZhang, 'home'], ['+8613512345678', 'mobile']], // 010-8888 6666 (shared with Zhang Lei), 135 1234 5678
    tags: ['零售'],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: 'stream',
    rfm: [4, 5, 1],
    orders: [
      { externalId: 'ZM-3001', daysAgo: 5, status: 'delivered', items: [['MUG-CER-1', 2]], marginRate: 0.3 },
      { externalId: 'ZM-3002', daysAgo: 19, status: 'delivered', items: [['PHN-CSE-9', 1]], marginRate: 0.32 },
      { externalId: 'ZM-3003', daysAgo: 33, status: 'delivered', items: [['TEA-LJ-250', 1]], marginRate: 0.3 },
      { externalId: 'ZM-3004', daysAgo: 48, status: 'cancelled', items: [['CBL-USBC-2', 1]] },
    ],
    history: [{ daysAgo: 6, channel: 'phone', direction: 'inbound', summary: '咨询陶瓷杯是否可以进洗碗机', disposition: 'information_given', agent: 'li.na@example.com' }],
  },
  {
    key: 'zhang-lei',
    name: 'Zhang Lei 张磊',
    phones: [[DEMO_CALLERS.sharedZhang, 'home']],
    tags: [],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: 'meteor',
    rfm: [3, 1, 5],
    orders: [{ externalId: 'ZL-3101', daysAgo: 150, status: 'delivered', items: [['TV-OLED-55', 1], ['PUR-AIR-3', 1]], marginRate: 0.15 }],
    history: [{ daysAgo: 150, channel: 'visit', direction: 'inbound', summary: '到店选购电视', agent: 'zhang.wei@example.com' }],
  },
  {
    key: 'li-fang',
    name: 'Li Fang 李芳',
    phones: [['+8613712345678', 'mobile']], // 137 1234 5678
    email: 'li.fang@example.net',
    tags: ['价格敏感', '投诉记录'],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: 'burden',
    rfm: [2, 1, 1],
    orders: [
      { externalId: 'LF-4001', daysAgo: 200, status: 'returned', items: [['KET-EL-15', 1]], marginRate: -0.25 },
      { externalId: 'LF-4002', daysAgo: 320, status: 'refunded', items: [['HDP-BT-01', 1]], marginRate: -0.4 },
      // The one purchase that stayed: bought only at a clearance price below cost.
      { externalId: 'LF-4003', daysAgo: 95, status: 'delivered', items: [['HDP-BT-01', 1]], marginRate: -0.2 },
    ],
    history: [
      { daysAgo: 3, channel: 'phone', direction: 'inbound', summary: '要求退还 LF-4001 的运费', disposition: 'complaint_logged', agent: 'li.na@example.com' },
      { daysAgo: 199, channel: 'phone', direction: 'inbound', summary: '反映电热水壶漏水，申请退货', disposition: 'resolved', agent: 'zhang.wei@example.com' },
    ],
    complaint: { summary: '退货运费至今未退还', category: 'refund', severity: 'critical', status: 'acknowledged', hoursAgo: 9, order: 'LF-4001', agent: 'li.na@example.com' },
  },
  {
    key: 'shanghai-hengda',
    name: '上海恒达贸易有限公司',
    phones: [['+862164001111', 'main']], // 021-6400 1111
    email: 'purchase@hengda.example',
    tags: ['大客户', '批发'],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: 'gold',
    rfm: [5, 5, 4],
    orders: [
      { externalId: 'HD-5001', daysAgo: 4, status: 'shipped', items: [['KET-EL-15', 40]], marginRate: 0.18 },
      { externalId: 'HD-5002', daysAgo: 25, status: 'delivered', items: [['RCK-IH-40', 30]], marginRate: 0.16 },
      { externalId: 'HD-5003', daysAgo: 55, status: 'delivered', items: [['TEA-PE-357', 100]], marginRate: 0.3 },
    ],
    history: [{ daysAgo: 4, channel: 'email', direction: 'inbound', summary: '确认 HD-5001 发货并索取增值税发票', agent: 'li.na@example.com' }],
  },
  {
    key: 'maria-garcia',
    name: 'Maria Garcia',
    phones: [['+12125550142', 'mobile']], // (212) 555-0142
    email: 'maria.garcia@example.com',
    tags: ['newsletter'],
    timezone: 'America/New_York',
    locale: 'en',
    team: 'north',
    currency: 'USD',
    segment: 'stream',
    rfm: [4, 4, 2],
    orders: [
      { externalId: 'MG-6001', daysAgo: 9, status: 'delivered', items: [['TEA-LJ-250', 2]], marginRate: 0.3 },
      { externalId: 'MG-6002', daysAgo: 38, status: 'delivered', items: [['MUG-CER-1', 4]], marginRate: 0.28 },
      { externalId: 'MG-6003', daysAgo: 71, status: 'delivered', items: [['TEA-LJ-250', 1]], marginRate: 0.3 },
      { externalId: 'MG-6004', daysAgo: 112, status: 'delivered', items: [['MUG-CER-1', 2]], marginRate: 0.28 },
    ],
    history: [{ daysAgo: 9, channel: 'chat', direction: 'inbound', summary: 'Chat: asked how to brew Longjing', agent: 'maria@example.com' }],
  },
  {
    key: 'robert-miller',
    name: 'Robert Miller',
    phones: [[DEMO_CALLERS.sharedMiller, 'work']], // (312) 555-0199, the shop's line
    tags: [],
    timezone: 'America/Chicago',
    locale: 'en',
    team: 'north',
    currency: 'USD',
    segment: null,
    orders: [],
    history: [{ daysAgo: 15, channel: 'note', direction: 'outbound', summary: 'Owner of Miller Hardware; personal account', agent: 'james@example.com' }],
  },
  {
    key: 'miller-hardware',
    name: 'Miller Hardware LLC',
    phones: [[DEMO_CALLERS.sharedMiller, 'main'], ['+13125550198', 'fax']],
    email: 'office@millerhardware.example',
    tags: ['b2b', 'price-sensitive', 'complaint-history'],
    timezone: 'America/Chicago',
    locale: 'en',
    team: 'north',
    currency: 'USD',
    segment: 'burden',
    rfm: [1, 2, 1],
    orders: [
      { externalId: 'MH-7001', daysAgo: 240, status: 'delivered', items: [['CBL-USBC-2', 30]], marginRate: -0.12 },
      { externalId: 'MH-7002', daysAgo: 400, status: 'returned', items: [['KET-EL-15', 10]], marginRate: -0.3 },
    ],
    history: [
      { daysAgo: 1, channel: 'phone', direction: 'inbound', summary: 'Disputes the restocking fee on MH-7002', disposition: 'complaint_logged', agent: 'james@example.com' },
      { daysAgo: 239, channel: 'email', direction: 'inbound', summary: 'Asked for a 20% volume discount', agent: 'maria@example.com' },
    ],
    complaint: { summary: 'Charged a restocking fee that was never agreed', category: 'billing', severity: 'medium', status: 'in_progress', hoursAgo: 20, order: 'MH-7002', agent: 'james@example.com' },
  },
  {
    key: 'liu-yang',
    name: 'Liu Yang 刘洋',
    phones: [['+8613500135000', 'mobile']], // 135 0013 5000
    tags: ['新客户'],
    timezone: 'Asia/Shanghai',
    locale: 'zh-CN',
    team: 'east',
    currency: 'CNY',
    segment: null,
    orders: [],
    history: [],
  },
];

const userId = (users: Map<string, string>, email: string) => {
  const id = users.get(email);
  if (!id) throw new Error(`demo user ${email} missing`);
  return id;
};

/** The rows of curated customer `k` of DEMO_CUSTOMERS. */
export function demoCustomerBundle(ctx: SeedContext, users: Map<string, string>, k: number): CustomerBundle {
  const spec = DEMO_CUSTOMERS[k]!;
  const id = seedId(ctx.seed, 'demoCustomer', k);
  const createdAt = at(ctx.anchor, -720 * DAY);
  const phones: NewPhone[] = spec.phones.map(([e164, label]) => ({ customerId: id, e164, label, createdAt }));
  const orders: NewOrder[] = spec.orders.map((o, n) =>
    orderRow({
      id: seedId(ctx.seed, 'demoOrder', k * 64 + n),
      customerId: id,
      externalId: o.externalId,
      currency: spec.currency,
      status: o.status,
      placedAt: at(ctx.anchor, -o.daysAgo * DAY + 3 * HOUR),
      items: o.items,
      locale: spec.locale,
      marginRate: o.marginRate,
    }),
  );
  const interactions: NewInteraction[] = spec.history.map((h, n) => ({
    id: seedId(ctx.seed, 'demoInteraction', k * 64 + n),
    customerId: id,
    channel: h.channel,
    direction: h.direction,
    summary: h.summary,
    disposition: h.disposition ?? null,
    agentId: userId(users, h.agent),
    at: at(ctx.anchor, -h.daysAgo * DAY + 2 * HOUR + n * 60_000),
  }));
  const bundle: CustomerBundle = {
    customer: {
      id,
      externalId: `DEMO-${spec.key}`,
      name: spec.name,
      email: spec.email ?? null,
      tags: spec.tags,
      timezone: spec.timezone,
      locale: spec.locale,
      teamId: ctx.refs.teams[spec.team],
      followUpFrequencyDays: spec.followUpFrequencyDays ?? null,
      rfmRecency: spec.rfm?.[0] ?? null,
      rfmFrequency: spec.rfm?.[1] ?? null,
      rfmMonetary: spec.rfm?.[2] ?? null,
      segment: spec.segment,
      createdAt,
      updatedAt: createdAt,
    },
    phones,
    orders,
    interactions,
    complaints: [],
    complaintEvents: [],
    followUps: [],
  };
  if (spec.complaint) {
    const c = spec.complaint;
    const { complaint, events } = openComplaint(ctx, {
      id: seedId(ctx.seed, 'demoComplaint', k),
      customerId: id,
      orderId: orders.find((o) => o.externalId === c.order)?.id ?? null,
      summary: c.summary,
      category: c.category,
      severity: c.severity,
      status: c.status,
      createdAt: at(ctx.anchor, -c.hoursAgo * HOUR),
      createdBy: userId(users, c.agent),
    });
    bundle.complaints.push(complaint);
    bundle.complaintEvents.push(...events);
  }
  if (spec.followUp) {
    const f = spec.followUp;
    bundle.followUps.push(
      pendingFollowUp({
        id: seedId(ctx.seed, 'demoFollowUp', k),
        customerId: id,
        kind: f.kind,
        reason: f.reason,
        dueAt: at(ctx.anchor, f.dueInHours * HOUR),
        queueId: ctx.refs.queues[f.queue],
        assigneeId: f.assignee ? userId(users, f.assignee) : null,
        createdBy: userId(users, f.agent),
        createdAt: at(ctx.anchor, -DAY),
      }),
    );
  }
  return bundle;
}
