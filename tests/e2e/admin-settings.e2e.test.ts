import { describe, expect, it } from 'vitest';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const h = useConsoleHarness('e2eadmin', { API_TOKEN: 'e2e-admin-settings' });

describe('administration in Chromium', () => {
  it('edits the wrap-up dispositions, one per line, and the API serves the new list', async () => {
    const admin = await createUser(h.server.sb, { role: 'admin' });
    const page = await h.newPage();
    await h.signIn(page, admin.email, admin.password, { home: (url) => url.pathname === '/admin' });
    const input = page.getByTestId('dispositions-input');
    await page.waitForFunction(() => (document.querySelector('[data-testid=dispositions-input]') as HTMLTextAreaElement | null)?.value.includes('resolved'));
    expect((await input.inputValue()).split('\n')).toContain('callback_requested');

    await input.fill('resolved\n\n  sale  \n已回访\n');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('dispositions-status').getByText('Saved.').waitFor();
    expect(await input.inputValue()).toBe('resolved\nsale\n已回访');
    expect((await h.admin.get<{ dispositions: string[] }>('/api/settings/dispositions')).body).toEqual({ dispositions: ['resolved', 'sale', '已回访'] });

    // A repeated entry is refused whole and the stored list stays.
    await input.fill('sale\nsale');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByTestId('dispositions-status').getByText(/Could not save/).waitFor();
    expect((await h.admin.get<{ dispositions: string[] }>('/api/settings/dispositions')).body.dispositions).toEqual(['resolved', 'sale', '已回访']);
    await page.screenshot({ path: `${h.screenshots}/admin-dispositions-en.png`, fullPage: true });
  });

  it('sets how customer value is judged, rescoring everyone, and names a refused value', async () => {
    const admin = await createUser(h.server.sb, { role: 'admin' });
    const page = await h.newPage();
    await h.signIn(page, admin.email, admin.password, { home: (url) => url.pathname === '/admin' });
    const minOrders = page.getByTestId('value-min-orders');
    await page.waitForFunction(() => (document.querySelector('[data-testid=value-min-orders]') as HTMLInputElement | null)?.value === '2');
    expect(await page.getByTestId('value-last-run').innerText()).toBe('No full run yet: the first order or this save starts one.');
    expect(await page.getByTestId('value-excluded-statuses').inputValue()).toBe('cancelled, refunded, returned');

    await page.getByTestId('value-window-days').fill('180');
    await minOrders.fill('4');
    await page.getByTestId('value-high-value-score').selectOption('4');
    await page.getByTestId('value-excluded-statuses').fill('cancelled，refunded, returned, 已退货');
    await page.getByTestId('value-currency-rates').fill('usd: 7.2\n');
    await page.getByRole('button', { name: 'Save and rescore' }).click();
    await page.getByTestId('value-status').getByText('Saved. Every customer is being rescored now.').waitFor();
    // The queued full run finishes (workers run inline here) and the editor shows it.
    await page.getByTestId('value-status').getByText('Saved. Every customer has been rescored under the new settings.').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('value-last-run').innerText()).toMatch(/^Last full run .*180-day window/);
    const saved = { windowDays: 180, thresholds: { frequentScore: 3, highValueScore: 4, minOrdersForFrequent: 4 }, excludedStatuses: ['cancelled', 'refunded', 'returned', '已退货'], currencyRates: { USD: 7.2 } };
    expect((await h.admin.get<{ config: unknown }>('/api/settings/customer-value')).body.config).toEqual(saved);
    expect(await page.getByTestId('value-excluded-statuses').inputValue()).toBe('cancelled, refunded, returned, 已退货');
    expect(await page.getByTestId('value-currency-rates').inputValue()).toBe('USD 7.2');

    // A status named twice is refused whole, the field is named, and the stored setting stays.
    await page.getByTestId('value-excluded-statuses').fill('cancelled, cancelled');
    await page.getByRole('button', { name: 'Save and rescore' }).click();
    await page.getByTestId('value-status').getByText(/Could not save: .*excludedStatuses.*each status once/).waitFor();
    expect((await h.admin.get<{ config: unknown }>('/api/settings/customer-value')).body.config).toEqual(saved);
    await page.screenshot({ path: `${h.screenshots}/admin-customer-value-en.png`, fullPage: true });
  });

  it('lets gold callers go first in a queue, from its switch', async () => {
    const created = await h.admin.post<{ id: string }>('/api/queues', { name: 'vip-line', numbers: ['+861065550001'] });
    expect(created.status).toBe(201);
    const admin = await createUser(h.server.sb, { role: 'admin' });
    const page = await h.newPage();
    await h.signIn(page, admin.email, admin.password, { home: (url) => url.pathname === '/admin' });
    const row = page.getByTestId('queue-row-vip-line');
    const toggle = row.getByRole('checkbox', { name: 'Gold callers first in vip-line' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await row.getByText('Saved.').waitFor();
    const queues = (await h.admin.get<{ queues: Array<{ id: string; prioritiseGold: boolean }> }>('/api/queues')).body.queues;
    expect(queues.find((q) => q.id === created.body.id)?.prioritiseGold).toBe(true);
    await page.reload();
    expect(await page.getByTestId('queue-row-vip-line').getByRole('checkbox').isChecked()).toBe(true);
  });
});
