import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { followUps, notifications } from '../../db/schema';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

// The agent works in Berlin; the customer lives in Shanghai: both local times are shown.
const h = useConsoleHarness('e2efollowups', { API_TOKEN: 'admin-token', DEFAULT_REGION: 'CN' }, { page: { timezoneId: 'Europe/Berlin' } });

async function followUp(customerId: string, assigneeId: string, inMs: number, reason: string): Promise<string> {
  const res = await h.admin.post<{ id: string }>('/api/followups', { customerId, assigneeId, reason, dueAt: new Date(Date.now() + inMs).toISOString() });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describe('follow-ups in Chromium', () => {
  it('lists a follow-up, pops it when due, and clears it when the outcome is recorded', async () => {
    const agent = await createUser(h.server.sb, { role: 'agent', name: 'Zhou Min' });
    const cust = await h.admin.post<{ id: string }>('/api/customers', { name: 'Liu Yang 刘洋', phones: ['139 1234 5678'], timezone: 'Asia/Shanghai' });
    expect(cust.status).toBe(201);

    const page = await h.newPage();
    await h.signIn(page, agent.email, agent.password, { home: '/agent' });
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();
    await page.getByTestId('status-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();

    const id = await followUp(cust.body.id, agent.id, 5000, 'Confirm the replacement arrived');
    await page.getByTestId('nav-followups').click();
    await page.waitForURL('**/followups');
    const upcoming = page.locator(`[data-testid=followups-upcoming] [data-testid=followup-row][data-followup-id="${id}"]`);
    await upcoming.waitFor();
    expect(await upcoming.innerText()).toContain('Liu Yang 刘洋');
    expect(await upcoming.getByTestId('followup-due-customer').innerText()).toBeTruthy();

    // Due: the pop-like card appears and the list moves it to "due".
    const pop = page.locator(`[data-testid=followup-pop][data-followup-id="${id}"]`);
    await pop.waitFor({ timeout: 10_000 });
    expect(await pop.getByTestId('followup-pop-customer').innerText()).toBe('Liu Yang 刘洋');
    expect(await pop.getByTestId('followup-pop-reason').innerText()).toBe('Confirm the replacement arrived');
    await page.locator(`[data-testid=followups-due] [data-followup-id="${id}"]`).waitFor();
    await page.screenshot({ path: `${h.screenshots}/followups-due-en.png`, fullPage: true });

    // No provider configured: Start says to dial by hand.
    await pop.getByTestId('followup-start').click();
    await pop.getByTestId('followup-dial-status').filter({ hasText: 'Dial +8613912345678 by hand' }).waitFor();

    await pop.getByTestId('followup-outcome-reached').click();
    await pop.waitFor({ state: 'detached' });
    await page.locator(`[data-testid=followup-row][data-followup-id="${id}"]`).waitFor({ state: 'detached' });
    const [row] = await h.server.sb.ctx.db.select().from(followUps).where(eq(followUps.id, id));
    expect(row).toMatchObject({ status: 'completed', lastOutcome: 'reached' });
    const unread = await h.server.sb.ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, agent.id), sql`${notifications.ackedAt} is null`));
    expect(unread).toEqual([]);

    // The agent desk shows follow-ups too; "no answer" clears the card and schedules the next attempt.
    await page.getByRole('link', { name: 'Agent desk' }).click();
    await page.waitForURL('**/agent');
    const second = await followUp(cust.body.id, agent.id, 500, 'Second call');
    const card = page.locator(`[data-testid=followup-pop][data-followup-id="${second}"]`);
    await card.waitFor({ timeout: 10_000 });
    await card.getByTestId('followup-outcome-no_answer').click();
    await card.waitFor({ state: 'detached' });
    const [retry] = await h.server.sb.ctx.db.select().from(followUps).where(eq(followUps.id, second));
    expect(retry).toMatchObject({ status: 'pending', attempt: 2, lastOutcome: 'no_answer' });
  });
});
