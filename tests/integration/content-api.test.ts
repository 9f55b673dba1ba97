import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { passwordGrant } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser, setBlocked, setEmailConfirmationRequired } from '../helpers/users';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

// Access tokens on Strapi's content API, with RFC 6750 §2.1 and §3 for the bearer scheme.
describe('Authorization: Bearer on /api', () => {
  let server: TestServer;
  let user: TestUser;
  let accessToken: string;

  before(async () => {
    server = await startStrapi('content_api');
    user = await createUser(server.strapi);
    const response = await passwordGrant(server.http, user);
    assert.equal(response.status, 200);
    accessToken = response.body.access_token;
  });

  after(async () => {
    await server?.stop();
  });

  function assertInvalidToken(response: { status: number; headers: Record<string, string> }) {
    assert.equal(response.status, 401);
    assert.equal(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
  }

  test('GET /api/users/me returns the user', async () => {
    const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${accessToken}`);
    assert.equal(response.status, 200);
    assert.equal(response.body.id, user.id);
    assert.equal(response.body.username, user.username);
    assert.equal(response.body.password, undefined);
  });

  test('scheme name is case-insensitive', async () => {
    for (const scheme of ['bearer', 'BEARER', 'BeArEr']) {
      const response = await server.http.get('/api/users/me').set('Authorization', `${scheme} ${accessToken}`);
      assert.equal(response.status, 200, scheme);
    }
  });

  test("route outside the user's role is 403", async () => {
    const response = await server.http.get('/api/users').set('Authorization', `Bearer ${accessToken}`);
    assert.equal(response.status, 403);
  });

  test('route the role allows after a permission change is 200', async () => {
    const role = await server.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const permission = await server.strapi.db
      .query('plugin::users-permissions.permission')
      .create({ data: { action: 'plugin::users-permissions.user.find', role: role.id } });
    try {
      const response = await server.http.get('/api/users').set('Authorization', `Bearer ${accessToken}`);
      assert.equal(response.status, 200);
    } finally {
      await server.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    }
  });

  test('unknown token is 401 invalid_token', async () => {
    const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${'A'.repeat(43)}`);
    assertInvalidToken(response);
  });

  test('malformed token is 401 invalid_token', async () => {
    const response = await server.http.get('/api/users/me').set('Authorization', 'Bearer not-a-token');
    assertInvalidToken(response);
  });

  test('expired token is 401 invalid_token', async () => {
    const login = await passwordGrant(server.http, user);
    await server.strapi.db
      .query('plugin::refreshing.access-token' as never)
      .update({ where: { tokenHash: sha256(login.body.access_token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.body.access_token}`);
    assertInvalidToken(response);
  });

  test('token of a blocked user is 401', async () => {
    const blockedLater = await createUser(server.strapi);
    const login = await passwordGrant(server.http, blockedLater);
    await setBlocked(server.strapi, blockedLater.id, true);
    const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.body.access_token}`);
    assertInvalidToken(response);
  });

  test('token of an unconfirmed user is 401 when confirmation is on', async () => {
    const unconfirmed = await createUser(server.strapi, { confirmed: false });
    const login = await passwordGrant(server.http, unconfirmed);
    assert.equal(login.status, 200);

    await setEmailConfirmationRequired(server.strapi, true);
    try {
      const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.body.access_token}`);
      assertInvalidToken(response);
    } finally {
      await setEmailConfirmationRequired(server.strapi, false);
    }
  });

  test('users-permissions JWT still works', async () => {
    const login = await server.http.post('/api/auth/local').send({ identifier: user.username, password: user.password });
    assert.equal(login.status, 200);
    const response = await server.http.get('/api/users/me').set('Authorization', `Bearer ${login.body.jwt}`);
    assert.equal(response.status, 200);
    assert.equal(response.body.id, user.id);
  });

  test('users-permissions does not accept our access token', async () => {
    const jwt = server.strapi.plugin('users-permissions').service('jwt');
    await assert.rejects(() => Promise.resolve(jwt.verify(accessToken)));
  });

  test('no Authorization header keeps the public role', async () => {
    const response = await server.http.get('/api/users/me');
    assert.ok(response.status === 401 || response.status === 403, `got ${response.status}`);
    assert.notEqual(response.headers['www-authenticate'], 'Bearer error="invalid_token"');
  });
});
