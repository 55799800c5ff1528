import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type DashboardServer, startDashboardServer } from '../src/serve/dashboard-server.ts';
import {
  createServeFixture,
  hostileId,
  hostileName,
  hostileTag,
  type ServeFixture,
} from './serve-fixture.ts';

// NOTE: real headless Chromium (Debian's `chromium` package; `.ci/run` installs it). A missing
// browser fails these tests: they must not pass by skipping.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the screenshots go (the test output folder; git-ignored). */
export const screenshotDirectory = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '.test-results',
  'serve-screenshots',
);

let fixture: ServeFixture;
let server: DashboardServer;
let context: BrowserContext;
let page: Page;
let profileDirectory: string;
const pageErrors: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium is not installed at ${executablePath}: run \`apt-get install -y chromium\` (as .ci/run does) or set CHROMIUM_PATH`,
    );
  mkdirSync(screenshotDirectory, { recursive: true });
  fixture = await createServeFixture();
  server = await startDashboardServer(fixture.app, { host: '127.0.0.1', port: 0 });
  profileDirectory = mkdtempSync(join(tmpdir(), 'cloud-inventory-chromium-'));
  // A fresh profile folder per run: the closed network otherwise floods connections from old state.
  context = await chromium.launchPersistentContext(profileDirectory, {
    executablePath,
    headless: true,
    viewport: { width: 1360, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
}, 180_000);

afterAll(async () => {
  await context?.close().catch(() => {});
  await server?.close();
  await fixture?.cleanup();
  if (profileDirectory) rmSync(profileDirectory, { recursive: true, force: true });
});

async function screenshot(name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDirectory, `${name}.png`), fullPage: true });
  expect(existsSync(join(screenshotDirectory, `${name}.png`))).toBe(true);
}

describe('the dashboard in headless Chromium', () => {
  test('overview: every cloud with its last run, the charts and the counts', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.locator('.cloud-card').count()).toBe(12);
    const hostileCard = page.locator('.cloud-card[data-cloud="hostile-cloud"]');
    expect(await hostileCard.locator('.badge').first().textContent()).toBe('partial');
    expect(await hostileCard.textContent()).toContain('1 failed (auth 1)');
    expect(await page.locator('svg.chart polyline').count()).toBe(1);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
    await screenshot('1-overview');
  });

  test('inventory: choosing a cloud filters the table on the server; paging follows the cursor', async () => {
    await page.goto(`${server.url}/inventory?limit=10`);
    await page.selectOption('select[name="cloud"]', 'aws-demo');
    await page.waitForURL(/cloud=aws-demo/);
    expect(page.url()).not.toContain('name=');
    const clouds = await page.locator('table.inventory tbody tr td:nth-child(3)').allTextContents();
    expect(clouds.length).toBe(10);
    expect(new Set(clouds)).toEqual(new Set(['aws-demo']));
    await screenshot('2-inventory-filtered');
    await page.click('a.next-page');
    await page.waitForURL(/cursor=/);
    expect(await page.locator('table.inventory tbody tr').count()).toBeGreaterThan(0);
  });

  test('inventory as of a time: the table becomes inventoryAt(t), deleted-since resources included', async () => {
    await page.goto(`${server.url}/inventory?cloud=aws-demo`);
    await page.fill('input[name="at"]', new Date(Date.now() + 60_000).toISOString().slice(0, 19));
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/at=/);
    expect(await page.locator('h1').textContent()).toContain('as of');
    expect(await page.locator('table.inventory th').allTextContents()).toContain('Version then');
    // Just before a deletion, the deleted resource is in the table, marked with when it went.
    const feed = (await (
      await fetch(`${server.url}/api/changes?kind=deleted&limit=1`)
    ).json()) as any;
    const deleted = feed.items[0];
    const before = new Date(Date.parse(deleted.detectedAt) - 1).toISOString();
    await page.goto(
      `${server.url}/inventory?cloud=${deleted.cloudId}&at=${encodeURIComponent(before)}`,
    );
    const row = page.locator('table.inventory tbody tr', {
      has: page.locator(`a[href="/resources/${encodeURIComponent(deleted.snapshotId)}"]`),
    });
    expect(await row.locator('td').last().textContent()).not.toContain('still there');
    await screenshot('3-inventory-as-of');
  });

  test('resource: open it from the table; hostile tag and name render as text', async () => {
    await page.goto(`${server.url}/inventory`);
    await page.fill('input[name="name"]', 'db-primary');
    await page.click('form.filters button[type="submit"]');
    await page.waitForURL(/name=db-primary/);
    await page.click(`a[href="/resources/${encodeURIComponent(hostileId)}"]`);
    await page.waitForURL(/\/resources\//);
    expect(await page.locator('h1').textContent()).toContain(hostileName);
    const tagCells = await page.locator('table.tags td').allTextContents();
    expect(tagCells).toContain(hostileTag);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('pre.configuration .redacted').count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    await screenshot('4-resource-hostile');
  });

  test('resource: pick two versions and see the diff', async () => {
    await page.goto(`${server.url}/resources/${encodeURIComponent(fixture.updatedId)}`);
    const versions = await page.locator('select[name="from"] option').allTextContents();
    expect(versions.length).toBeGreaterThan(1);
    await page.selectOption('select[name="from"]', versions[0] as string);
    await page.selectOption('select[name="to"]', versions.at(-1) as string);
    await page.click('text=Show diff');
    await page.waitForURL(new RegExp(`from=${versions[0]}&to=${versions.at(-1)}`));
    expect(await page.locator('table.diff tbody tr').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/resources/${encodeURIComponent(hostileId)}?from=1&to=2#diff`);
    const kinds = await page
      .locator('table.diff tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-kind')));
    expect(new Set(kinds)).toEqual(new Set(['added', 'removed', 'updated']));
    expect(await page.locator('.diff-summary').textContent()).toBe('1 added, 1 removed, 2 updated');
    await screenshot('5-resource-diff');
  });

  test('changes: the feed with filters; an entry links to its diff', async () => {
    await page.goto(`${server.url}/changes`);
    await page.selectOption('select[name="kind"]', 'updated');
    await page.waitForURL(/kind=updated/);
    const kinds = await page.locator('table.changes tbody tr td:nth-child(2)').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['updated']));
    await screenshot('6-changes');
    await page.locator('table.changes a', { hasText: 'diff' }).first().click();
    await page.waitForURL(/from=\d+&to=\d+/);
    expect(await page.locator('table.diff tbody tr').count()).toBeGreaterThan(0);
  });

  test('runs: per-scope outcome shows the missing permission', async () => {
    await page.goto(`${server.url}/runs?cloud=hostile-cloud`);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('iam:ListRoles');
    expect(text).toContain('rds:ListTagsForResource');
    expect(text).toContain('AccessDenied');
    await screenshot('7-runs');
  });

  test('no script error and no CSP violation on any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
