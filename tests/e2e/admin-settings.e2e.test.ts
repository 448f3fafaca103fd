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
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('dispositions-status').getByText('Saved.').waitFor();
    expect(await input.inputValue()).toBe('resolved\nsale\n已回访');
    expect((await h.admin.get<{ dispositions: string[] }>('/api/settings/dispositions')).body).toEqual({ dispositions: ['resolved', 'sale', '已回访'] });

    // A repeated entry is refused whole and the stored list stays.
    await input.fill('sale\nsale');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('dispositions-status').getByText(/Could not save/).waitFor();
    expect((await h.admin.get<{ dispositions: string[] }>('/api/settings/dispositions')).body.dispositions).toEqual(['resolved', 'sale', '已回访']);
    await page.screenshot({ path: `${h.screenshots}/admin-dispositions-en.png`, fullPage: true });
  });
});
