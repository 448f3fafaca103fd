import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { recomputeAllValues } from '../../server/customers/recompute-all-values';
import { postCti } from '../support/api';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const CTI_TOKEN = 'e2e-c360-cti';
const DAY = 86_400_000;
const PHONE = '+14155550177';

const h = useConsoleHarness('e2ec360', { CTI_TOKEN, API_TOKEN: 'e2e-c360-admin' }, { page: { viewport: { width: 1366, height: 900 } } });
let goldId: string;

beforeAll(async () => {
  const created = await h.admin.post<{ id: string }>('/api/customers', { name: 'Gold Buyer', phones: [PHONE], email: 'gold@example.test', tags: ['vip'] });
  expect(created.status).toBe(201);
  goldId = created.body.id;
  for (let i = 0; i < 6; i++) {
    const res = await h.admin.post('/api/orders', { customerId: goldId, externalId: `c360-${i}`, total: '500', currency: 'USD', status: 'paid', placedAt: new Date(Date.now() - (i * 7 + 1) * DAY).toISOString() });
    expect(res.status).toBe(201);
  }
  await recomputeAllValues(h.server.sb.ctx);
});

async function signedIn(role: 'admin' | 'agent'): Promise<Page> {
  const user = await createUser(h.server.sb, { role });
  const page = await h.newPage();
  await h.signIn(page, user.email, user.password, { home: (url) => url.pathname !== '/login' });
  return page;
}

describe('customer 360 in Chromium', () => {
  it('opens the customer from search and shows the segment badge with the RFM explained', async () => {
    const page = await signedIn('admin');
    await page.goto('/customers');
    await page.getByLabel('Search customers').fill('Gold Buyer');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('customer-link').filter({ hasText: 'Gold Buyer' }).click();
    await page.waitForURL(`**/customers/${goldId}`);
    await page.locator('[data-testid=customer-segment][data-segment=gold]').waitFor();
    expect(await page.getByTestId('customer-segment').innerText()).toBe('Gold');
    expect(await page.getByTestId('customer-rfm-reasons').innerText()).toContain('Buys often.');
    await page.getByTestId('customer-orders').getByText('c360-0').waitFor();
    expect(await page.getByTestId('customer-local-time').innerText()).not.toBe('');
    expect(await page.getByTestId('customer-phones').innerText()).toContain(PHONE);
    await page.screenshot({ path: `${h.screenshots}/customer-360-en.png`, fullPage: true });
  });

  it('lets an admin move the customer to another team; an agent sees the team read-only', async () => {
    const team = `North ${randomUUID().slice(0, 6)}`;
    const admin = await signedIn('admin');
    await admin.goto(`/customers/${goldId}`);
    const teamInput = admin.getByTestId('customer-team-input');
    expect(await teamInput.inputValue()).toBe('');
    await teamInput.fill(team);
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Saved.').waitFor();
    await admin.reload();
    await admin.getByTestId('customer-team-input').waitFor();
    expect(await admin.getByTestId('customer-team-input').inputValue()).toBe(team);
    // The new team is now one of the suggestions.
    await admin.locator(`#team-choices option[value="${team}"]`).waitFor({ state: 'attached' });

    const agent = await signedIn('agent');
    await agent.goto(`/customers/${goldId}`);
    expect(await agent.getByTestId('customer-team').innerText()).toBe(team);
    expect(await agent.getByTestId('customer-team-input').count()).toBe(0);
    // Saving the profile as an agent does not try to move the customer.
    await agent.getByRole('button', { name: 'Save' }).click();
    await agent.getByText('Saved.').waitFor();

    await admin.getByTestId('customer-team-input').fill('');
    await admin.getByRole('button', { name: 'Save' }).click();
    await admin.getByText('Saved.').waitFor();
    const [row] = await h.server.sb.ctx.database.sql<{ team_id: string | null }[]>`select team_id from customers where id = ${goldId}`;
    expect(row!.team_id).toBeNull();
  });

  it('shows the segment on the pop of a call from the customer', async () => {
    const page = await signedIn('agent');
    await page.waitForURL('**/agent');
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();
    await page.getByTestId('status-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();
    const callId = randomUUID();
    expect(await postCti(h.server.url, CTI_TOKEN, { event: 'newCall', from: PHONE, to: '+14155550100', direction: 'in', callId })).toBe(200);
    await page.locator('[data-testid=call-pop] [data-testid=pop-segment][data-segment=gold]').waitFor();
    expect(await postCti(h.server.url, CTI_TOKEN, { event: 'hangup', from: PHONE, to: '+14155550100', direction: 'in', callId, cause: 'cancel' })).toBe(200);
    await page.getByTestId('status-away').click();
  });

  it('imports a CSV with progress and offers the rejected rows for download', async () => {
    const page = await signedIn('admin');
    await page.goto('/admin/imports');
    const csv = ['external_id,name,phones,email', 'e2e-1,Import One,+14155550180,one@example.test', 'e2e-2,,,', 'e2e-3,Import Three,not-a-number,'].join('\n');
    await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.locator('[data-testid=import-status][data-status=done]').waitFor();
    expect(await page.getByTestId('import-progress').getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByTestId('import-counts').innerText()).toBe('1 row imported, 2 rejected');
    const link = page.getByTestId('import-errors-link');
    const href = await link.getAttribute('href');
    const errors = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(errors.split('\r\n').filter(Boolean)).toHaveLength(3);
    // The import is listed under the recent ones, with its rejected rows.
    const recent = page.getByTestId('recent-imports');
    await recent.getByText('customers.csv').waitFor();
    expect(await recent.getByRole('link', { name: 'Download the rejected rows (CSV)' }).count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: `${h.screenshots}/import-en.png`, fullPage: true });

    // A file big enough to take a few seconds: the bar is seen between 0 and 100 on the way.
    const rows = Array.from({ length: 60_000 }, (_, i) => `bulk-${i},Bulk Customer ${i},,bulk${i}@example.test`);
    await page.getByTestId('import-file').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(['external_id,name,phones,email', ...rows].join('\n')) });
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { progressSeen: number[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid=import-progress]');
        if (bar) seen.push(Number(bar.getAttribute('aria-valuenow')));
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['aria-valuenow'], childList: true });
    });
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByTestId('import-counts').getByText('60,000 rows imported, 0 rejected').waitFor({ timeout: 60_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: number[] }).progressSeen);
    expect(seen.some((v) => v > 0 && v < 100), JSON.stringify(seen)).toBe(true);

    // A file that cannot be read at all says why.
    await page.getByTestId('import-file').setInputFiles({ name: 'no-ids.csv', mimeType: 'text/csv', buffer: Buffer.from('name,email\nX,x@example.test\n') });
    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('alert').getByText('The import could not run: missing column(s): external_id').waitFor();
    await page.locator('[data-testid=import-status][data-status=failed]').waitFor();
  });
});
