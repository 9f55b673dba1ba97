import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

// Debian's chromium package; the test never downloads a browser of its own.
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google's services,
// which a closed network refuses.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEFAULT_VIEWPORT = { width: 1440, height: 900 };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface Chromium {
  context: BrowserContext;
  /** URLs the page tried to load from hosts other than loopback; each was aborted. */
  blockedRequests: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with a new, empty profile. Every request to a host other than
 * loopback is aborted and recorded, so that the test sends traffic to 127.0.0.1 only.
 */
export async function launchChromium(origin: string): Promise<Chromium> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'refreshing-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    // A common laptop screen, so that the README's screenshots show the pages at a real size.
    viewport: DEFAULT_VIEWPORT,
    locale: 'en-US',
    timezoneId: 'UTC',
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });

  const blockedRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === 'data:' || url.protocol === 'blob:' || LOOPBACK_HOSTS.has(url.hostname)) {
      return route.continue();
    }
    blockedRequests.push(url.href);
    return route.abort('blockedbyclient');
  });

  return {
    context,
    blockedRequests,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
