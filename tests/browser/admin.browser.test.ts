import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import type { Page } from 'playwright-core';

import { basicAuthorization } from '../helpers/oauth';
import { createUser } from '../helpers/users';
import type { TestUser } from '../helpers/users';

import { adminPanelIsBuilt, buildAdminPanel, createSuperAdmin, startBrowserApp } from './browser-app';
import type { BrowserApp } from './browser-app';
import { DEFAULT_VIEWPORT, launchChromium } from './chromium';
import type { Chromium } from './chromium';

const SCREENSHOT_DIR = path.resolve(__dirname, '../../docs/screenshots');
const FAILURE_SCREENSHOT = path.join(tmpdir(), 'refreshing-browser-failure.png');
const ADMIN = { email: 'admin@example.com', password: 'Admin-password-1' };
const CLIENT = { name: 'Back office', clientId: 'backoffice', scopes: 'orders reports', accessTokenLifetime: 600 };
const DEVICE_USER_AGENT = 'BackOffice/2.3 (Macintosh; Intel Mac OS X 14_4)';
// Long enough to be cut in the Sessions table, which must still fit the window.
const LONG_EMAIL = 'bruno.fernandes-oliveira@customer-support.example.com';
// The narrowest window where the row actions must show without horizontal scrolling.
const NARROW_VIEWPORT = { width: 1280, height: 800 };

// Token requests go straight to the token endpoint, as an OAuth client would send them.
async function postToken(baseUrl: string, clientSecret: string, parameters: Record<string, string>, userAgent?: string) {
  const response = await fetch(`${baseUrl}/oauth/token`, {
    method: 'POST',
    headers: {
      Authorization: basicAuthorization(CLIENT.clientId, clientSecret),
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(userAgent ? { 'User-Agent': userAgent } : {}),
    },
    body: new URLSearchParams(parameters),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/**
 * Asserts that the table has no horizontal scroll and that each row's last button ends inside the
 * table's visible area, at the default window width and at the narrow one.
 */
async function assertRowActionsInView(page: Page) {
  for (const viewport of [DEFAULT_VIEWPORT, NARROW_VIEWPORT]) {
    await page.setViewportSize(viewport);
    const layout = await page.getByRole('grid').evaluate((table) => {
      // The design system's Table scrolls horizontally in the table's parent element.
      const scroller = table.parentElement!;
      const visibleRight = scroller.getBoundingClientRect().right;
      const rows = [...table.querySelectorAll('tbody tr')];
      return {
        hiddenWidth: scroller.scrollWidth - scroller.clientWidth,
        rowCount: rows.length,
        actionsPastEdge: rows.filter((row) => {
          const buttons = row.querySelectorAll('td:last-child button');
          return buttons.length === 0 || buttons[buttons.length - 1].getBoundingClientRect().right > visibleRight;
        }).length,
      };
    });

    assert.ok(layout.rowCount > 0, 'the table has rows');
    assert.equal(layout.hiddenWidth, 0, `table scrolls ${layout.hiddenWidth} px at ${viewport.width} px`);
    assert.equal(layout.actionsPastEdge, 0, `rows with actions out of view at ${viewport.width} px`);
  }
  await page.setViewportSize(DEFAULT_VIEWPORT);
}

describe('admin panel in Chromium', () => {
  let app: BrowserApp;
  let browser: Chromium;
  let page: Page;
  let user: TestUser;
  let clientSecret: string;
  let refreshToken: string;

  before(async () => {
    if (process.env.REFRESHING_BROWSER_REUSE_BUILD === '1' && adminPanelIsBuilt()) {
      console.log('# reusing the admin panel in tests/browser/app/build');
    } else {
      const buildMilliseconds = buildAdminPanel();
      console.log(`# strapi build took ${Math.round(buildMilliseconds / 1000)} s`);
    }

    app = await startBrowserApp();
    await createSuperAdmin(app.strapi, ADMIN.email, ADMIN.password);
    user = await createUser(app.strapi, { username: 'alice', email: 'alice@example.com' });
    const otherUser = await createUser(app.strapi, { username: 'bruno', email: LONG_EMAIL });

    // A session on the declared public client, so that the Sessions page lists more than one.
    const response = await fetch(`${app.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'User-Agent': 'MobileApp/5.1 (iPhone; iOS 17.4)' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'mobile-app',
        username: otherUser.username,
        password: otherUser.password,
      }),
    });
    assert.equal(response.status, 200, 'the mobile-app session was created');

    browser = await launchChromium(app.baseUrl);
    page = await browser.context.newPage();
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  // The steps build on each other, so after a failure the later ones are skipped instead of
  // each waiting for its own timeout.
  let failedStep: string | undefined;
  const step = (name: string, run: () => Promise<void> | void) =>
    test(name, async (context) => {
      if (failedStep) {
        context.skip(`"${failedStep}" failed`);
        return;
      }
      try {
        await run();
      } catch (error) {
        failedStep = name;
        await page?.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true }).catch(() => undefined);
        console.log(`# the page at the failure is in ${FAILURE_SCREENSHOT}`);
        throw error;
      }
    });

  step('sign in on the login page', async () => {
    await page.goto(`${app.baseUrl}/admin/auth/login`);
    await page.getByLabel('Email').fill(ADMIN.email);
    // The label also contains the required-field asterisk, so the input is found by its name.
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Login' }).click();

    await page.waitForURL((url) => !url.pathname.startsWith('/admin/auth'));
  });

  step('menu link opens the Clients page', async () => {
    await page.getByRole('link', { name: 'OAuth' }).click();

    await page.waitForURL(/\/admin\/plugins\/refreshing\/clients$/);
    await page.getByRole('heading', { name: 'Clients' }).waitFor();
    await page.getByRole('row', { name: /Mobile app/ }).waitFor();

    // Strapi's own announcement banner would cover the top of every screenshot.
    const closeBanner = page.getByRole('button', { name: 'Close' });
    if ((await closeBanner.count()) > 0) {
      await closeBanner.first().click();
    }
  });

  step('create a confidential client and see its secret once', async () => {
    await page.getByRole('button', { name: 'Create client' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('Name').fill(CLIENT.name);
    await form.getByLabel('Client ID').fill(CLIENT.clientId);
    await form.getByLabel('Scopes').fill(CLIENT.scopes);
    await form.getByLabel('Access token lifetime').fill(String(CLIENT.accessTokenLifetime));
    await form.getByRole('button', { name: 'Create client' }).click();

    const secretDialog = page.getByRole('alertdialog');
    await secretDialog.getByText('It will not be shown again').waitFor();
    clientSecret = await secretDialog.getByLabel('Client secret').inputValue();
    assert.match(clientSecret, /^[A-Za-z0-9_-]{43}$/);

    await secretDialog.getByRole('button', { name: 'Copy secret' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), clientSecret);

    await secretDialog.getByRole('button', { name: 'I have stored it' }).click();
    await secretDialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: new RegExp(CLIENT.name) });
    await row.waitFor();
    assert.match(await row.innerText(), /orders, reports/);
    assert.match(await row.innerText(), /10 minutes/);
    assert.ok(!(await page.content()).includes(clientSecret), 'the secret is no longer in the page');
  });

  step('password grant with the new client', async () => {
    const response = await postToken(
      app.baseUrl,
      clientSecret,
      { grant_type: 'password', username: user.username, password: user.password, scope: 'orders' },
      DEVICE_USER_AGENT,
    );

    assert.equal(response.status, 200);
    assert.equal(response.body.scope, 'orders');
    assert.equal(response.body.expires_in, CLIENT.accessTokenLifetime);
    refreshToken = response.body.refresh_token;

    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(CLIENT.name) });
    await row.waitFor();
    assert.match(await row.innerText(), /1 active session/);
    await assertRowActionsInView(page);
    await screenshot(page, 'clients');
  });

  step('revoke the session on the Sessions page', async () => {
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.waitForURL(/\/admin\/plugins\/refreshing\/sessions/);
    const row = page.getByRole('row', { name: /alice/ });
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(CLIENT.name));
    assert.match(await row.innerText(), /BackOffice on macOS/);
    await page.getByRole('row', { name: /bruno/ }).waitFor();
    await page.getByText('A numeric ID, such as 12. Or select a username in the list.').waitFor();
    await assertRowActionsInView(page);
    await screenshot(page, 'sessions');

    await row.getByRole('button', { name: 'Revoke the session of alice on Back office (BackOffice on macOS)', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'Revoke the session?' }).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    const notice = page.getByText('1 session revoked.');
    await notice.waitFor();
    await row.waitFor({ state: 'detached' });
    await notice.waitFor({ state: 'hidden' });
  });

  step("revoke all of a user's sessions from a row", async () => {
    const row = page.getByRole('row', { name: /bruno/ });
    await row.getByRole('button', { name: 'Revoke all sessions of bruno', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'Revoke all sessions of the user?' }).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();

    const notice = page.getByText('1 session revoked.');
    await notice.waitFor();
    await row.waitFor({ state: 'detached' });
    await page.getByText('No active session matches.').waitFor();
    await notice.waitFor({ state: 'hidden' });
  });

  step('revoked refresh token gets invalid_grant', async () => {
    const response = await postToken(app.baseUrl, clientSecret, { grant_type: 'refresh_token', refresh_token: refreshToken });

    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_grant');
  });

  step('Settings page shows the settings in force', async () => {
    await page.getByRole('link', { name: 'Settings' }).last().click();
    await page.waitForURL(/\/admin\/plugins\/refreshing\/settings$/);

    const accessTokenLifetime = page.getByLabel('Access token lifetime (seconds)');
    await accessTokenLifetime.waitFor();
    assert.equal(await accessTokenLifetime.inputValue(), '900');
    await page.getByText('Default: 2,592,000 (30 days)').waitFor();

    // The admin layout scrolls inside its own container, so a taller window shows the whole form.
    await page.setViewportSize({ width: DEFAULT_VIEWPORT.width, height: 1400 });
    await screenshot(page, 'settings');
    await page.setViewportSize(DEFAULT_VIEWPORT);
  });

  step('Settings rejects a lifetime of 0', async () => {
    await page.getByLabel('Access token lifetime (seconds)').fill('0');
    await page.getByRole('button', { name: 'Save' }).click();

    await page.getByText('Enter a whole number greater than 0.').waitFor();
    await page.getByText('Correct the marked fields, then save again.').waitFor();
  });

  step('saved lifetime applies to new tokens', async () => {
    await page.getByLabel('Access token lifetime (seconds)').fill('1200');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Settings saved.').waitFor();

    const response = await fetch(`${app.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'mobile-app', username: user.username, password: user.password }),
    });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { expires_in: number }).expires_in, 1200);
  });

  step('Reset to defaults restores the lifetime', async () => {
    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByRole('heading', { name: 'Reset to defaults?' }).waitFor();
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText('The default settings apply again.').waitFor();

    assert.equal(await page.getByLabel('Access token lifetime (seconds)').inputValue(), '900');
    const response = await fetch(`${app.baseUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'mobile-app', username: user.username, password: user.password }),
    });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { expires_in: number }).expires_in, 900);
  });

  test('page loaded nothing from other hosts', () => {
    assert.deepEqual(browser.blockedRequests, []);
  });
});
