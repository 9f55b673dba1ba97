import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID, refreshGrant } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import {
  assertInvalidClient,
  assertOAuthError,
  CONFIDENTIAL_CLIENT_AUTHORIZATION,
  logIn,
  postIntrospection,
  postRevocation,
  RESOURCE_SERVER_AUTHORIZATION,
  RESOURCE_SERVER_CLIENT_ID,
  RESOURCE_SERVER_CLIENT_SECRET,
  tokenHash,
} from '../helpers/token-management';
import type { TestUser } from '../helpers/users';
import { createUser, setBlocked, setEmailConfirmationRequired } from '../helpers/users';

type Response = { status: number; headers: Record<string, string>; body: unknown };

const seconds = (value: string | number | Date) => Math.floor(new Date(value).getTime() / 1000);

// RFC 7662: token introspection.
describe('POST /oauth/introspect', () => {
  let server: TestServer;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('introspection_endpoint');
    user = await createUser(server.strapi);
  });

  after(async () => {
    await server?.stop();
  });

  const families = () => server.strapi.db.query('plugin::refreshing.token-family' as never);
  const refreshTokens = () => server.strapi.db.query('plugin::refreshing.refresh-token' as never);
  const accessTokens = () => server.strapi.db.query('plugin::refreshing.access-token' as never);

  const introspectAsResourceServer = (token: string, hint?: string) =>
    postIntrospection(server.http, { token, ...(hint ? { token_type_hint: hint } : {}) }, { Authorization: RESOURCE_SERVER_AUTHORIZATION });

  /** Runs `action` with a refresh token idle lifetime in seconds, then puts the old one back. */
  async function withIdleLifetime(seconds: number, action: () => Promise<void>) {
    const key = 'plugin::refreshing.refreshTokenIdleLifetime';
    const previous = server.strapi.config.get(key);
    server.strapi.config.set(key, seconds);
    try {
      await action();
    } finally {
      server.strapi.config.set(key, previous);
    }
  }

  function assertNotCached(response: Response) {
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers.pragma, 'no-cache');
    assert.match(response.headers['content-type'], /^application\/json/);
  }

  function assertInactive(response: Response) {
    assert.equal(response.status, 200);
    assertNotCached(response);
    assert.deepEqual(response.body, { active: false });
  }

  /** Builds the exact active response for an access token, with exp and iat read from its stored row. */
  async function expectedAccessTokenResponse(accessToken: string, owner: TestUser, clientId: string, scope?: string) {
    const row = await accessTokens().findOne({ where: { tokenHash: tokenHash(accessToken) } });
    return {
      active: true,
      ...(scope ? { scope } : {}),
      client_id: clientId,
      username: owner.username,
      token_type: 'Bearer',
      exp: seconds(row.expiresAt),
      iat: seconds(row.createdAt),
      sub: String(owner.id),
    };
  }

  async function expectedRefreshTokenResponse(refreshToken: string, owner: TestUser, clientId: string, scope?: string) {
    const row = await refreshTokens().findOne({ where: { tokenHash: tokenHash(refreshToken) } });
    return {
      active: true,
      ...(scope ? { scope } : {}),
      client_id: clientId,
      username: owner.username,
      exp: seconds(row.expiresAt),
      iat: seconds(row.createdAt),
      sub: String(owner.id),
    };
  }

  describe('client authentication', () => {
    test('public client is invalid_client', async () => {
      const { access_token } = await logIn(server.http, user);
      const response = await postIntrospection(server.http, { token: access_token, client_id: PUBLIC_CLIENT_ID });
      assertInvalidClient(response);
    });

    test('request without any client is invalid_client', async () => {
      const { access_token } = await logIn(server.http, user);
      assertInvalidClient(await postIntrospection(server.http, { token: access_token }));
    });

    test('confidential client without its secret is invalid_client', async () => {
      const { access_token } = await logIn(server.http, user, { confidential: true });
      const response = await postIntrospection(server.http, { token: access_token, client_id: CONFIDENTIAL_CLIENT_ID });
      assertInvalidClient(response);
    });

    test('wrong secret is invalid_client', async () => {
      const { access_token } = await logIn(server.http, user);
      const response = await postIntrospection(server.http, {
        token: access_token,
        client_id: RESOURCE_SERVER_CLIENT_ID,
        client_secret: 'not-the-secret',
      });
      assertInvalidClient(response);
    });

    test('client_secret_post is accepted', async () => {
      const { access_token } = await logIn(server.http, user);
      const response = await postIntrospection(server.http, {
        token: access_token,
        client_id: RESOURCE_SERVER_CLIENT_ID,
        client_secret: RESOURCE_SERVER_CLIENT_SECRET,
      });
      assert.equal(response.status, 200);
      assert.equal(response.body.active, true);
    });
  });

  describe('request', () => {
    test('missing token is invalid_request', async () => {
      const response = await postIntrospection(server.http, {}, { Authorization: RESOURCE_SERVER_AUTHORIZATION });
      assertOAuthError(response, 400, { error: 'invalid_request', error_description: 'The token parameter is missing.' });
      assert.equal(response.headers.pragma, 'no-cache');
    });

    test('JSON body is invalid_request', async () => {
      const { access_token } = await logIn(server.http, user);
      const response = await server.http
        .post('/oauth/introspect')
        .set('Authorization', RESOURCE_SERVER_AUTHORIZATION)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ token: access_token }));
      assertOAuthError(response, 400, {
        error: 'invalid_request',
        error_description: 'The request body must be application/x-www-form-urlencoded.',
      });
    });
  });

  describe('active tokens', () => {
    test('own access token is active with every member', async () => {
      const { access_token } = await logIn(server.http, user, { confidential: true });
      const response = await postIntrospection(server.http, { token: access_token }, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION });

      assert.equal(response.status, 200);
      assertNotCached(response);
      assert.deepEqual(response.body, await expectedAccessTokenResponse(access_token, user, CONFIDENTIAL_CLIENT_ID));
    });

    test('own refresh token is active without token_type', async () => {
      const { refresh_token } = await logIn(server.http, user, { confidential: true });
      const response = await postIntrospection(server.http, { token: refresh_token }, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION });

      assert.equal(response.status, 200);
      assertNotCached(response);
      assert.deepEqual(response.body, await expectedRefreshTokenResponse(refresh_token, user, CONFIDENTIAL_CLIENT_ID));
    });

    test('times are epoch seconds of the stored token', async () => {
      const before = Math.floor(Date.now() / 1000);
      const { access_token } = await logIn(server.http, user);
      const after = Math.ceil(Date.now() / 1000);
      const response = await introspectAsResourceServer(access_token);

      assert.ok(response.body.iat >= before - 1, `iat ${response.body.iat} before the login at ${before}`);
      assert.ok(response.body.iat <= after, `iat ${response.body.iat} after the login ended at ${after}`);
      // The test app's accessTokenLifetime is 900 seconds.
      assert.ok(Math.abs(response.body.exp - response.body.iat - 900) <= 1, `exp ${response.body.exp}`);
    });

    test('resource server sees a token of another client', async () => {
      const { access_token } = await logIn(server.http, user);
      const response = await introspectAsResourceServer(access_token);

      assert.equal(response.status, 200);
      assertNotCached(response);
      assert.deepEqual(response.body, await expectedAccessTokenResponse(access_token, user, PUBLIC_CLIENT_ID));
    });

    test('scope is sent space-separated', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user, { scope: 'profile orders' });

      const accessResponse = await introspectAsResourceServer(access_token);
      assert.deepEqual(accessResponse.body, await expectedAccessTokenResponse(access_token, user, PUBLIC_CLIENT_ID, 'profile orders'));

      const refreshResponse = await introspectAsResourceServer(refresh_token);
      assert.deepEqual(refreshResponse.body, await expectedRefreshTokenResponse(refresh_token, user, PUBLIC_CLIENT_ID, 'profile orders'));
    });

    test('token_type_hint of the wrong type still finds the token', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);

      const refreshResponse = await introspectAsResourceServer(refresh_token, 'access_token');
      assert.deepEqual(refreshResponse.body, await expectedRefreshTokenResponse(refresh_token, user, PUBLIC_CLIENT_ID));

      const accessResponse = await introspectAsResourceServer(access_token, 'refresh_token');
      assert.deepEqual(accessResponse.body, await expectedAccessTokenResponse(access_token, user, PUBLIC_CLIENT_ID));
    });

    test('unknown token_type_hint is ignored', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const response = await introspectAsResourceServer(refresh_token, 'id_token');
      assert.deepEqual(response.body, await expectedRefreshTokenResponse(refresh_token, user, PUBLIC_CLIENT_ID));
    });

    test('refresh token exp is the idle expiry when sooner', async () => {
      await withIdleLifetime(60, async () => {
        const { refresh_token } = await logIn(server.http, user);
        const row = await refreshTokens().findOne({ where: { tokenHash: tokenHash(refresh_token) } });

        const response = await introspectAsResourceServer(refresh_token);
        assert.equal(response.body.active, true);
        assert.equal(response.body.iat, seconds(row.createdAt));
        assert.equal(response.body.exp, seconds(new Date(row.createdAt).getTime() + 60_000));
      });
    });

    test('successor of a rotated refresh token is active', async () => {
      const first = await logIn(server.http, user);
      const rotated = await refreshGrant(server.http, first.refresh_token);
      assert.equal(rotated.status, 200);

      const response = await introspectAsResourceServer(rotated.body.refresh_token);
      assert.deepEqual(response.body, await expectedRefreshTokenResponse(rotated.body.refresh_token, user, PUBLIC_CLIENT_ID));
    });
  });

  describe('inactive tokens', () => {
    test('token of another client is inactive for a plain client', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);
      for (const token of [access_token, refresh_token]) {
        const response = await postIntrospection(server.http, { token }, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION });
        assertInactive(response);
      }
      assert.equal((await introspectAsResourceServer(access_token)).body.active, true);
    });

    test('unknown token is inactive', async () => {
      assertInactive(await introspectAsResourceServer('A'.repeat(43)));
    });

    test('value that is not a token is inactive', async () => {
      assertInactive(await introspectAsResourceServer('not a token at all'));
    });

    test('expired access token is inactive', async () => {
      const { access_token } = await logIn(server.http, user);
      await accessTokens().update({ where: { tokenHash: tokenHash(access_token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      assertInactive(await introspectAsResourceServer(access_token));
    });

    test('expired refresh token is inactive', async () => {
      const { refresh_token } = await logIn(server.http, user);
      await refreshTokens().update({ where: { tokenHash: tokenHash(refresh_token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
      assertInactive(await introspectAsResourceServer(refresh_token));
    });

    test('revoked access token is inactive', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);
      const revocation = await postRevocation(server.http, { token: access_token, client_id: PUBLIC_CLIENT_ID });
      assert.equal(revocation.status, 200);

      assertInactive(await introspectAsResourceServer(access_token));
      assert.equal((await introspectAsResourceServer(refresh_token)).body.active, true);
    });

    test('revoked refresh token makes its family inactive', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);
      const revocation = await postRevocation(server.http, { token: refresh_token, client_id: PUBLIC_CLIENT_ID });
      assert.equal(revocation.status, 200);

      assertInactive(await introspectAsResourceServer(refresh_token));
      assertInactive(await introspectAsResourceServer(access_token));
    });

    test('rotated refresh token is inactive', async () => {
      const first = await logIn(server.http, user);
      const rotated = await refreshGrant(server.http, first.refresh_token);
      assert.equal(rotated.status, 200);
      assertInactive(await introspectAsResourceServer(first.refresh_token));
    });

    test('refresh token past its idle lifetime is inactive', async () => {
      await withIdleLifetime(60, async () => {
        const { refresh_token } = await logIn(server.http, user);
        // Backdating beats sleeping: MariaDB stores whole seconds and may round the creation
        // time up, so a short sleep can land inside the limit.
        await server.strapi.db
          .query('plugin::refreshing.refresh-token' as never)
          .update({ where: { tokenHash: tokenHash(refresh_token) }, data: { createdAt: new Date(Date.now() - 120_000) } });

        assertInactive(await introspectAsResourceServer(refresh_token));
        // The refresh_token grant applies the same idle limit.
        const refreshed = await refreshGrant(server.http, refresh_token);
        assert.equal(refreshed.status, 400);
        assert.equal(refreshed.body.error, 'invalid_grant');
      });
    });

    test('refresh token of a deleted client is inactive', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const clients = server.strapi.db.query('plugin::refreshing.client' as never);
      const owner = await clients.findOne({ where: { clientId: PUBLIC_CLIENT_ID } });
      // A row kept under another client id stands for the deleted client, so later tests still
      // find the public client after it is restored.
      await clients.update({ where: { id: owner.id }, data: { clientId: 'deleted-public-app' } });
      try {
        assertInactive(await introspectAsResourceServer(refresh_token));
      } finally {
        await clients.update({ where: { id: owner.id }, data: { clientId: PUBLIC_CLIENT_ID } });
      }
    });

    test('refresh token of a revoked family is inactive', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const row = await refreshTokens().findOne({ where: { tokenHash: tokenHash(refresh_token) } });
      // Only the family row changes, so the family check alone must make the token inactive.
      await families().update({ where: { id: row.familyId }, data: { revokedAt: new Date(), revokedReason: 'admin_request' } });
      assertInactive(await introspectAsResourceServer(refresh_token));
    });

    test('refresh token of a deleted family is inactive', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const row = await refreshTokens().findOne({ where: { tokenHash: tokenHash(refresh_token) } });
      await families().delete({ where: { id: row.familyId } });
      assertInactive(await introspectAsResourceServer(refresh_token));
    });

    test('tokens of a blocked user are inactive', async () => {
      const blockedLater = await createUser(server.strapi);
      const { access_token, refresh_token } = await logIn(server.http, blockedLater);
      assert.equal((await introspectAsResourceServer(access_token)).body.active, true);

      await setBlocked(server.strapi, blockedLater.id, true);

      assertInactive(await introspectAsResourceServer(access_token));
      assertInactive(await introspectAsResourceServer(refresh_token));
    });

    test('tokens of a deleted user are inactive', async () => {
      const deletedLater = await createUser(server.strapi);
      const { access_token, refresh_token } = await logIn(server.http, deletedLater);

      await server.strapi.db.query('plugin::users-permissions.user').delete({ where: { id: deletedLater.id } });

      assertInactive(await introspectAsResourceServer(access_token));
      assertInactive(await introspectAsResourceServer(refresh_token));
    });

    test('token of an unconfirmed user is inactive when confirmation is on', async () => {
      const unconfirmed = await createUser(server.strapi, { confirmed: false });
      const { access_token } = await logIn(server.http, unconfirmed);

      await setEmailConfirmationRequired(server.strapi, true);
      try {
        assertInactive(await introspectAsResourceServer(access_token));
      } finally {
        await setEmailConfirmationRequired(server.strapi, false);
      }
    });
  });
});
