import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser';
import { apiClient, postCti } from '../support/api';
import { createTestDatabase, type TestDatabase } from '../support/test-db';
import { createUser, startTestServer, type TestServer } from '../support/test-server';

const SCREENSHOTS = 'test-results/screenshots';
const CTI_TOKEN = 'cti-wallboard';
const API_TOKEN = 'admin-wallboard';

let db: TestDatabase;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: Error[] = [];

beforeAll(async () => {
  db = await createTestDatabase('e2ewall');
  server = await startTestServer(db.url, { CTI_TOKEN, API_TOKEN }, { console: 'production' });
  browser = await launchBrowser();
  await mkdir(SCREENSHOTS, { recursive: true });
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

async function newPage(locale = 'en-US'): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(err));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) pageErrors.push(new Error(msg.text()));
  });
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(/email|邮箱/i).fill(email);
  await page.getByLabel(/password|密码/i).fill(password);
  await page.locator('form button[type=submit]').click();
}

describe('wallboard in Chromium', () => {
  it('shows a new waiting call within a second of its webhook, then sees it answered', async () => {
    const queue = `e2e-${randomUUID().slice(0, 6)}`;
    const number = '+14155550100';
    expect((await apiClient(server.url, API_TOKEN).post('/api/queues', { name: queue, numbers: [number] })).status).toBe(201);
    const supervisor = await createUser(server.sb, { role: 'supervisor' });
    const agent = await createUser(server.sb, { role: 'agent', name: 'Wall Agent' });

    const page = await newPage();
    await signIn(page, supervisor.email, supervisor.password);
    await page.waitForURL('**/supervisor');
    const tile = page.locator(`[data-testid=queue-row][data-queue="${queue}"]`);
    await tile.waitFor();
    expect(await tile.getByTestId('tile-waiting').innerText()).toBe('0');

    // Nobody is available: the call waits in the queue.
    const caller = '+16505550123';
    const callId = `wall-${randomUUID()}`;
    expect(await postCti(server.url, CTI_TOKEN, { event: 'newCall', from: caller, to: number, direction: 'in', callId })).toBe(200);
    const sent = Date.now();
    await page.locator(`[data-testid=waiting-call][data-from="${caller}"]`).waitFor({ timeout: 1000 });
    const shownAfterMs = Date.now() - sent;
    expect(shownAfterMs).toBeLessThan(1000);
    await tile.locator('[data-testid=tile-waiting]', { hasText: /^1$/ }).waitFor({ timeout: 1000 });
    // The wait ticks between snapshots.
    await page.locator(`[data-testid=waiting-call][data-from="${caller}"] [data-testid=wait-time]`, { hasText: /^0:0[1-9]$/ }).waitFor({ timeout: 3000 });
    await page.screenshot({ path: `${SCREENSHOTS}/wallboard-waiting-en.png`, fullPage: true });

    expect(await postCti(server.url, CTI_TOKEN, { event: 'answer', from: caller, to: number, direction: 'in', callId, user: agent.email })).toBe(200);
    await tile.locator('[data-testid=tile-answered]', { hasText: /^1$/ }).waitFor({ timeout: 1000 });
    await tile.locator('[data-testid=tile-waiting]', { hasText: /^0$/ }).waitFor({ timeout: 1000 });
    expect(await page.locator(`[data-testid=waiting-call][data-from="${caller}"]`).count()).toBe(0);
    expect(await tile.getByTestId('tile-offered').innerText()).toBe('1');
    expect(await tile.getByTestId('tile-service-level').innerText()).toBe('100%');
    await page.locator(`[data-testid=calls-chart][data-queue="${queue}"]`).waitFor();
    await page.locator(`[data-testid=agent-row][data-agent-id="${agent.id}"][data-state=busy]`).waitFor();

    await page.getByTestId('language-zh-CN').click();
    await page.getByRole('heading', { name: '排队来电' }).waitFor();
    expect(await tile.innerText()).toContain('已接听');
    await page.screenshot({ path: `${SCREENSHOTS}/wallboard-zh-CN.png`, fullPage: true });
    console.warn(`[wallboard] waiting call shown ${shownAfterMs} ms after its webhook answered`);
  });
});
