import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { PUBLIC_CLIENT_ID, passwordGrant, postToken } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser, setBlocked, setEmailConfirmationRequired } from '../helpers/users';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

// RFC 6749 §4.3: resource owner password credentials grant.
describe('grant_type=password', () => {
  let server: TestServer;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('grant_password');
    user = await createUser(server.strapi, { username: 'Alice', email: 'alice@example.com' });
  });

  after(async () => {
    await server?.stop();
  });

  test('returns a token pair', async () => {
    const response = await passwordGrant(server.http, user);

    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['access_token', 'expires_in', 'refresh_token', 'token_type']);
    assert.equal(response.body.token_type, 'Bearer');
    assert.equal(response.body.expires_in, 900);
    assert.match(response.body.access_token, /^[A-Za-z0-9_-]{43}$/);
    assert.match(response.body.refresh_token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(response.body.access_token, response.body.refresh_token);
  });

  test('stores only hashes, in a new token family', async () => {
    const response = await server.http
      .post('/oauth/token')
      .type('form')
      .set('User-Agent', 'ExampleApp/1.0 (iPhone; iOS 17.0)')
      .send({ grant_type: 'password', client_id: PUBLIC_CLIENT_ID, username: user.username, password: user.password });
    assert.equal(response.status, 200);

    const refreshToken = await server.strapi.db
      .query('plugin::refreshing.refresh-token' as never)
      .findOne({ where: { tokenHash: sha256(response.body.refresh_token) } });
    assert.ok(refreshToken, 'refresh token row is found by the SHA-256 of its value');
    assert.equal(refreshToken.userId, user.id);
    assert.equal(refreshToken.clientId, PUBLIC_CLIENT_ID);
    assert.equal(refreshToken.userAgent, 'ExampleApp/1.0 (iPhone; iOS 17.0)');
    assert.ok(refreshToken.ip);

    const family = await server.strapi.db.query('plugin::refreshing.token-family' as never).findOne({ where: { id: refreshToken.familyId } });
    assert.ok(family);
    assert.equal(family.userId, user.id);
    assert.equal(new Date(family.expiresAt).getTime(), new Date(refreshToken.expiresAt).getTime());

    const accessToken = await server.strapi.db
      .query('plugin::refreshing.access-token' as never)
      .findOne({ where: { tokenHash: sha256(response.body.access_token) } });
    assert.ok(accessToken);
    assert.equal(accessToken.familyId, refreshToken.familyId);

    for (const row of [refreshToken, accessToken]) {
      assert.ok(!JSON.stringify(row).includes(response.body.refresh_token));
      assert.ok(!JSON.stringify(row).includes(response.body.access_token));
    }
  });

  test('email identifier is case-insensitive', async () => {
    const response = await passwordGrant(server.http, { username: 'ALICE@example.COM', password: user.password });
    assert.equal(response.status, 200);
  });

  test('username identifier matches as /api/auth/local does', async () => {
    // Whether `alice` finds `Alice` depends on the database collation (MariaDB's default is
    // case-insensitive): the token endpoint must agree with users-permissions either way.
    const ours = await passwordGrant(server.http, { username: 'alice', password: user.password });
    const theirs = await server.http.post('/api/auth/local').send({ identifier: 'alice', password: user.password });
    assert.equal(ours.status === 200, theirs.status === 200);
  });

  test('unknown user and wrong password answer alike', async () => {
    const unknown = await passwordGrant(server.http, { username: 'nobody', password: user.password });
    const wrong = await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal(wrong.body.error, 'invalid_grant');
  });

  test('blocked user is invalid_grant', async () => {
    const blocked = await createUser(server.strapi, { blocked: true });
    const response = await passwordGrant(server.http, blocked);
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_grant');
  });

  test('unconfirmed user is invalid_grant when confirmation is on', async () => {
    const unconfirmed = await createUser(server.strapi, { confirmed: false });

    const allowed = await passwordGrant(server.http, unconfirmed);
    assert.equal(allowed.status, 200, 'confirmation is off by default, as in users-permissions');

    await setEmailConfirmationRequired(server.strapi, true);
    try {
      const response = await passwordGrant(server.http, unconfirmed);
      assert.equal(response.status, 400);
      assert.equal(response.body.error, 'invalid_grant');
    } finally {
      await setEmailConfirmationRequired(server.strapi, false);
    }
  });

  test('user blocked after creation is invalid_grant', async () => {
    const later = await createUser(server.strapi);
    await setBlocked(server.strapi, later.id, true);
    const response = await passwordGrant(server.http, later);
    assert.equal(response.body.error, 'invalid_grant');
  });

  test('missing username is invalid_request', async () => {
    const response = await postToken(server.http, { grant_type: 'password', client_id: PUBLIC_CLIENT_ID, password: 'x' });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_request');
  });

  test('missing password is invalid_request', async () => {
    const response = await postToken(server.http, { grant_type: 'password', client_id: PUBLIC_CLIENT_ID, username: user.username });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_request');
  });

  test('allowed scope is granted and returned', async () => {
    const response = await postToken(server.http, {
      grant_type: 'password',
      client_id: PUBLIC_CLIENT_ID,
      username: user.username,
      password: user.password,
      scope: 'profile orders',
    });
    assert.equal(response.status, 200);
    assert.equal(response.body.scope, 'profile orders');
  });

  test('scope outside the client is invalid_scope', async () => {
    const response = await postToken(server.http, {
      grant_type: 'password',
      client_id: PUBLIC_CLIENT_ID,
      username: user.username,
      password: user.password,
      scope: 'profile admin',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_scope');
  });

  test('password with non-ASCII characters works', async () => {
    const accented = await createUser(server.strapi, { password: 'pässwörd-日本' });
    const response = await passwordGrant(server.http, accented);
    assert.equal(response.status, 200);
  });
});
