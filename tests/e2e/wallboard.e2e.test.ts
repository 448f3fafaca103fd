import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { postCti } from '../support/api';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const CTI_TOKEN = 'cti-wallboard';
const API_TOKEN = 'admin-wallboard';

const h = useConsoleHarness('e2ewall', { CTI_TOKEN, API_TOKEN });

describe('wallboard in Chromium', () => {
  it('shows a new waiting call within a second of its webhook, then sees it answered', async () => {
    const queue = `e2e-${randomUUID().slice(0, 6)}`;
    const number = '+14155550100';
    expect((await h.admin.post('/api/queues', { name: queue, numbers: [number] })).status).toBe(201);
    const supervisor = await createUser(h.server.sb, { role: 'supervisor' });
    const agent = await createUser(h.server.sb, { role: 'agent', name: 'Wall Agent' });

    const page = await h.newPage();
    await h.signIn(page, supervisor.email, supervisor.password, { home: '/supervisor' });
    const tile = page.locator(`[data-testid=queue-row][data-queue="${queue}"]`);
    await tile.waitFor();
    expect(await tile.getByTestId('tile-waiting').innerText()).toBe('0');

    // Nobody is available: the call waits in the queue.
    const caller = '+16505550123';
    const callId = `wall-${randomUUID()}`;
    expect(await postCti(h.server.url, CTI_TOKEN, { event: 'newCall', from: caller, to: number, direction: 'in', callId })).toBe(200);
    const sent = Date.now();
    await page.locator(`[data-testid=waiting-call][data-from="${caller}"]`).waitFor({ timeout: 1000 });
    const shownAfterMs = Date.now() - sent;
    expect(shownAfterMs).toBeLessThan(1000);
    await tile.locator('[data-testid=tile-waiting]', { hasText: /^1$/ }).waitFor({ timeout: 1000 });
    // The wait ticks between snapshots.
    await page.locator(`[data-testid=waiting-call][data-from="${caller}"] [data-testid=wait-time]`, { hasText: /^0:0[1-9]$/ }).waitFor({ timeout: 3000 });
    await page.screenshot({ path: `${h.screenshots}/wallboard-waiting-en.png`, fullPage: true });

    expect(await postCti(h.server.url, CTI_TOKEN, { event: 'answer', from: caller, to: number, direction: 'in', callId, user: agent.email })).toBe(200);
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
    await page.screenshot({ path: `${h.screenshots}/wallboard-zh-CN.png`, fullPage: true });
    console.warn(`[wallboard] waiting call shown ${shownAfterMs} ms after its webhook answered`);
  });
});
