import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { queues, users } from '../../db/schema';
import type { CallPop } from '../../server/realtime/events';
import { useConsoleHarness } from '../support/console-harness';
import { createUser, login } from '../support/test-server';

const h = useConsoleHarness('e2elogin', {}, { page: { viewport: { width: 1280, height: 800 } } });

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();

function samplePop(callId: string): CallPop {
  return {
    callId,
    provider: 'cti',
    providerCallId: 'e2e-fixture-call',
    from: '+8613800138000',
    to: '+861085551234',
    queue: 'support',
    startedAt: new Date().toISOString(),
    customer: { id: 'c-1', name: 'Wang Fang', phones: ['+8613800138000'], email: 'wang@example.test', tags: ['vip'], segment: 'gold', rfm: { recency: 5, frequency: 4, monetary: 5 }, timezone: 'Asia/Shanghai' },
    candidates: [],
    history: [{ id: 'h-1', at: new Date(Date.now() - 86_400_000).toISOString(), channel: 'phone', direction: 'in', summary: 'Asked about delivery', disposition: 'resolved', agent: null }],
    orders: [],
    complaints: [],
    followUps: [],
  };
}

describe('console shell in Chromium', () => {
  it('sends a visitor without a session to /login', async () => {
    const page = await h.newPage();
    await page.goto('/agent');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('shows a translated error for a wrong password', async () => {
    const agent = await createUser(h.server.sb, { role: 'agent' });
    const page = await h.newPage();
    await h.signIn(page, agent.email, 'not the password');
    const alert = page.getByTestId('login-error');
    await alert.waitFor();
    expect(await alert.innerText()).toBe('Invalid email or password.');
    expect(page.url()).toMatch(/\/login$/);
    await page.screenshot({ path: `${h.screenshots}/login-error.png` });
  });

  it('switches the login page to 中文 before signing in, errors included', async () => {
    const page = await h.newPage();
    await page.goto('/login');
    await page.getByTestId('language-zh-CN').click();
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await h.signIn(page, 'nobody@example.test', 'wrong');
    await page.getByTestId('login-error').filter({ hasText: '邮箱或密码错误。' }).waitFor();
  });

  it('shows when to retry after too many failed attempts (429)', async () => {
    const agent = await createUser(h.server.sb, { role: 'agent' });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${h.server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: agent.email, password: 'wrong' }) });
      expect(res.status).toBe(401);
    }
    const page = await h.newPage();
    await h.signIn(page, agent.email, agent.password);
    await page.locator('[data-testid=login-error][data-error=tooManyAttempts]').waitFor();
    expect(await text(page, 'login-error')).toMatch(/^Too many failed attempts\. Try again in \d+ minutes?\.$/);
  });

  it('signs an agent in, sets a status, shows a pop, and remembers 中文 for the user', async () => {
    const agent = await createUser(h.server.sb, { role: 'agent', name: 'Li Na' });
    const page = await h.newPage();
    await h.signIn(page, agent.email, agent.password, { home: '/agent' });
    expect(await text(page, 'page-title')).toBe('Agent desk');
    expect(await text(page, 'current-user')).toContain('Li Na');
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();

    await page.getByTestId('status-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();
    expect(await page.getByTestId('status-available').getAttribute('aria-checked')).toBe('true');
    expect(await text(page, 'agent-status')).toBe('Current status: Available');

    h.server.sb.ctx.realtime.toUser(agent.id, 'call:pop', samplePop('call-e2e-1'));
    const pop = page.locator('[data-testid=call-pop][data-call-id=call-e2e-1]');
    await pop.waitFor();
    expect(await pop.getByTestId('pop-caller').innerText()).toBe('Wang Fang');
    h.server.sb.ctx.realtime.toUser(agent.id, 'call:state', { callId: 'call-e2e-1', state: 'answered', agentId: agent.id, at: new Date().toISOString() });
    await page.locator('[data-testid=call-pop][data-call-id=call-e2e-1][data-state=answered]').waitFor();
    await page.screenshot({ path: `${h.screenshots}/agent-en.png`, fullPage: true });

    await page.getByTestId('language-zh-CN').click();
    await page.getByTestId('page-title').filter({ hasText: '坐席工作台' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await text(page, 'status-available')).toBe('空闲');
    expect(await text(page, 'status-away')).toBe('离开');
    expect(await text(page, 'status-wrap_up')).toBe('话后处理');
    expect(await text(page, 'logout')).toBe('退出登录');
    expect(await text(page, 'current-role')).toBe('坐席');
    expect(await text(page, 'agent-status')).toBe('当前状态：空闲'); // the acknowledged status survives the refresh
    expect(await pop.getByTestId('call-state').innerText()).toBe('已接听');
    await page.screenshot({ path: `${h.screenshots}/agent-zh-CN.png`, fullPage: true });

    await page.reload();
    await page.getByTestId('page-title').filter({ hasText: '坐席工作台' }).waitFor();
    expect(await text(page, 'status-available')).toBe('空闲');

    const [row] = await h.server.sb.ctx.db.select({ locale: users.locale }).from(users).where(eq(users.id, agent.id));
    expect(row?.locale).toBe('zh-CN');

    // Another machine: a clean browser context in English comes back in the user's Chinese.
    const elsewhere = await h.newPage();
    await h.signIn(elsewhere, agent.email, agent.password, { home: '/agent' });
    await elsewhere.getByTestId('page-title').filter({ hasText: '坐席工作台' }).waitFor();
  });

  it('lands a supervisor on /supervisor with the live queue table', async () => {
    const supervisor = await createUser(h.server.sb, { role: 'supervisor' });
    const page = await h.newPage();
    await h.signIn(page, supervisor.email, supervisor.password, { home: '/supervisor' });
    expect(await text(page, 'page-title')).toBe('Floor overview');
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();

    // A real queue, in the server's own snapshot (sent on connect, so a reload shows it).
    await h.server.sb.ctx.db.insert(queues).values({ name: 'e2e-sales' }).onConflictDoNothing();
    const row = page.locator('[data-testid=queue-row][data-queue=e2e-sales]');
    await page.reload();
    await row.waitFor({ timeout: 5000 });
    expect(await row.innerText()).toContain('e2e-sales');
    await page.screenshot({ path: `${h.screenshots}/supervisor-en.png` });
  });

  it('routes / by role and keeps an agent out of the supervisor page', async () => {
    const agent = await createUser(h.server.sb, { role: 'agent' });
    const page = await h.newPage();
    await h.signIn(page, agent.email, agent.password, { home: '/agent' });
    await page.goto('/');
    await page.waitForURL('**/agent');
    await page.goto('/supervisor');
    await page.getByTestId('access-denied').waitFor();
  });

  it('searches customers and shows them in a table', async () => {
    const handler = await createUser(h.server.sb, { role: 'complaint_handler' });
    const { token } = await login(h.server.url, handler.email, handler.password);
    const created = await fetch(`${h.server.url}/api/customers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'Zhao Lei Searchable', phones: ['+14155550123'], email: 'zhao@example.test', tags: ['wholesale'] }),
    });
    expect(created.status).toBe(201);

    const page = await h.newPage();
    await h.signIn(page, handler.email, handler.password, { home: '/complaints' });
    await page.getByRole('link', { name: 'Customer search' }).click();
    await page.waitForURL('**/customers');
    await page.getByLabel('Search customers').fill('Searchable');
    await page.getByRole('button', { name: 'Search' }).click();
    const row = page.getByTestId('customer-row').filter({ hasText: 'Zhao Lei Searchable' });
    await row.waitFor();
    expect(await row.innerText()).toContain('+14155550123');
    await page.screenshot({ path: `${h.screenshots}/customers-en.png` });

    await page.getByLabel('Search customers').fill('no-such-customer-anywhere');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('customer-no-results').waitFor();
  });
});
