import { randomBytes, randomUUID } from 'node:crypto';
import { chromium } from 'playwright-core';
import postgres from 'postgres';
import { hashPassword } from '../../server/auth/password';
import { spawnServer } from '../lib/spawn-server';
import { summarise, type LatencySummary } from '../lib/stats';
import { loadAverage } from '../lib/proc-stats';
import { benchCallSid, hangUpUnanswered, ring } from '../lib/twilio-call';

export interface ConsoleE2eResult {
  calls: number;
  /** Webhook POST sent → the caller's name painted in a new ringing pop card (first animation frame after the DOM change). */
  webhookToVisibleMs: LatencySummary;
  /** Webhook POST sent → the card in the DOM (before layout/paint). */
  webhookToDomMs: LatencySummary;
  failures: number;
  loadAverage1m: number;
}

const DIALLED = '+15005550006';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The real console in Chromium on a production-build server (`npx next build` first): an agent
 * logs in, goes available, and `calls` callers ring one after the other. Each is timed from the
 * voice webhook's POST to its name being visible, then hung up unanswered (missed) and dismissed.
 * Page and bench share the machine's clock (Date.now()).
 */
export async function consoleE2e(env: Record<string, string>, databaseUrl: string, calls: number): Promise<ConsoleE2eResult> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const password = randomBytes(12).toString('base64url');
  const email = `bench-console-${randomUUID().slice(0, 8)}@bench.test`;
  await sql`insert into users (email, name, role, password_hash) values (${email}, 'Bench Console Agent', 'agent', ${await hashPassword(password)})`;
  // Callers who are the only customer on their number, with distinct names: the card to wait for is unambiguous.
  const callers = await sql<Array<{ e164: string; name: string }>>`
    select distinct on (c.name) p.e164, c.name from customer_phones p join customers c on c.id = p.customer_id
    where p.id in (select id from customer_phones tablesample system (1) limit ${calls * 5})
      and not exists (select 1 from customer_phones q where q.e164 = p.e164 and q.customer_id <> p.customer_id)
    limit ${calls}`;
  await sql.end();

  const server = await spawnServer({ ...env, BENCH_CONSOLE: 'production', NODE_ENV: 'production' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const visible: number[] = [];
  const dom: number[] = [];
  let failures = 0;
  try {
    const context = await browser.newContext({ baseURL: server.url, locale: 'en-US', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto('/login');
    await page.getByLabel(/email/i).fill(email);
    await page.getByLabel(/password/i).fill(password);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL('**/agent');
    await page.locator('[data-testid=connection-status][data-state=connected]').waitFor();
    await page.getByTestId('status-available').click();
    await page.locator('[data-testid=agent-status][data-status=available]').waitFor();

    for (const [i, caller] of callers.entries()) {
      // Watch for a new ringing card with this caller's name, installed before the webhook goes out.
      // A source string, not a function: tsx's name helpers (`__name`) do not exist in the page.
      await page.evaluate(`(() => {
        const name = ${JSON.stringify(caller.name)};
        const seen = new Set([...document.querySelectorAll('[data-testid=call-pop]')].map((e) => e.getAttribute('data-call-id')));
        window.__benchPop = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            for (const card of document.querySelectorAll('[data-testid=call-pop][data-state=ringing]')) {
              if (seen.has(card.getAttribute('data-call-id')) || card.querySelector('[data-testid=pop-caller]')?.textContent?.trim() !== name) continue;
              const dom = Date.now();
              observer.disconnect();
              requestAnimationFrame(() => resolve({ dom, painted: Date.now() }));
              return;
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
        });
      })()`);
      const callSid = benchCallSid(`console-${randomUUID()}`);
      const sent = Date.now();
      const status = await ring(server.url, callSid, caller.e164, DIALLED);
      try {
        if (status !== 200) throw new Error(`voice webhook answered ${status}`);
        const seen = await Promise.race([page.evaluate('window.__benchPop') as Promise<{ dom: number; painted: number }>, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no pop in 10 s')), 10_000))]);
        visible.push(seen.painted - sent);
        dom.push(seen.dom - sent);
      } catch (err) {
        failures += 1;
        console.warn(`    call ${i}: ${(err as Error).message}`);
      }
      await hangUpUnanswered(server.url, callSid, caller.e164, DIALLED);
      const card = page.locator('[data-testid=call-pop][data-state=missed]').first();
      await card.waitFor().catch(() => {});
      await card.getByTestId('pop-dismiss').click().catch(() => {});
      await page.locator('[data-testid=call-pop]').first().waitFor({ state: 'detached', timeout: 5000 }).catch(() => {});
    }
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  return { calls: callers.length, webhookToVisibleMs: summarise(visible), webhookToDomMs: summarise(dom), failures, loadAverage1m: loadAverage() };
}
