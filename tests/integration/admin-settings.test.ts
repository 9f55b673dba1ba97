import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, afterEach, before, describe, test } from 'node:test';

import { signInAsSuperAdmin } from '../helpers/admin';
import { createEditorLikeRole, signInWithRole } from '../helpers/admin-roles';
import { passwordGrant } from '../helpers/oauth';
import { familyIdOf, findFamily } from '../helpers/sessions';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

// The values of tests/app/config/plugins.js, over the plugin's defaults.
const CONFIG_FILE_SETTINGS = {
  accessTokenLifetime: 900,
  refreshTokenLifetime: 3600,
  refreshTokenIdleLifetime: 1209600,
  refreshTokenReuseInterval: 10,
  rateLimits: {
    passwordPerIdentifier: { points: 10, duration: 900 },
    passwordPerIp: { points: 100, duration: 900 },
    clientAuthenticationPerClient: { points: 20, duration: 900 },
  },
};

// Token lifetimes and rate limits changed in the admin panel, applied without a restart.
describe('/refreshing/settings', () => {
  let server: TestServer;
  let adminToken: string;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('admin_settings');
    adminToken = await signInAsSuperAdmin(server.strapi, server.http);
    user = await createUser(server.strapi);
  });

  afterEach(async () => {
    await server.http.put('/refreshing/settings').set(admin()).send(CONFIG_FILE_SETTINGS).expect(200);
  });

  after(async () => {
    await server?.stop();
  });

  const admin = () => ({ Authorization: `Bearer ${adminToken}` });
  const pluginStore = () => server.strapi.store({ type: 'plugin', name: 'refreshing' });

  async function saveSettings(changes: Record<string, unknown>) {
    const response = await server.http.put('/refreshing/settings').set(admin()).send({ ...CONFIG_FILE_SETTINGS, ...changes });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body;
  }

  test('GET returns settings and config file values', async () => {
    const response = await server.http.get('/refreshing/settings').set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: CONFIG_FILE_SETTINGS, defaults: CONFIG_FILE_SETTINGS });
  });

  test('PUT changes expires_in of the next token', async () => {
    const body = await saveSettings({ accessTokenLifetime: 120, refreshTokenLifetime: 600 });
    assert.deepEqual(body, { data: { ...CONFIG_FILE_SETTINGS, accessTokenLifetime: 120, refreshTokenLifetime: 600 } });

    const startedAt = Date.now();
    const login = await passwordGrant(server.http, user);

    assert.equal(login.status, 200);
    assert.equal(login.body.expires_in, 120);
    const family = await findFamily(server.strapi, await familyIdOf(server.strapi, login.body.refresh_token));
    const familyLifetime = (new Date(family.expiresAt).getTime() - startedAt) / 1000;
    assert.ok(familyLifetime > 590, `family lives ${familyLifetime} s`);
    assert.ok(familyLifetime <= 601, `family lives ${familyLifetime} s`);
  });

  test('PUT is saved and shown next to the defaults', async () => {
    const changed = { ...CONFIG_FILE_SETTINGS, refreshTokenReuseInterval: 3, rateLimits: { ...CONFIG_FILE_SETTINGS.rateLimits, passwordPerIp: { points: 50, duration: 60 } } };
    await saveSettings(changed);

    const response = await server.http.get('/refreshing/settings').set(admin());

    assert.deepEqual(response.body, { data: changed, defaults: CONFIG_FILE_SETTINGS });
    assert.deepEqual(await pluginStore().get({ key: 'settings' }), changed);
  });

  test('PUT rejects invalid settings', async () => {
    await saveSettings({ accessTokenLifetime: 300 });
    const cases: Array<[string, Record<string, unknown>]> = [
      ['accessTokenLifetime', { ...CONFIG_FILE_SETTINGS, accessTokenLifetime: 0 }],
      ['refreshTokenLifetime', { ...CONFIG_FILE_SETTINGS, refreshTokenLifetime: 2.5 }],
      ['refreshTokenIdleLifetime', { ...CONFIG_FILE_SETTINGS, refreshTokenIdleLifetime: -1 }],
      ['refreshTokenReuseInterval', { ...CONFIG_FILE_SETTINGS, refreshTokenReuseInterval: '10' }],
      ['rateLimits.passwordPerIp.points', { ...CONFIG_FILE_SETTINGS, rateLimits: { ...CONFIG_FILE_SETTINGS.rateLimits, passwordPerIp: { points: 0, duration: 60 } } }],
      ['rateLimits', { ...CONFIG_FILE_SETTINGS, rateLimits: { ...CONFIG_FILE_SETTINGS.rateLimits, store: 'redis' } }],
      ['accessTokenLifetime', { ...CONFIG_FILE_SETTINGS, accessTokenLifetime: undefined }],
      ['', { ...CONFIG_FILE_SETTINGS, issuer: 'https://example.com' }],
    ];

    for (const [path, body] of cases) {
      const response = await server.http.put('/refreshing/settings').set(admin()).send(body);
      assert.equal(response.status, 400, `${path}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.error.name, 'ValidationError');
      assert.deepEqual(response.body.error.details.errors[0].path, path === '' ? [] : path.split('.'), path);
    }

    const current = await server.http.get('/refreshing/settings').set(admin());
    assert.equal(current.body.data.accessTokenLifetime, 300, 'nothing changed');
    assert.equal((await pluginStore().get({ key: 'settings' })).accessTokenLifetime, 300, 'nothing stored');
  });

  test('DELETE restores the config file values', async () => {
    await saveSettings({ accessTokenLifetime: 120, refreshTokenReuseInterval: 3 });

    const response = await server.http.delete('/refreshing/settings').set(admin());

    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(response.body, { data: CONFIG_FILE_SETTINGS });
    assert.equal(await pluginStore().get({ key: 'settings' }), null, 'the saved settings are deleted');
    const current = await server.http.get('/refreshing/settings').set(admin());
    assert.deepEqual(current.body, { data: CONFIG_FILE_SETTINGS, defaults: CONFIG_FILE_SETTINGS });
  });

  test('DELETE resets expires_in of the next token', async () => {
    await saveSettings({ accessTokenLifetime: 120 });
    const shortened = await passwordGrant(server.http, user);
    assert.equal(shortened.body.expires_in, 120);

    await server.http.delete('/refreshing/settings').set(admin()).expect(200);
    const login = await passwordGrant(server.http, user);

    assert.equal(login.status, 200);
    assert.equal(login.body.expires_in, CONFIG_FILE_SETTINGS.accessTokenLifetime);
  });

  test('DELETE without saved settings is 200', async () => {
    await server.http.delete('/refreshing/settings').set(admin()).expect(200);

    const response = await server.http.delete('/refreshing/settings').set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: CONFIG_FILE_SETTINGS });
  });

  test('DELETE is 403 without settings.update', async () => {
    await saveSettings({ accessTokenLifetime: 300 });
    const roleId = await createEditorLikeRole(server.strapi, 'Settings reader', ['plugin::refreshing.settings.read']);
    const token = await signInWithRole(server.strapi, server.http, 'settings-reader@example.com', roleId);

    const response = await server.http.delete('/refreshing/settings').set('Authorization', `Bearer ${token}`);

    assert.equal(response.status, 403);
    assert.equal(response.body.error.name, 'PolicyError');
    assert.equal((await pluginStore().get({ key: 'settings' })).accessTokenLifetime, 300, 'the saved settings are kept');
    const current = await server.http.get('/refreshing/settings').set(admin());
    assert.equal(current.body.data.accessTokenLifetime, 300, 'the saved settings still apply');
  });

  test('rate limit change applies at once', async () => {
    await saveSettings({ rateLimits: { ...CONFIG_FILE_SETTINGS.rateLimits, passwordPerIdentifier: { points: 2, duration: 60 } } });
    const target = await createUser(server.strapi);

    for (let attempt = 0; attempt < 2; attempt += 1) {
      const failed = await passwordGrant(server.http, { username: target.username, password: 'wrong-password' });
      assert.equal(failed.body.error, 'invalid_grant');
    }
    const limited = await passwordGrant(server.http, target);

    assert.equal(limited.status, 429);
    assert.equal(limited.body.error, 'slow_down');
  });

  test("another instance's save applies within 15 s", async () => {
    // What a save on another Strapi instance leaves behind: only the stored value.
    await pluginStore().set({ key: 'settings', value: { ...CONFIG_FILE_SETTINGS, accessTokenLifetime: 240 } });

    const deadline = Date.now() + 20_000;
    let applied = false;
    while (!applied && Date.now() < deadline) {
      await sleep(500);
      const response = await server.http.get('/refreshing/settings').set(admin());
      applied = response.body.data.accessTokenLifetime === 240;
    }

    assert.ok(applied, 'the reload timer applied the stored settings');
    const login = await passwordGrant(server.http, user);
    assert.equal(login.body.expires_in, 240);
  });

  test('reload that read before a save keeps the save', async () => {
    const storeFactory = server.strapi.store;
    let releaseRead!: () => void;
    const readReleased = new Promise<void>((resolve) => {
      releaseRead = resolve;
    });
    // Shadows Strapi's `store` getter with a store whose reads return only after releaseRead(), so
    // that the reload below reads the previous value and finishes after the save.
    Object.defineProperty(server.strapi, 'store', {
      configurable: true,
      value: (source: Parameters<typeof storeFactory>[0]) => {
        const store = storeFactory(source);
        return {
          ...store,
          async get(query: Parameters<typeof store.get>[0]) {
            const value = await store.get(query);
            await readReleased;
            return value;
          },
        };
      },
    });
    let reloading: Promise<void>;
    try {
      // reload() calls strapi.store before its first await, so the shadow can go right after.
      reloading = server.strapi.plugin('refreshing').service('settings').reload();
    } finally {
      delete (server.strapi as { store?: unknown }).store;
    }

    await saveSettings({ accessTokenLifetime: 180 });
    releaseRead();
    await reloading;

    const login = await passwordGrant(server.http, user);
    assert.equal(login.body.expires_in, 180);
  });

  test('invalid stored settings fall back to the config file', async () => {
    await saveSettings({ accessTokenLifetime: 300 });
    // Captured before the write, since the reload timer may read the invalid value first.
    const warnings: string[] = [];
    const originalWarn = server.strapi.log.warn;
    server.strapi.log.warn = ((message: unknown) => {
      warnings.push(String(message));
      return server.strapi.log;
    }) as typeof server.strapi.log.warn;

    try {
      await pluginStore().set({ key: 'settings', value: { accessTokenLifetime: -5 } });
      await server.strapi.plugin('refreshing').service('settings').reload();
      await server.strapi.plugin('refreshing').service('settings').reload();
    } finally {
      server.strapi.log.warn = originalWarn;
    }

    const login = await passwordGrant(server.http, user);
    assert.equal(login.body.expires_in, 900);
    assert.equal(warnings.length, 1, 'the same invalid value is logged once');
    assert.match(warnings[0], /^\[refreshing\] saved settings are invalid, using the config file reason=accessTokenLifetime: /);
  });
});
