import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { apiClient, type ApiClient } from './api';
import { launchBrowser } from './browser';
import { createTestDatabase, type TestDatabase } from './test-db';
import { startTestServer, type TestServer } from './test-server';

/** Where the browser tests write their screenshots. */
export const SCREENSHOTS = 'test-results/screenshots';

export interface PageOptions {
  /** Browser locale; 'en-US' unless the harness or the call says otherwise. */
  locale?: string;
  /** 1280×900 unless the harness or the call says otherwise. */
  viewport?: { width: number; height: number };
  /** The browser's (the agent's) time zone; the machine's own when unset. */
  timezoneId?: string;
}

export interface ConsoleHarnessOptions {
  /** Defaults for every `newPage()` of this file. */
  page?: PageOptions;
  /**
   * A console.error text that is expected and must not fail the test. Failed resource loads
   * (a 401 or 429 the page handles) are always ignored; this is for anything beyond them.
   */
  ignoreConsoleError?: (text: string) => boolean;
  /**
   * Runs after each test, before its browser contexts close and its page errors are asserted:
   * for cleanup that needs the pages or the server (hang up calls left ringing, set agents away).
   */
  beforeClose?: () => Promise<void>;
}

export interface SignInOptions {
  /**
   * Wait for the console to land here after submitting: a path ('/agent' waits for `**\/agent`)
   * or a URL predicate. Without it, signIn returns right after the submit click.
   */
  home?: string | ((url: URL) => boolean);
}

export interface ConsoleHarness {
  /** The running server (throws outside the tests and hooks). */
  readonly server: TestServer;
  /** This file's fresh database (throws outside the tests and hooks). */
  readonly db: TestDatabase;
  /** An API client with the `API_TOKEN` passed in `env` (throws when there is none). */
  readonly admin: ApiClient;
  /** The screenshots folder, created before the first test. */
  readonly screenshots: string;
  /** A page in a fresh browser context; closed after the test, its errors fail the test. */
  newPage(opts?: PageOptions): Promise<Page>;
  /** Fills the login form (English or Chinese labels) and submits it. */
  signIn(page: Page, email: string, password: string, opts?: SignInOptions): Promise<void>;
}

const EXPECTED_CONSOLE_ERROR = 'Failed to load resource';

/**
 * The shared setup of the browser tests: registers vitest hooks that create a fresh database,
 * start the server with the production console on it (with `env` overrides) and launch Chromium
 * before the file; close every context after each test, failing it on any uncaught page error or
 * console.error; and close everything after the file. Call it once, at the top level of the file.
 */
export function useConsoleHarness(label: string, env: Record<string, string> = {}, options: ConsoleHarnessOptions = {}): ConsoleHarness {
  let db: TestDatabase | undefined;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let admin: ApiClient | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: Error[] = [];
  const defaults = { locale: 'en-US', viewport: { width: 1280, height: 900 }, ...options.page };

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`console harness: no ${what} yet (use it inside a test or hook, after beforeAll)`);
    return value;
  };

  beforeAll(async () => {
    db = await createTestDatabase(label);
    server = await startTestServer(db.url, env, { console: 'production' });
    browser = await launchBrowser();
    await mkdir(SCREENSHOTS, { recursive: true });
  });

  afterEach(async () => {
    await options.beforeClose?.();
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    // An uncaught exception in the console (hydration, render) fails the test that caused it.
    expect(pageErrors.splice(0).map((e) => e.message)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await db?.drop();
  });

  return {
    get server() {
      return started(server, 'server');
    },
    get db() {
      return started(db, 'database');
    },
    get admin() {
      if (!env.API_TOKEN) throw new Error('console harness: no API_TOKEN in env, so no admin client');
      admin ??= apiClient(started(server, 'server').url, env.API_TOKEN);
      return admin;
    },
    screenshots: SCREENSHOTS,

    async newPage(opts: PageOptions = {}): Promise<Page> {
      const { locale, viewport, timezoneId } = { ...defaults, ...opts };
      const contextOptions: BrowserContextOptions = { baseURL: started(server, 'server').url, locale, viewport };
      if (timezoneId) contextOptions.timezoneId = timezoneId;
      const context = await started(browser, 'browser').newContext(contextOptions);
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      page.on('pageerror', (err) => pageErrors.push(err));
      // React reports hydration mismatches through console.error; failed fetches (401, 429) are expected.
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (text.startsWith(EXPECTED_CONSOLE_ERROR) || options.ignoreConsoleError?.(text)) return;
        pageErrors.push(new Error(text));
      });
      return page;
    },

    async signIn(page: Page, email: string, password: string, opts: SignInOptions = {}): Promise<void> {
      await page.goto('/login');
      await page.getByLabel(/email|邮箱/i).fill(email);
      await page.getByLabel(/password|密码/i).fill(password);
      await page.locator('form button[type=submit]').click();
      if (opts.home) await page.waitForURL(typeof opts.home === 'string' ? `**${opts.home}` : opts.home);
    },
  };
}
