import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const h = useConsoleHarness('e2ecomplaints', { API_TOKEN: 'e2e-complaints-token' });

const row = (page: Page, id: string) => page.locator(`[data-testid=complaint-row][data-complaint-id="${id}"]`);

describe('complaints in Chromium', () => {
  it('a complaint opened with the form appears in the handler’s list, ticking, with customer and segment', async () => {
    const handler = await createUser(h.server.sb, { role: 'complaint_handler', name: 'Hana Handler' });
    const customer = await h.admin.post<{ id: string }>('/api/customers', { name: 'Zhou Min', phones: ['+14155550142'] });
    expect(customer.status).toBe(201);

    const page = await h.newPage();
    await h.signIn(page, handler.email, handler.password, { home: '/complaints' });
    await page.goto(`/complaints/new?customerId=${customer.body.id}`);
    await page.getByTestId('new-complaint-customer').filter({ hasText: 'Zhou Min' }).waitFor();
    const form = page.getByTestId('open-complaint-form');
    await form.getByLabel('Summary').fill('Blender arrived cracked');
    await form.getByLabel('Category').fill('delivery');
    await form.getByLabel('Severity').selectOption('high');
    await form.getByTestId('open-complaint-submit').click();
    const done = page.getByTestId('open-complaint-done');
    await done.waitFor();
    const id = (await done.getAttribute('data-complaint-id'))!;
    expect(await done.innerText()).toContain('Complaint opened at level 1.');

    await page.goto('/complaints');
    const listed = row(page, id);
    await listed.waitFor();
    expect(await listed.getAttribute('data-level')).toBe('1');
    expect(await listed.innerText()).toContain('Zhou Min');
    expect(await listed.innerText()).toContain('No segment');
    const first = await listed.getByTestId('deadline').innerText();
    expect(first).toMatch(/^Respond in /);
    await page.waitForFunction(
      ([sel, before]) => document.querySelector(sel)?.textContent !== before,
      [`[data-complaint-id="${id}"] [data-testid=deadline]`, first] as const,
    );
    await page.screenshot({ path: `${h.screenshots}/complaints-handler-en.png`, fullPage: true });

    await listed.getByRole('link', { name: 'Blender arrived cracked' }).click();
    await page.locator(`[data-testid=complaint-detail][data-complaint-id="${id}"]`).waitFor();
    await page.getByTestId('complaint-action-acknowledge').click();
    await page.locator('[data-testid=complaint-detail][data-status=acknowledged]').waitFor();
    await page.getByTestId('complaint-event').filter({ hasText: 'Acknowledged' }).waitFor();
  });

  it('after its deadline a complaint shows on the supervisor’s view at level 2, with a toast', async () => {
    const handler = await createUser(h.server.sb, { role: 'complaint_handler' });
    const supervisor = await createUser(h.server.sb, { role: 'supervisor', name: 'Sun Supervisor' });
    const ladder = await h.admin.put('/api/escalation-policies/e2e-ladder', {
      categories: ['e2e-escalation'],
      levels: [
        { level: 1, assignTo: { userId: handler.id }, respondWithin: 'PT5S', resolveWithin: 'P1D' },
        { level: 2, assignTo: { role: 'supervisor' }, respondWithin: 'PT1H', resolveWithin: 'P1D' },
      ],
    });
    expect(ladder.status).toBe(200);
    const customer = await h.admin.post<{ id: string }>('/api/customers', { name: 'Qian Lei', phones: ['+14155550143'] });

    const supervisorPage = await h.newPage();
    await h.signIn(supervisorPage, supervisor.email, supervisor.password, { home: '/supervisor' });
    await supervisorPage.getByRole('link', { name: 'Complaints' }).click();
    await supervisorPage.waitForURL('**/complaints');
    await supervisorPage.locator('[data-testid=complaints-view-escalated][aria-selected=true]').waitFor();
    await supervisorPage.locator('[data-testid=connection-status][data-state=connected]').waitFor();
    const handlerPage = await h.newPage();
    await h.signIn(handlerPage, handler.email, handler.password, { home: '/complaints' });
    await handlerPage.locator('[data-testid=connection-status][data-state=connected]').waitFor();

    const created = await h.admin.post<{ id: string; level: number; assigneeId: string }>('/api/complaints', {
      customerId: customer.body.id,
      summary: 'Charged twice',
      category: 'e2e-escalation',
      severity: 'critical',
    });
    expect(created.body).toMatchObject({ level: 1, assigneeId: handler.id });

    // Listed live (complaint:updated) on the handler's open page while still at level 1.
    await row(handlerPage, created.body.id).waitFor();

    const escalated = row(supervisorPage, created.body.id);
    await escalated.waitFor({ timeout: 20_000 });
    expect(await escalated.getAttribute('data-level')).toBe('2');
    expect(await escalated.innerText()).toContain('Sun Supervisor');
    await supervisorPage.locator(`[data-testid=complaint-toast][data-complaint-id="${created.body.id}"]`).waitFor();
    await supervisorPage.screenshot({ path: `${h.screenshots}/complaints-supervisor-en.png`, fullPage: true });

    // The handler's list loses it (no longer theirs), the trail says why.
    await row(handlerPage, created.body.id).waitFor({ state: 'detached', timeout: 20_000 });
    await supervisorPage.goto(`/complaints/${created.body.id}`);
    await supervisorPage.locator('[data-testid=complaint-event][data-type=escalated]').filter({ hasText: 'Not acknowledged in time' }).waitFor();

    await supervisorPage.getByTestId('language-zh-CN').click();
    await supervisorPage.locator('[data-testid=complaint-event][data-type=escalated]').filter({ hasText: '未按时确认受理' }).waitFor();
    await supervisorPage.screenshot({ path: `${h.screenshots}/complaint-detail-zh-CN.png`, fullPage: true });
  });
});
