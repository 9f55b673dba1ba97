import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { signInAsSuperAdmin } from '../helpers/admin';
import { refreshGrant } from '../helpers/oauth';
import type { Login } from '../helpers/sessions';
import { familyIdOf, findFamily, IPHONE_SAFARI, logInFrom, tokenHash, WINDOWS_CHROME } from '../helpers/sessions';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

const SESSION_FIELDS = ['clientId', 'clientName', 'createdAt', 'device', 'expiresAt', 'id', 'ip', 'lastUsedAt', 'user', 'userAgent'];

// Every user's sessions on the admin API: a paginated list and revocation by session, user or client.
describe('/refreshing/sessions', () => {
  let server: TestServer;
  let adminToken: string;

  before(async () => {
    server = await startStrapi('admin_sessions');
    adminToken = await signInAsSuperAdmin(server.strapi, server.http);
  });

  after(async () => {
    await server?.stop();
  });

  const admin = () => ({ Authorization: `Bearer ${adminToken}` });

  async function listSessions(query: Record<string, string | number>) {
    const response = await server.http.get('/refreshing/sessions').query(query).set(admin());
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body as {
      data: Array<Record<string, any>>;
      meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
    };
  }

  async function assertSessionEnded(login: Login) {
    const refresh = await refreshGrant(server.http, login.refresh_token);
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant');
  }

  test('session from /oauth/token is listed', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);
    const familyId = await familyIdOf(server.strapi, login.refresh_token);

    const { data } = await listSessions({ userId: user.id });

    assert.equal(data.length, 1);
    const [session] = data;
    assert.deepEqual(Object.keys(session).sort(), SESSION_FIELDS);
    assert.equal(session.id, familyId);
    assert.deepEqual(session.user, { id: user.id, username: user.username, email: user.email });
    assert.equal(session.clientId, 'public-app');
    assert.equal(session.clientName, 'Public mobile app');
    assert.equal(session.device, 'Safari on iOS');
    assert.equal(session.userAgent, IPHONE_SAFARI);
    assert.equal(session.ip, '127.0.0.1');
    // The test app's refreshTokenLifetime (3600 s) ends before the default idle lifetime.
    const family = await findFamily(server.strapi, familyId);
    assert.equal(session.expiresAt, new Date(family.expiresAt).toISOString());
    assert.equal(session.createdAt, new Date(family.createdAt).toISOString());
  });

  test('expiresAt is the idle end when sooner', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);
    const familyId = await familyIdOf(server.strapi, login.refresh_token);
    // The default idle lifetime is 14 days: a family last used 14 days less 15 minutes ago ends in
    // 15 minutes, well before its absolute end.
    const lastUsedAt = new Date(Date.now() - (14 * 24 * 60 - 15) * 60 * 1000);
    await server.strapi.db.query('plugin::refreshing.token-family' as never).update({ where: { id: familyId }, data: { lastUsedAt } });

    const { data } = await listSessions({ userId: user.id });

    assert.equal(data[0].expiresAt, new Date(lastUsedAt.getTime() + 14 * 24 * 60 * 60 * 1000).toISOString());
  });

  test('pages newest use first', async () => {
    const user = await createUser(server.strapi);
    const logins = [];
    for (let index = 0; index < 3; index += 1) {
      logins.push(await logInFrom(server.http, user, WINDOWS_CHROME));
    }
    const ids = await Promise.all(logins.map((login) => familyIdOf(server.strapi, login.refresh_token)));
    // Make the families' last uses distinct and in a known order: the first login used last.
    const families = server.strapi.db.query('plugin::refreshing.token-family' as never);
    for (const [index, id] of ids.entries()) {
      await families.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - (index + 1) * 60_000) } });
    }

    const first = await listSessions({ userId: user.id, page: 1, pageSize: 2 });
    const second = await listSessions({ userId: user.id, page: 2, pageSize: 2 });

    assert.deepEqual(first.meta.pagination, { page: 1, pageSize: 2, pageCount: 2, total: 3 });
    assert.deepEqual(second.meta.pagination, { page: 2, pageSize: 2, pageCount: 2, total: 3 });
    assert.deepEqual(
      [...first.data, ...second.data].map((session) => session.id),
      ids,
    );
  });

  test('defaults to page 1 of 20', async () => {
    const { meta } = await listSessions({ userId: '', clientId: '' });
    assert.equal(meta.pagination.page, 1);
    assert.equal(meta.pagination.pageSize, 20);
  });

  test('filters by user and client', async () => {
    const user = await createUser(server.strapi);
    const other = await createUser(server.strapi);
    const viaPublic = await logInFrom(server.http, user, IPHONE_SAFARI);
    await logInFrom(server.http, user, WINDOWS_CHROME, 'password-only-app');
    await logInFrom(server.http, other, WINDOWS_CHROME);

    const byUserAndClient = await listSessions({ userId: user.id, clientId: 'public-app' });
    assert.deepEqual(
      byUserAndClient.data.map((session) => session.id),
      [await familyIdOf(server.strapi, viaPublic.refresh_token)],
    );

    const byClient = await listSessions({ clientId: 'password-only-app', pageSize: 100 });
    assert.ok(byClient.data.length > 0);
    assert.ok(byClient.data.every((session) => session.clientId === 'password-only-app'));
  });

  test('revoked sessions are not listed', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);
    await server.http.post(`/refreshing/sessions/${await familyIdOf(server.strapi, login.refresh_token)}/revoke`).set(admin());

    const { data, meta } = await listSessions({ userId: user.id });

    assert.deepEqual(data, []);
    assert.deepEqual(meta.pagination, { page: 1, pageSize: 20, pageCount: 0, total: 0 });
  });

  test('invalid page or size is 400', async () => {
    for (const query of [{ pageSize: 101 }, { pageSize: 0 }, { page: 0 }, { page: 'two' }, { userId: 'alice' }]) {
      const response = await server.http.get('/refreshing/sessions').query(query).set(admin());
      assert.equal(response.status, 400, JSON.stringify(query));
      assert.equal(response.body.error.name, 'ValidationError', JSON.stringify(query));
    }
  });

  test('response holds no token or hash', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);

    const response = await server.http.get('/refreshing/sessions').query({ userId: user.id }).set(admin());

    for (const value of [login.access_token, login.refresh_token]) {
      assert.ok(!response.text.includes(value), 'no token value');
      assert.ok(!response.text.includes(tokenHash(value)), 'no token hash');
    }
    assert.doesNotMatch(response.text, /hash|sealed|successor/i);
  });

  test('POST /sessions/:id/revoke ends one session', async () => {
    const user = await createUser(server.strapi);
    const revoked = await logInFrom(server.http, user, IPHONE_SAFARI);
    const kept = await logInFrom(server.http, user, WINDOWS_CHROME);
    const id = await familyIdOf(server.strapi, revoked.refresh_token);

    const response = await server.http.post(`/refreshing/sessions/${id}/revoke`).set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: 1 } });
    await assertSessionEnded(revoked);
    assert.equal((await refreshGrant(server.http, kept.refresh_token)).status, 200, 'the other session works');
    assert.equal((await findFamily(server.strapi, id)).revokedReason, 'admin_request');

    const again = await server.http.post(`/refreshing/sessions/${id}/revoke`).set(admin());
    assert.deepEqual(again.body, { data: { revoked: 0 } });
  });

  test('POST /users/:userId/sessions/revoke ends the user\'s sessions', async () => {
    const user = await createUser(server.strapi);
    const bystander = await createUser(server.strapi);
    const logins = [await logInFrom(server.http, user, IPHONE_SAFARI), await logInFrom(server.http, user, WINDOWS_CHROME)];
    const bystanderLogin = await logInFrom(server.http, bystander, IPHONE_SAFARI);

    const response = await server.http.post(`/refreshing/users/${user.id}/sessions/revoke`).set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: 2 } });
    for (const login of logins) {
      await assertSessionEnded(login);
    }
    assert.equal((await refreshGrant(server.http, bystanderLogin.refresh_token)).status, 200);
  });

  test('POST /clients/:id/sessions/revoke ends the client\'s sessions', async () => {
    const user = await createUser(server.strapi);
    const viaClient = await logInFrom(server.http, user, IPHONE_SAFARI, 'password-only-app');
    const viaOther = await logInFrom(server.http, user, WINDOWS_CHROME);
    const client = await server.strapi.db.query('plugin::refreshing.client' as never).findOne({ where: { clientId: 'password-only-app' } });
    const active = await listSessions({ clientId: 'password-only-app', pageSize: 100 });

    const response = await server.http.post(`/refreshing/clients/${client.id}/sessions/revoke`).set(admin());

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: active.meta.pagination.total } });
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${viaClient.access_token}`);
    assert.equal(me.status, 401);
    assert.equal((await refreshGrant(server.http, viaOther.refresh_token)).status, 200, 'other clients keep theirs');
    assert.equal((await listSessions({ clientId: 'password-only-app' })).meta.pagination.total, 0);
  });

  test('revoking an unknown id is 404', async () => {
    const cases: Array<[string, string]> = [
      ['/refreshing/sessions/999999/revoke', 'Session not found'],
      ['/refreshing/sessions/abc/revoke', 'Session not found'],
      ['/refreshing/users/999999/sessions/revoke', 'User not found'],
      ['/refreshing/clients/999999/sessions/revoke', 'Client not found'],
    ];
    for (const [path, message] of cases) {
      const response = await server.http.post(path).set(admin());
      assert.equal(response.status, 404, path);
      assert.deepEqual(response.body, { data: null, error: { status: 404, name: 'NotFoundError', message, details: {} } });
    }
  });
});
