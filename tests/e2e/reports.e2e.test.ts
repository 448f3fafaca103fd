import { describe, expect, it } from 'vitest';
import { useConsoleHarness } from '../support/console-harness';
import { createUser } from '../support/test-server';

const h = useConsoleHarness('e2ereports', { API_TOKEN: 'e2e-reports' });

const sumOf = (rows: string[][], column: number) => rows.reduce((n, r) => n + Number(r[column] ?? 0), 0);

describe('reports in Chromium', () => {
  it('charts and tabulates calls and complaints, with hours to resolve, and downloads the CSV', async () => {
    const sql = h.server.sb.ctx.database.sql;
    await sql`insert into calls (provider, provider_call_id, from_number, to_number, state, started_at, answered_at) values
      ('cti', 'rep-1', '+8613800138000', '+861065529900', 'completed', now() - interval '3 minutes', now() - interval '170 seconds'),
      ('cti', 'rep-2', '+8613800138001', '+861065529900', 'completed', now() - interval '2 minutes', now() - interval '110 seconds'),
      ('cti', 'rep-3', '+8613800138002', '+861065529900', 'abandoned', now() - interval '1 minute', null)`;
    const [customer] = await sql<{ id: string }[]>`insert into customers (name) values ('Report Customer') returning id`;
    const [policy] = await sql<{ id: string }[]>`insert into escalation_policies (name) values ('reports-e2e') returning id`;
    await sql`insert into complaints (customer_id, summary, category, severity, policy_id, status, created_at, resolved_at) values
      (${customer!.id}, 'late parcel', 'delivery', 'low', ${policy!.id}, 'resolved', now() - interval '5 hours', now() - interval '1 hour')`;

    const supervisor = await createUser(h.server.sb, { role: 'supervisor' });
    const page = await h.newPage();
    await h.signIn(page, supervisor.email, supervisor.password, { home: '/supervisor' });
    await page.goto('/reports');
    await page.locator('[data-testid=report][data-report=calls]').waitFor();
    const table = async () => page.getByTestId('report-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    const calls = await table();
    expect(calls).toHaveLength(30);
    // day, offered, answered, abandoned, missed: summed, so a run across midnight still adds up.
    expect([sumOf(calls, 1), sumOf(calls, 2), sumOf(calls, 3)]).toEqual([3, 2, 1]);
    // The last day of the default range is today in the browser's own calendar.
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    expect(calls.at(-1)?.[0]).toBe(today);
    const tooltips = await page.locator('svg[role=img] rect title').allTextContents();
    expect(tooltips.some((t) => / · Answered: [12]$/.test(t))).toBe(true);

    await page.getByTestId('report-tab-complaints').click();
    await page.locator('[data-testid=report][data-report=complaints]').waitFor();
    await page.getByRole('img', { name: 'Hours to resolve' }).waitFor();
    const complaints = await table();
    expect(sumOf(complaints, 1)).toBe(1);
    expect(complaints.find((r) => r[2] === '1')?.[4]).toBe('4');
    await page.screenshot({ path: `${h.screenshots}/reports-complaints-en.png`, fullPage: true });

    const href = await page.getByTestId('report-csv').getAttribute('href');
    const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
    expect(csv.split('\r\n')[0]).toBe('day,opened,closed,avgHoursToResolve,medianHoursToResolve');
  });
});
