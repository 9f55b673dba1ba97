import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { PUBLIC_CLIENT_ID, postToken, refreshGrant } from '../helpers/oauth';
import type { Login } from '../helpers/sessions';
import { familyIdOf, findFamily, IPHONE_SAFARI, logInFrom, NATIVE_APP, tokenHash, WINDOWS_CHROME } from '../helpers/sessions';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

const SESSION_FIELDS = ['clientId', 'clientName', 'createdAt', 'current', 'device', 'id', 'ip', 'lastUsedAt'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// A user's own sessions on the content API: list, sign out one, others, or all.
describe('/api/refreshing/sessions', () => {
  let server: TestServer;

  before(async () => {
    server = await startStrapi('user_sessions');
  });

  after(async () => {
    await server?.stop();
  });

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function listSessions(token: string) {
    const response = await server.http.get('/api/refreshing/sessions').set(bearer(token));
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.data as Array<Record<string, unknown>>;
  }

  async function signInWithJwt(user: TestUser): Promise<string> {
    const response = await server.http.post('/api/auth/local').send({ identifier: user.username, password: user.password });
    assert.equal(response.status, 200, JSON.stringify(response.body));
    return response.body.jwt as string;
  }

  async function assertSessionEnded(login: Login) {
    const me = await server.http.get('/api/users/me').set(bearer(login.access_token));
    assert.equal(me.status, 401, 'the access token stopped working');
    const refresh = await refreshGrant(server.http, login.refresh_token);
    assert.equal(refresh.status, 400);
    assert.equal(refresh.body.error, 'invalid_grant');
  }

  async function assertSessionWorks(login: Login) {
    const me = await server.http.get('/api/users/me').set(bearer(login.access_token));
    assert.equal(me.status, 200, 'the access token still works');
  }

  test('GET lists sessions, newest use first', async () => {
    const user = await createUser(server.strapi);
    const phone = await logInFrom(server.http, user, IPHONE_SAFARI);
    const desktop = await logInFrom(server.http, user, WINDOWS_CHROME);
    // Using the phone's session again makes it the most recently used.
    const refreshed = await postToken(
      server.http,
      { grant_type: 'refresh_token', client_id: PUBLIC_CLIENT_ID, refresh_token: phone.refresh_token },
      { 'User-Agent': IPHONE_SAFARI },
    );
    assert.equal(refreshed.status, 200);

    const sessions = await listSessions(desktop.access_token);

    assert.equal(sessions.length, 2);
    const [first, second] = sessions;
    assert.deepEqual(Object.keys(first).sort(), SESSION_FIELDS);
    assert.equal(first.id, await familyIdOf(server.strapi, phone.refresh_token));
    assert.equal(first.device, 'Safari on iOS');
    assert.equal(first.current, false);
    assert.equal(second.id, await familyIdOf(server.strapi, desktop.refresh_token));
    assert.equal(second.device, 'Chrome on Windows');
    assert.equal(second.current, true, 'the session of the access token that called');
    for (const session of sessions) {
      assert.equal(session.clientId, 'public-app');
      assert.equal(session.clientName, 'Public mobile app');
      assert.equal(session.ip, '127.0.0.1');
      assert.match(String(session.createdAt), ISO_DATE);
      assert.match(String(session.lastUsedAt), ISO_DATE);
    }
    assert.ok(String(first.lastUsedAt) >= String(second.lastUsedAt));
  });

  test('unparsed agent is cut to 60 characters', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, NATIVE_APP);

    const [session] = await listSessions(login.access_token);

    assert.equal(session.device, NATIVE_APP.slice(0, 60));
    assert.equal(String(session.device).length, 60);
  });

  test('no user agent gives device null', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, undefined);

    const [session] = await listSessions(login.access_token);

    assert.equal(session.device, null);
  });

  test('response holds no token or hash', async () => {
    const user = await createUser(server.strapi);
    const first = await logInFrom(server.http, user, IPHONE_SAFARI);
    const rotated = await refreshGrant(server.http, first.refresh_token);
    assert.equal(rotated.status, 200);

    const response = await server.http.get('/api/refreshing/sessions').set(bearer(rotated.body.access_token));

    assert.equal(response.status, 200);
    for (const value of [first.access_token, first.refresh_token, rotated.body.access_token, rotated.body.refresh_token]) {
      assert.ok(!response.text.includes(value), 'no token value');
      assert.ok(!response.text.includes(tokenHash(value)), 'no token hash');
    }
    assert.doesNotMatch(response.text, /hash|sealed|successor/i);
  });

  test("other users' sessions are not listed", async () => {
    const user = await createUser(server.strapi);
    const other = await createUser(server.strapi);
    const mine = await logInFrom(server.http, user, IPHONE_SAFARI);
    await logInFrom(server.http, other, WINDOWS_CHROME);

    const sessions = await listSessions(mine.access_token);

    assert.deepEqual(
      sessions.map((session) => session.id),
      [await familyIdOf(server.strapi, mine.refresh_token)],
    );
  });

  test('revoked, expired and idle families are not listed', async () => {
    const user = await createUser(server.strapi);
    const kept = await logInFrom(server.http, user, IPHONE_SAFARI);
    const revoked = await logInFrom(server.http, user, WINDOWS_CHROME);
    const expired = await logInFrom(server.http, user, WINDOWS_CHROME);
    const idle = await logInFrom(server.http, user, WINDOWS_CHROME);

    const families = server.strapi.db.query('plugin::refreshing.token-family' as never);
    await server.strapi.plugin('refreshing').service('revocation').revokeFamily(await familyIdOf(server.strapi, revoked.refresh_token), 'revocation_request');
    await families.update({
      where: { id: await familyIdOf(server.strapi, expired.refresh_token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    // The default idle lifetime is 14 days.
    await families.update({
      where: { id: await familyIdOf(server.strapi, idle.refresh_token) },
      data: { lastUsedAt: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000) },
    });

    const sessions = await listSessions(kept.access_token);

    assert.deepEqual(
      sessions.map((session) => session.id),
      [await familyIdOf(server.strapi, kept.refresh_token)],
    );
  });

  test('users-permissions JWT works, with no current session', async () => {
    const user = await createUser(server.strapi);
    await logInFrom(server.http, user, IPHONE_SAFARI);
    await logInFrom(server.http, user, WINDOWS_CHROME);
    const jwt = await signInWithJwt(user);

    const sessions = await listSessions(jwt);

    assert.equal(sessions.length, 2);
    assert.ok(sessions.every((session) => session.current === false));
  });

  test('routes are rejected without credentials', async () => {
    const requests = [
      server.http.get('/api/refreshing/sessions'),
      server.http.delete('/api/refreshing/sessions/1'),
      server.http.post('/api/refreshing/sessions/revoke-others'),
      server.http.post('/api/refreshing/sessions/revoke-all'),
    ];
    for (const request of requests) {
      const response = await request;
      assert.equal(response.status, 401, `${response.req.method} ${response.req.path}`);
      assert.equal(response.body.data, null);
      assert.equal(response.body.error.name, 'UnauthorizedError');
    }
  });

  test('unknown access token is 401 invalid_token', async () => {
    const response = await server.http.get('/api/refreshing/sessions').set(bearer('A'.repeat(43)));
    assert.equal(response.status, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
  });

  test('full-access API token is 403', async () => {
    const apiToken = await server.strapi
      .service('admin::api-token-content-api')
      .create({ name: 'Integration', description: '', type: 'full-access', kind: 'content-api', lifespan: null });

    const response = await server.http.get('/api/refreshing/sessions').set(bearer(apiToken.accessKey));

    assert.equal(response.status, 403);
    assert.equal(response.body.error.name, 'PolicyError');
  });

  test('no users-permissions role gets a new permission', async () => {
    const permissions = await server.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { action: { $startsWith: 'plugin::refreshing.' } } });
    assert.deepEqual(permissions, []);

    const contentApiActions = server.strapi.contentAPI.permissions.providers.action.keys();
    assert.ok(!contentApiActions.some((action: string) => action.startsWith('plugin::refreshing.')), 'the role editor lists no action of ours');
  });

  test('DELETE /:id revokes that session', async () => {
    const user = await createUser(server.strapi);
    const current = await logInFrom(server.http, user, IPHONE_SAFARI);
    const other = await logInFrom(server.http, user, WINDOWS_CHROME);
    const otherId = await familyIdOf(server.strapi, other.refresh_token);

    const response = await server.http.delete(`/api/refreshing/sessions/${otherId}`).set(bearer(current.access_token));

    assert.equal(response.status, 204);
    assert.equal(response.text, '');
    await assertSessionEnded(other);
    await assertSessionWorks(current);
    const family = await findFamily(server.strapi, otherId);
    assert.equal(family.revokedReason, 'user_request');
  });

  test("DELETE another user's session is 404", async () => {
    const user = await createUser(server.strapi);
    const other = await createUser(server.strapi);
    const mine = await logInFrom(server.http, user, IPHONE_SAFARI);
    const theirs = await logInFrom(server.http, other, WINDOWS_CHROME);
    const theirId = await familyIdOf(server.strapi, theirs.refresh_token);

    const response = await server.http.delete(`/api/refreshing/sessions/${theirId}`).set(bearer(mine.access_token));

    assert.equal(response.status, 404);
    assert.deepEqual(response.body, {
      data: null,
      error: { status: 404, name: 'NotFoundError', message: 'Session not found', details: {} },
    });
    await assertSessionWorks(theirs);
    assert.equal((await findFamily(server.strapi, theirId)).revokedAt, null);
  });

  test('DELETE unknown, malformed or revoked id is 404', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);
    const revoked = await logInFrom(server.http, user, WINDOWS_CHROME);
    const revokedId = await familyIdOf(server.strapi, revoked.refresh_token);
    await server.http.delete(`/api/refreshing/sessions/${revokedId}`).set(bearer(login.access_token)).expect(204);

    for (const id of ['999999', 'abc', '1.5', String(revokedId)]) {
      const response = await server.http.delete(`/api/refreshing/sessions/${id}`).set(bearer(login.access_token));
      assert.equal(response.status, 404, id);
      assert.equal(response.body.error.name, 'NotFoundError', id);
    }
  });

  test('DELETE the current session signs out', async () => {
    const user = await createUser(server.strapi);
    const login = await logInFrom(server.http, user, IPHONE_SAFARI);
    const id = await familyIdOf(server.strapi, login.refresh_token);

    const response = await server.http.delete(`/api/refreshing/sessions/${id}`).set(bearer(login.access_token));

    assert.equal(response.status, 204);
    await assertSessionEnded(login);
  });

  test('revoke-others keeps the current session', async () => {
    const user = await createUser(server.strapi);
    const current = await logInFrom(server.http, user, IPHONE_SAFARI);
    const others = [await logInFrom(server.http, user, WINDOWS_CHROME), await logInFrom(server.http, user, NATIVE_APP)];
    const bystander = await createUser(server.strapi);
    const bystanderLogin = await logInFrom(server.http, bystander, WINDOWS_CHROME);

    const response = await server.http.post('/api/refreshing/sessions/revoke-others').set(bearer(current.access_token));

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: 2 } });
    for (const other of others) {
      await assertSessionEnded(other);
    }
    await assertSessionWorks(current);
    await assertSessionWorks(bystanderLogin);
    const sessions = await listSessions(current.access_token);
    assert.deepEqual(
      sessions.map((session) => session.id),
      [await familyIdOf(server.strapi, current.refresh_token)],
    );
  });

  test('revoke-others with a JWT revokes all', async () => {
    const user = await createUser(server.strapi);
    const logins = [await logInFrom(server.http, user, IPHONE_SAFARI), await logInFrom(server.http, user, WINDOWS_CHROME)];
    const jwt = await signInWithJwt(user);

    const response = await server.http.post('/api/refreshing/sessions/revoke-others').set(bearer(jwt));

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: 2 } });
    for (const login of logins) {
      await assertSessionEnded(login);
    }
  });

  test('revoke-all signs out everywhere', async () => {
    const user = await createUser(server.strapi);
    const current = await logInFrom(server.http, user, IPHONE_SAFARI);
    const other = await logInFrom(server.http, user, WINDOWS_CHROME);

    const response = await server.http.post('/api/refreshing/sessions/revoke-all').set(bearer(current.access_token));

    assert.equal(response.status, 200);
    assert.deepEqual(response.body, { data: { revoked: 2 } });
    await assertSessionEnded(current);
    await assertSessionEnded(other);
    const families = await server.strapi.db.query('plugin::refreshing.token-family' as never).findMany({ where: { userId: user.id } });
    assert.ok(families.every((family: { revokedReason: string }) => family.revokedReason === 'user_request'));
  });

  test('revoke-all counts only sessions', async () => {
    const user = await createUser(server.strapi);
    const current = await logInFrom(server.http, user, IPHONE_SAFARI);
    const expired = await logInFrom(server.http, user, WINDOWS_CHROME);
    await server.strapi.db.query('plugin::refreshing.token-family' as never).update({
      where: { id: await familyIdOf(server.strapi, expired.refresh_token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });

    const response = await server.http.post('/api/refreshing/sessions/revoke-all').set(bearer(current.access_token));

    assert.deepEqual(response.body, { data: { revoked: 1 } });
  });
});
