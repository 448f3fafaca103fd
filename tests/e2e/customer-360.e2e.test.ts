import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAllValues } from '../../server/customers/recompute-all-values';
import { apiClient, postCti, type ApiClient } from '../support/api';
import { launchBrowser } from '../support/browser';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, startTestServer, type TestServer } from '../support/test-server';

const SCREENSHOTS = 'test-results/screenshots';
const CTI_TOKEN = 'e2e-c360-cti';
const DAY = 86_400_000;
const PHONE = '+14155550177';

let db: TestDatabase;
let server: TestServer;
let browser: Browser;
let admin: ApiClient;
let goldId: string;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];

beforeAll(async () => {
  db = await createTestDatabase('e2ec360');
  server = await startTestServer(db.url, { CTI_TOKEN, API_TOKEN: 'e2e-c360-admin' }, { console: 'production' });
  admin = apiClient(server.url, 'e2e-c360-admin');
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
  const created = await admin.post<{ id: string }>('/api/customers', { name: 'Gold Buyer', phones: [PHONE], email: 'gold@example.test', tags: ['vip'] });
  expect(created.status).toBe(201);
  goldId = created.body.id;
  for (let i = 0; i < 6; i++) {
    const res = await admin.post('/api/orders', { customerId: goldId, externalId: `c360-${i}`, total: '500', currency: 'USD', status: 'paid', placedAt: new Date(Date.now() - (i * 7 + 1) * DAY).toISOString() });
    expect(res.status).toBe(201);
  }
  await recomputeAllValues(server.sb.ctx);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  expect(pageErrors.splice(0).map((e) => e.message)).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.drop();
});

async function signedIn(role: 'admin' | 'agent'): Promise<Page> {
  const user = await createUser(server.sb, { role });
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', viewport: { width: 1366, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(new Error(msg.text()));
  });
  await page.goto('/login');
  await page.getByLabel(/email|邮箱/i).fill(user.email);
  await page.getByLabel(/password|密码/i).fill(user.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => url.pathname !== '/login');
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
    expect(await page.getByTestId('customer-orders').innerText()).toContain('c360-0');
    expect(await page.getByTestId('customer-phones').innerText()).toContain(PHONE);
    await page.screenshot({ path: `${SCREENSHOTS}/customer-360-en.png`, fullPage: true });
  });

  it('shows the segment on the pop of a call from the customer', async () => {
    const page = await signedIn('agent');
    await page.waitForURL('**/agent');
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();
    await page.getByTestId('status-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();
    const callId = randomUUID();
    expect(await postCti(server.url, CTI_TOKEN, { event: 'newCall', from: PHONE, to: '+14155550100', direction: 'in', callId })).toBe(200);
    await page.locator('[data-testid=call-pop] [data-testid=pop-segment][data-segment=gold]').waitFor();
    expect(await postCti(server.url, CTI_TOKEN, { event: 'hangup', from: PHONE, to: '+14155550100', direction: 'in', callId, cause: 'cancel' })).toBe(200);
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
    expect(await page.getByTestId('import-counts').innerText()).toBe('1 rows imported, 2 rejected');
    const link = page.getByTestId('import-errors-link');
    const href = await link.getAttribute('href');
    const errors = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(errors.split('\r\n').filter(Boolean)).toHaveLength(3);
    await page.screenshot({ path: `${SCREENSHOTS}/import-en.png`, fullPage: true });
  });
});
