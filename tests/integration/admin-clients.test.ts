import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { signInAsSuperAdmin } from '../helpers/admin';
import { basicAuthorization, postToken } from '../helpers/oauth';
import { logInFrom, WINDOWS_CHROME } from '../helpers/sessions';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

const CLIENT_VIEW_FIELDS = [
  'accessTokenLifetime',
  'activeSessions',
  'clientId',
  'clientType',
  'createdAt',
  'declaredInConfig',
  'enabled',
  'grants',
  'id',
  'name',
  'refreshTokenIdleLifetime',
  'refreshTokenLifetime',
  'resourceServer',
  'scopes',
  'updatedAt',
];
const BCRYPT_HASH = /\$2[aby]\$\d\d\$/;

// Clients on the admin API: list, register, change, rotate the secret, delete.
describe('/refreshing/clients', () => {
  let server: TestServer;
  let adminToken: string;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('admin_clients');
    adminToken = await signInAsSuperAdmin(server.strapi, server.http);
    user = await createUser(server.strapi);
  });

  after(async () => {
    await server?.stop();
  });

  const admin = () => ({ Authorization: `Bearer ${adminToken}` });
  const clientRows = () => server.strapi.db.query('plugin::refreshing.client' as never);

  async function createClient(body: Record<string, unknown>) {
    const response = await server.http.post('/refreshing/clients').set(admin()).send(body);
    assert.equal(response.status, 201, JSON.stringify(response.body));
    return response.body as { data: Record<string, unknown> & { id: number; clientId: string }; clientSecret?: string };
  }

  function passwordGrantFor(clientId: string, clientSecret?: string) {
    const parameters = { grant_type: 'password', username: user.username, password: user.password };
    return clientSecret
      ? postToken(server.http, parameters, { Authorization: basicAuthorization(clientId, clientSecret) })
      : postToken(server.http, { ...parameters, client_id: clientId });
  }

  function assertValidationError(response: { status: number; body: Record<string, any> }, path?: string) {
    assert.equal(response.status, 400, JSON.stringify(response.body));
    assert.equal(response.body.data, null);
    assert.equal(response.body.error.name, 'ValidationError');
    if (path !== undefined) {
      assert.deepEqual(response.body.error.details.errors[0].path, path.split('.'));
    }
  }

  test('GET lists clients without secrets', async () => {
    await logInFrom(server.http, user, WINDOWS_CHROME, 'public-app');

    const response = await server.http.get('/refreshing/clients').set(admin());

    assert.equal(response.status, 200);
    const clients = response.body.data as Array<Record<string, unknown>>;
    for (const client of clients) {
      assert.deepEqual(Object.keys(client).sort(), CLIENT_VIEW_FIELDS);
    }
    const confidential = clients.find((client) => client.clientId === 'confidential-app')!;
    assert.equal(confidential.clientType, 'confidential');
    assert.equal(confidential.declaredInConfig, true);
    assert.deepEqual(confidential.grants, ['password', 'refresh_token']);
    const publicApp = clients.find((client) => client.clientId === 'public-app')!;
    assert.equal(publicApp.activeSessions, 1);
    assert.deepEqual(publicApp.scopes, ['profile', 'orders']);
    assert.equal(publicApp.accessTokenLifetime, null);
    assert.match(String(publicApp.createdAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.doesNotMatch(response.text, BCRYPT_HASH);
    assert.doesNotMatch(response.text, /secret/i);
  });

  test('POST creates a public client', async () => {
    const { data, clientSecret } = await createClient({
      name: 'Kiosk',
      clientType: 'public',
      grants: ['password', 'refresh_token'],
      scopes: ['orders'],
    });

    assert.equal(clientSecret, undefined);
    assert.match(data.clientId, /^[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(Object.keys(data).sort(), CLIENT_VIEW_FIELDS);
    assert.equal(data.clientType, 'public');
    assert.equal(data.enabled, true);
    assert.equal(data.declaredInConfig, false);
    assert.equal(data.resourceServer, false);
    assert.equal(data.activeSessions, 0);
    assert.equal(data.refreshTokenIdleLifetime, null);

    const token = await passwordGrantFor(data.clientId);
    assert.equal(token.status, 200, 'the new client gets tokens');
  });

  test('POST creates a confidential client with a secret', async () => {
    const response = await server.http.post('/refreshing/clients').set(admin()).send({
      name: 'Back office',
      clientId: 'back-office',
      clientType: 'confidential',
      grants: ['password'],
      scopes: [],
      accessTokenLifetime: 300,
      refreshTokenLifetime: null,
      refreshTokenIdleLifetime: 0,
    });

    assert.equal(response.status, 201);
    const { data, clientSecret } = response.body;
    assert.equal(data.clientId, 'back-office');
    assert.equal(data.accessTokenLifetime, 300);
    assert.equal(data.refreshTokenIdleLifetime, 0);
    assert.match(clientSecret, /^[A-Za-z0-9_-]{43}$/);
    assert.doesNotMatch(response.text, BCRYPT_HASH);

    const stored = await clientRows().findOne({ where: { clientId: 'back-office' } });
    assert.match(stored.secretHash, BCRYPT_HASH);
    assert.notEqual(stored.secretHash, clientSecret);

    const token = await passwordGrantFor('back-office', clientSecret);
    assert.equal(token.status, 200);
    assert.equal(token.body.expires_in, 300);
    const withoutSecret = await passwordGrantFor('back-office');
    assert.equal(withoutSecret.status, 401);
  });

  test('secret is sent only on create and rotate', async () => {
    const { data, clientSecret } = await createClient({ name: 'Reports', clientType: 'confidential', grants: [], scopes: [] });

    const responses = [
      await server.http.get('/refreshing/clients').set(admin()),
      await server.http.put(`/refreshing/clients/${data.id}`).set(admin()).send({ name: 'Reports v2' }),
      await server.http.post(`/refreshing/clients/${data.id}/sessions/revoke`).set(admin()),
      await server.http.delete(`/refreshing/clients/${data.id}`).set(admin()),
    ];
    for (const response of responses) {
      assert.ok(response.status < 300, `${response.req.method} ${response.req.path}: ${response.status}`);
      assert.ok(!response.text.includes(clientSecret!), `${response.req.method} ${response.req.path}`);
      assert.equal(response.body.clientSecret, undefined);
      assert.doesNotMatch(response.text, BCRYPT_HASH);
    }
  });

  test('POST with a taken clientId is 400', async () => {
    const before = await clientRows().count({});

    const response = await server.http
      .post('/refreshing/clients')
      .set(admin())
      .send({ name: 'Copy', clientId: 'public-app', clientType: 'public', grants: [], scopes: [] });

    assertValidationError(response, 'clientId');
    assert.equal(response.body.error.message, 'clientId "public-app" is already taken');
    assert.equal(await clientRows().count({}), before, 'nothing stored');
  });

  test('POST rejects invalid bodies', async () => {
    const valid = { name: 'Valid', clientType: 'public', grants: ['password'], scopes: ['orders'] };
    const cases: Array<[string, Record<string, unknown>]> = [
      ['name', { ...valid, name: undefined }],
      ['name', { ...valid, name: '' }],
      ['clientType', { ...valid, clientType: 'private' }],
      ['grants.0', { ...valid, grants: ['client_credentials'] }],
      ['grants', { ...valid, grants: undefined }],
      ['scopes.0', { ...valid, scopes: ['two words'] }],
      ['scopes.0', { ...valid, scopes: ['quote"d'] }],
      ['accessTokenLifetime', { ...valid, accessTokenLifetime: 0 }],
      ['refreshTokenLifetime', { ...valid, refreshTokenLifetime: 1.5 }],
      ['refreshTokenIdleLifetime', { ...valid, refreshTokenIdleLifetime: -1 }],
      ['accessTokenLifetime', { ...valid, accessTokenLifetime: '60' }],
      ['clientId', { ...valid, clientId: 'tab\there' }],
      ['', { ...valid, secretHash: '$2a$10$notahash' }],
      ['', { ...valid, clientSecret: 'chosen-by-hand' }],
    ];
    const before = await clientRows().count({});

    for (const [path, body] of cases) {
      const response = await server.http.post('/refreshing/clients').set(admin()).send(body);
      assert.equal(response.status, 400, `${JSON.stringify(body)}: ${JSON.stringify(response.body)}`);
      assert.equal(response.body.error.name, 'ValidationError');
      assert.deepEqual(response.body.error.details.errors[0].path, path === '' ? [] : path.split('.'), JSON.stringify(body));
    }
    assert.equal(await clientRows().count({}), before, 'nothing stored');
  });

  test('PUT changes a client', async () => {
    const { data } = await createClient({ name: 'Editable', clientType: 'public', grants: ['password'], scopes: [] });

    const response = await server.http.put(`/refreshing/clients/${data.id}`).set(admin()).send({
      name: 'Edited',
      grants: ['password', 'refresh_token'],
      scopes: ['orders', 'profile'],
      accessTokenLifetime: 120,
      refreshTokenLifetime: 600,
      refreshTokenIdleLifetime: 60,
      resourceServer: true,
    });

    assert.equal(response.status, 200, JSON.stringify(response.body));
    assert.deepEqual(Object.keys(response.body.data).sort(), CLIENT_VIEW_FIELDS);
    assert.equal(response.body.data.name, 'Edited');
    assert.deepEqual(response.body.data.grants, ['password', 'refresh_token']);
    assert.deepEqual(response.body.data.scopes, ['orders', 'profile']);
    assert.equal(response.body.data.accessTokenLifetime, 120);
    assert.equal(response.body.data.resourceServer, true);
    assert.equal(response.body.data.clientId, data.clientId);

    const token = await passwordGrantFor(data.clientId);
    assert.equal(token.body.expires_in, 120);

    const cleared = await server.http.put(`/refreshing/clients/${data.id}`).set(admin()).send({ accessTokenLifetime: null });
    assert.equal(cleared.body.data.accessTokenLifetime, null);
    assert.equal(cleared.body.data.name, 'Edited', 'fields not sent stay');
  });

  test('PUT rejects clientId, clientType and bad values', async () => {
    const { data } = await createClient({ name: 'Fixed', clientType: 'public', grants: [], scopes: [] });

    for (const body of [{ clientId: 'renamed' }, { clientType: 'confidential' }, { grants: ['implicit'] }, { name: '' }]) {
      const response = await server.http.put(`/refreshing/clients/${data.id}`).set(admin()).send(body);
      assertValidationError(response);
    }
    const stored = await clientRows().findOne({ where: { id: data.id } });
    assert.equal(stored.clientId, data.clientId);
    assert.equal(stored.clientType, 'public');
    assert.equal(stored.name, 'Fixed');
  });

  test('PUT enabled false ends the sessions', async () => {
    const { data } = await createClient({ name: 'Soon disabled', clientType: 'public', grants: ['password', 'refresh_token'], scopes: [] });
    const login = await logInFrom(server.http, user, WINDOWS_CHROME, data.clientId);

    const response = await server.http.put(`/refreshing/clients/${data.id}`).set(admin()).send({ enabled: false });

    assert.equal(response.status, 200);
    assert.equal(response.body.data.enabled, false);
    assert.equal(response.body.data.activeSessions, 0);
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.access_token}`);
    assert.equal(me.status, 401);
    const refresh = await postToken(server.http, { grant_type: 'refresh_token', client_id: data.clientId, refresh_token: login.refresh_token });
    assert.equal(refresh.status, 401, 'a disabled client fails authentication');
  });

  test('config client: only enabled changes', async () => {
    const stored = await clientRows().findOne({ where: { clientId: 'password-only-app' } });

    const renamed = await server.http.put(`/refreshing/clients/${stored.id}`).set(admin()).send({ name: 'Renamed' });
    assertValidationError(renamed, 'name');
    assert.match(renamed.body.error.message, /declared in the plugin config/);

    const unchangedForm = await server.http
      .put(`/refreshing/clients/${stored.id}`)
      .set(admin())
      .send({ name: stored.name, grants: stored.grants, scopes: stored.scopes, enabled: false });
    assert.equal(unchangedForm.status, 200, JSON.stringify(unchangedForm.body));
    assert.equal(unchangedForm.body.data.enabled, false);

    const enabled = await server.http.put(`/refreshing/clients/${stored.id}`).set(admin()).send({ enabled: true });
    assert.equal(enabled.body.data.enabled, true);

    const confidential = await clientRows().findOne({ where: { clientId: 'confidential-app' } });
    const rotate = await server.http.post(`/refreshing/clients/${confidential.id}/rotate-secret`).set(admin());
    assertValidationError(rotate);
    const deleted = await server.http.delete(`/refreshing/clients/${stored.id}`).set(admin());
    assertValidationError(deleted);
    assert.ok(await clientRows().findOne({ where: { id: stored.id } }), 'still stored');
  });

  test('rotate-secret replaces the secret', async () => {
    const created = await createClient({ name: 'Rotating', clientType: 'confidential', grants: ['password'], scopes: [] });

    const response = await server.http.post(`/refreshing/clients/${created.data.id}/rotate-secret`).set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['clientSecret', 'data']);
    assert.deepEqual(Object.keys(response.body.data).sort(), CLIENT_VIEW_FIELDS);
    const { clientSecret } = response.body;
    assert.match(clientSecret, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(clientSecret, created.clientSecret);
    assert.equal((await passwordGrantFor(created.data.clientId, created.clientSecret)).status, 401, 'the old secret fails');
    assert.equal((await passwordGrantFor(created.data.clientId, clientSecret)).status, 200, 'the new secret works');
  });

  test('rotate-secret of a public client is 400', async () => {
    const { data } = await createClient({ name: 'No secret', clientType: 'public', grants: [], scopes: [] });

    const response = await server.http.post(`/refreshing/clients/${data.id}/rotate-secret`).set(admin());

    assertValidationError(response);
    assert.equal(response.body.error.message, `Client "${data.clientId}" is public and has no secret to rotate.`);
    const stored = await clientRows().findOne({ where: { id: data.id } });
    assert.equal(stored.secretHash, null, 'nothing stored');
  });

  test('DELETE removes the client and ends its sessions', async () => {
    const { data } = await createClient({ name: 'Doomed', clientType: 'public', grants: ['password'], scopes: [] });
    const login = await logInFrom(server.http, user, WINDOWS_CHROME, data.clientId);

    const response = await server.http.delete(`/refreshing/clients/${data.id}`).set(admin());

    assert.equal(response.status, 200);
    assert.equal(response.body.data.id, data.id);
    assert.equal(response.body.data.clientId, data.clientId);
    assert.equal(await clientRows().findOne({ where: { id: data.id } }), null);
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.access_token}`);
    assert.equal(me.status, 401);
  });

  test('unknown or malformed id is 404', async () => {
    const requests = [
      () => server.http.put('/refreshing/clients/999999').set(admin()).send({ name: 'x' }),
      () => server.http.post('/refreshing/clients/999999/rotate-secret').set(admin()),
      () => server.http.delete('/refreshing/clients/999999').set(admin()),
      () => server.http.delete('/refreshing/clients/public-app').set(admin()),
    ];
    for (const send of requests) {
      const response = await send();
      assert.equal(response.status, 404, `${response.req.method} ${response.req.path}`);
      assert.deepEqual(response.body.error, { status: 404, name: 'NotFoundError', message: 'Client not found', details: {} });
    }
  });

  // The content manager's routes for the plugin's types answer 404, so no secret can be stored
  // unhashed and no hash can be read there.
  test('content manager rejects create and edit', async () => {
    const before = await clientRows().count({});
    const created = await server.http
      .post('/content-manager/collection-types/plugin::refreshing.client')
      .set(admin())
      .send({ name: 'Sneaky', clientId: 'sneaky', clientType: 'confidential', secretHash: 'plain-secret', grants: ['password'], scopes: [] });
    assert.equal(created.status, 404, JSON.stringify(created.body));
    assert.equal(await clientRows().count({}), before, 'nothing stored');

    const existing = await clientRows().findOne({ where: { clientId: 'confidential-app' } });
    const edited = await server.http
      .put(`/content-manager/collection-types/plugin::refreshing.client/${existing.documentId}`)
      .set(admin())
      .send({ secretHash: 'plain-secret' });
    assert.equal(edited.status, 404, JSON.stringify(edited.body));
    const after = await clientRows().findOne({ where: { id: existing.id } });
    assert.equal(after.secretHash, existing.secretHash, 'the hash is unchanged');
  });

  test('content manager does not list hashes', async () => {
    const uids = ['client', 'refresh-token', 'access-token', 'token-family'].map((name) => `plugin::refreshing.${name}`);
    for (const uid of uids) {
      for (const path of [`/content-manager/collection-types/${uid}`, `/content-manager/collection-types/${encodeURIComponent(uid)}`]) {
        const response = await server.http.get(path).set(admin());
        assert.equal(response.status, 404, path);
        assert.ok(!JSON.stringify(response.body).includes('Hash'), path);
      }
    }

    const users = await server.http.get('/content-manager/collection-types/plugin::users-permissions.user').set(admin());
    assert.equal(users.status, 200, 'other content types stay reachable');
  });
});
