import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';

const APP_DIR = path.resolve(__dirname, 'app');
const STRAPI_CLI = path.resolve(__dirname, '../../node_modules/.bin/strapi');

export interface BrowserApp {
  strapi: Core.Strapi;
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Builds the test app's admin panel with `strapi build`, which bundles the plugin's admin code
 * from dist/admin, so `npm run build` must have run first. Returns the build's duration in ms.
 */
export function buildAdminPanel(): number {
  const started = Date.now();
  const result = spawnSync(STRAPI_CLI, ['build'], { cwd: APP_DIR, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`strapi build failed with exit code ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return Date.now() - started;
}

/**
 * Checks whether an earlier `strapi build` left an admin panel. It may be older than the plugin's
 * current admin code, so only REFRESHING_BROWSER_REUSE_BUILD=1, for quick reruns, relies on it.
 */
export function adminPanelIsBuilt(): boolean {
  return existsSync(path.join(APP_DIR, 'build', 'index.html'));
}

/** Asks the OS for a free TCP port on 127.0.0.1. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts the test app in this process on 127.0.0.1, on a free port and a new SQLite file, and
 * serves the admin panel that `buildAdminPanel` built. `stop()` deletes the database.
 */
export async function startBrowserApp(): Promise<BrowserApp> {
  const databaseDir = mkdtempSync(path.join(tmpdir(), 'refreshing-browser-db-'));
  const port = await findFreePort();
  process.env.DATABASE_FILENAME = path.join(databaseDir, 'data.db');
  process.env.PORT = String(port);

  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  await strapi.listen();

  return {
    strapi,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await strapi.destroy();
      rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/** Creates an active super admin through Strapi's admin services. */
export async function createSuperAdmin(strapi: Core.Strapi, email: string, password: string): Promise<void> {
  const superAdminRole = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email,
    firstname: 'Browser',
    lastname: 'Test',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdminRole.id],
  });
}
