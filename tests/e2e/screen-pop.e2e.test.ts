import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { complaints, escalationPolicies, followUps, interactions } from '../../db/schema';
import type { Segment } from '../../server/realtime/events';
import { postCti } from '../support/api';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const CTI_TOKEN = 'e2e-cti';
const LINE = '+14155550100'; // the dialled number: no queue claims it, so calls land in `default`
const DAY = 86_400_000;
const SEGMENT_ZH: Record<Segment, string> = { gold: '黄金', meteor: '流星', stream: '小溪', burden: '负担' };

const desks: Page[] = [];
const openCalls: Array<{ callId: string; from: string }> = [];

const h = useConsoleHarness('e2epop', { CTI_TOKEN, API_TOKEN: 'e2e-admin' }, {
  page: { timezoneId: 'Europe/London', viewport: { width: 1366, height: 900 } },
  // Agents are generalists: a call left ringing, or an agent left available, would reach the next test.
  async beforeClose() {
    for (const call of openCalls.splice(0)) await cti({ event: 'hangup', ...call, cause: 'cancel' });
    await Promise.all(desks.splice(0).map((page) => setStatus(page, 'away').catch(() => {})));
  },
});

async function setStatus(page: Page, status: 'available' | 'away'): Promise<void> {
  await page.getByTestId(`status-${status}`).click();
  await page.locator(`[data-testid=agent-status][data-status=${status}]`).waitFor();
}

/** A signed-in, connected, available agent's desk in a fresh browser context. */
async function availableDesk(name: string): Promise<{ page: Page; email: string }> {
  const agent = await createUser(h.server.sb, { role: 'agent', name });
  const page = await h.newPage();
  await h.signIn(page, agent.email, agent.password, { home: '/agent' });
  await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();
  await setStatus(page, 'available');
  desks.push(page);
  return { page, email: agent.email };
}

const cti = (fields: Record<string, string>) => postCti(h.server.url, CTI_TOKEN, { to: LINE, direction: 'in', ...fields }).then((s) => expect(s).toBe(200));

/** A CTI newCall, remembered so that afterEach hangs it up. */
function ring(from: string, callId = randomUUID()): Promise<void> {
  openCalls.push({ callId, from });
  return cti({ event: 'newCall', from, callId });
}
const popOf = (page: Page, state?: string) => page.locator(`[data-testid=call-pop]${state ? `[data-state=${state}]` : ''}`);
const cells = (rows: Locator, testId: string) => rows.getByTestId(testId).allInnerTexts();

/** Polls a server-side condition (the value job runs in a worker), failing after `timeoutMs`. */
async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50)); // poll interval, not a wait for time to pass
  }
}

async function createCustomer(fields: Record<string, unknown>): Promise<string> {
  const res = await h.admin.post<{ id: string }>('/api/customers', fields);
  expect(res.status).toBe(201);
  return res.body.id;
}

async function createOrder(customerId: string, externalId: string, total: string, currency: string, daysAgo: number): Promise<void> {
  const placedAt = new Date(Date.now() - daysAgo * DAY).toISOString();
  expect((await h.admin.post('/api/orders', { customerId, externalId, total, currency, status: 'paid', placedAt })).status).toBe(201);
}

/** An open complaint and a pending follow-up, written directly: their APIs belong to a later part. */
async function addComplaintAndFollowUp(customerId: string): Promise<void> {
  const { db: orm } = h.server.sb.ctx;
  const [policy] = await orm.insert(escalationPolicies).values({ name: `e2e-${randomUUID()}` }).returning();
  await orm.insert(complaints).values({
    customerId, policyId: policy!.id, summary: 'Parcel arrived damaged', category: 'delivery', severity: 'high',
    respondBy: new Date(Date.now() + 2 * 3_600_000), resolveBy: new Date(Date.now() + 2 * DAY),
  });
  await orm.insert(followUps).values({ customerId, reason: 'Confirm the replacement arrived', dueAt: new Date(Date.now() + 3 * DAY) });
}

describe('screen-pop in the agent console', () => {
  it('pops a known caller within a second, wraps up in the UI, and shows that contact first on the next call', async () => {
    const from = '+14155550142';
    const customerId = await createCustomer({ name: 'Wang Fang 王芳', phones: ['(415) 555-0142'], email: 'wang.fang@example.test', tags: ['vip', 'wholesale'], timezone: 'Asia/Shanghai' });
    await createOrder(customerId, 'SO-1001', '1299.50', 'CNY', 40);
    await createOrder(customerId, 'SO-1002', '89.90', 'USD', 3);
    await h.server.sb.ctx.db.insert(interactions).values({
      customerId, channel: 'email', direction: 'inbound', summary: 'Asked for a copy of the invoice', disposition: 'information', at: new Date(Date.now() - 10 * DAY),
    });
    await addComplaintAndFollowUp(customerId);
    const value = await until(async () => {
      const { body } = await h.admin.get<{ segment: Segment | null; rfm: { recency: number; frequency: number; monetary: number } | null }>(`/api/customers/${customerId}`);
      return body.segment && body.rfm ? { segment: body.segment, rfm: body.rfm } : undefined;
    }, 'the customer value job to score the customer');

    const { page, email } = await availableDesk('Li Na');
    const callId = randomUUID();
    const started = performance.now();
    await ring(from, callId);
    await popOf(page).getByTestId('pop-caller').filter({ hasText: 'Wang Fang 王芳' }).waitFor();
    const latency = Math.round(performance.now() - started);
    console.warn(`pop visible after ${latency} ms`);
    expect(latency).toBeLessThan(1000);

    const pop = popOf(page);
    expect(await pop.getAttribute('data-state')).toBe('ringing');
    expect(await cells(pop.getByTestId('order-row'), 'order-total')).toEqual(['$89.90', 'CN¥1,299.50']);
    expect(await pop.getByTestId('order-row').first().innerText()).toContain('SO-1002');
    expect(await cells(pop.getByTestId('history-row'), 'history-summary')).toEqual(['Asked for a copy of the invoice']);
    expect(await pop.getByTestId('history-row').innerText()).toContain('Information given');
    expect(await pop.getByTestId('complaint-item').innerText()).toMatch(/Parcel arrived damaged[\s\S]*High[\s\S]*Level 1/);
    expect(await pop.getByTestId('followup-item').innerText()).toContain('Confirm the replacement arrived');
    expect(await pop.getByTestId('pop-tags').innerText()).toMatch(/vip\s+wholesale/);
    expect(await pop.getByTestId('pop-local-time').innerText()).toContain('Asia/Shanghai');
    const { recency, frequency, monetary } = value.rfm;
    expect(await pop.getByTestId('rfm-scores').innerText()).toMatch(new RegExp(`R${recency}[\\s\\S]*F${frequency}[\\s\\S]*M${monetary}`));
    expect(await pop.getByTestId('pop-segment').getAttribute('data-segment')).toBe(value.segment);
    expect(await pop.getByTestId('wrapup-form').count()).toBe(0); // not while it rings

    await cti({ event: 'answer', from, callId, user: email });
    await popOf(page, 'answered').waitFor();
    await cti({ event: 'hangup', from, callId, cause: 'normalClearing' });
    await popOf(page, 'completed').waitFor();
    expect(await pop.getByTestId('pop-dismiss').count()).toBe(0); // not before the wrap-up

    const notes = 'Confirmed SO-1002 ships on Friday';
    await pop.getByTestId('wrapup-submit').click();
    await pop.getByTestId('wrapup-missing').waitFor();
    await pop.getByLabel('Disposition').selectOption('resolved');
    await pop.getByLabel('Notes').fill(notes);
    await pop.getByTestId('wrapup-submit').click();
    await pop.getByTestId('wrapup-saved').waitFor();
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${h.screenshots}/pop-wrapped-en.png`, fullPage: true });
    await pop.getByTestId('wrapup-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();
    await pop.getByTestId('pop-dismiss').click();
    await popOf(page).waitFor({ state: 'detached' });

    await ring(from);
    const next = popOf(page, 'ringing');
    await next.getByTestId('pop-caller').filter({ hasText: 'Wang Fang 王芳' }).waitFor();
    expect(await cells(next.getByTestId('history-row'), 'history-summary')).toEqual([notes, 'Asked for a copy of the invoice']);
    expect(await next.getByTestId('history-row').first().innerText()).toMatch(/Phone[\s\S]*Inbound[\s\S]*Resolved[\s\S]*Li Na/);
    await page.screenshot({ path: `${h.screenshots}/pop-en.png`, fullPage: true });

    await page.getByTestId('language-zh-CN').click();
    await page.getByTestId('page-title').filter({ hasText: '坐席工作台' }).waitFor();
    expect(await next.getByTestId('history-row').first().innerText()).toMatch(/电话[\s\S]*呼入[\s\S]*已解决/);
    expect(await next.getByTestId('call-state').innerText()).toBe('振铃中');
    // Order statuses the integrator sends in English read in Chinese too.
    expect(await next.getByTestId('order-row').first().innerText()).toContain('已付款');
    expect(await next.getByTestId('pop-segment').locator('button').innerText()).toBe(SEGMENT_ZH[value.segment]);
    await next.getByTestId('pop-segment').locator('button').focus();
    await next.getByTestId('segment-tip').waitFor({ state: 'visible' });
    await page.screenshot({ path: `${h.screenshots}/pop-zh-CN.png`, fullPage: true });
  });

  it('offers an unknown caller as a new customer, prefilled with the number, and links the call', async () => {
    const from = '+14155550199';
    const { page } = await availableDesk('Zhou Min');
    await ring(from);
    const pop = popOf(page);
    const form = pop.getByTestId('new-customer-form');
    await form.waitFor();
    expect(await pop.getByTestId('pop-caller').innerText()).toBe('Unknown caller');
    expect(await form.getByLabel('Phone numbers').inputValue()).toBe(from);

    await form.getByLabel('Name').fill('Chen Jing');
    await form.getByLabel('Email (optional)').fill('chen.jing@example.test');
    await form.getByLabel('Tags (optional)').fill('new, web');
    await page.screenshot({ path: `${h.screenshots}/pop-new-customer-en.png`, fullPage: true });
    await form.getByTestId('new-customer-submit').click();
    await pop.getByTestId('pop-caller').filter({ hasText: 'Chen Jing' }).waitFor();
    expect(await pop.getByTestId('pop-phones').innerText()).toBe(from);
    expect(await pop.getByTestId('pop-tags').innerText()).toMatch(/new\s+web/);
    expect(await form.count()).toBe(0);

    const callId = await pop.getAttribute('data-call-id');
    const found = await h.admin.get<{ customers: Array<{ id: string; name: string }> }>(`/api/customers?phone=${encodeURIComponent(from)}`);
    expect(found.body.customers.map((c) => c.name)).toEqual(['Chen Jing']);
    const call = await h.admin.get<{ call: { customerId: string } }>(`/api/calls/${callId}`);
    expect(call.body.call.customerId).toBe(found.body.customers[0]!.id);
  });

  it('lets the agent pick which of several customers sharing the number is calling', async () => {
    const from = '+14155550177';
    await createCustomer({ name: 'Sun Hao (home)', phones: [from] });
    const officeId = await createCustomer({ name: 'Sun Hao (office)', phones: [from], tags: ['b2b'] });
    await createOrder(officeId, 'SO-2001', '450.00', 'EUR', 5);
    const { page } = await availableDesk('Guo Lei');
    await ring(from);
    const pop = popOf(page);
    await pop.getByTestId('candidate-chooser').waitFor();
    expect(await pop.getByTestId('candidate').count()).toBe(2);

    await pop.locator(`[data-testid=candidate][data-customer-id="${officeId}"]`).click();
    await pop.getByTestId('pop-caller').filter({ hasText: 'Sun Hao (office)' }).waitFor();
    await pop.locator(`[data-testid=candidate][data-customer-id="${officeId}"][aria-pressed=true]`).waitFor();
    expect(await pop.getByTestId('order-row').innerText()).toContain('SO-2001');
    const call = await h.admin.get<{ call: { customerId: string } }>(`/api/calls/${await pop.getAttribute('data-call-id')}`);
    expect(call.body.call.customerId).toBe(officeId);
  });
});
