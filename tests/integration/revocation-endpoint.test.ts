import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID, refreshGrant } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import {
  assertInvalidClient,
  assertInvalidToken,
  assertOAuthError,
  captureInfoLog,
  CONFIDENTIAL_CLIENT_AUTHORIZATION,
  logIn,
  postIntrospection,
  postRevocation,
  RESOURCE_SERVER_AUTHORIZATION,
  tokenHash,
} from '../helpers/token-management';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

const NOT_ISSUED_TO_CLIENT = {
  error: 'invalid_request',
  error_description: 'The token was not issued to this client.',
};

// RFC 7009: token revocation.
describe('POST /oauth/revoke', () => {
  let server: TestServer;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('revocation_endpoint');
    user = await createUser(server.strapi);
  });

  after(async () => {
    await server?.stop();
  });

  const families = () => server.strapi.db.query('plugin::refreshing.token-family' as never);
  const refreshTokens = () => server.strapi.db.query('plugin::refreshing.refresh-token' as never);
  const accessTokens = () => server.strapi.db.query('plugin::refreshing.access-token' as never);

  const getMe = (accessToken: string) => server.http.get('/api/users/me').set('Authorization', `Bearer ${accessToken}`);

  const revokeAsPublicClient = (token: string, hint?: string) =>
    postRevocation(server.http, { token, client_id: PUBLIC_CLIENT_ID, ...(hint ? { token_type_hint: hint } : {}) });

  /** Returns whether introspection by the resource server reports the token active. */
  async function isActive(token: string): Promise<boolean> {
    const response = await postIntrospection(server.http, { token }, { Authorization: RESOURCE_SERVER_AUTHORIZATION });
    assert.equal(response.status, 200);
    return response.body.active;
  }

  function assertRevocationSuccess(response: { status: number; headers: Record<string, string>; text: string }) {
    assert.equal(response.status, 200);
    assert.equal(response.text, '');
    assert.equal(response.headers['cache-control'], 'no-store');
  }

  describe('request', () => {
    test('JSON body is invalid_request', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const response = await server.http
        .post('/oauth/revoke')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ token: refresh_token, client_id: PUBLIC_CLIENT_ID }));
      assertOAuthError(response, 400, {
        error: 'invalid_request',
        error_description: 'The request body must be application/x-www-form-urlencoded.',
      });
      assert.equal(await isActive(refresh_token), true);
    });

    test('missing token is invalid_request', async () => {
      const response = await postRevocation(server.http, { client_id: PUBLIC_CLIENT_ID });
      assertOAuthError(response, 400, { error: 'invalid_request', error_description: 'The token parameter is missing.' });
    });

    test('empty token is invalid_request', async () => {
      const response = await postRevocation(server.http, { token: '', client_id: PUBLIC_CLIENT_ID });
      assertOAuthError(response, 400, { error: 'invalid_request', error_description: 'The token parameter is missing.' });
    });

    test('repeated token is invalid_request', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const response = await server.http
        .post('/oauth/revoke')
        .type('form')
        .send(`token=${refresh_token}&token=${refresh_token}&client_id=${PUBLIC_CLIENT_ID}`);
      assertOAuthError(response, 400, {
        error: 'invalid_request',
        error_description: 'Request parameters must not be repeated.',
      });
      assert.equal(await isActive(refresh_token), true);
    });
  });

  describe('client authentication', () => {
    test('request without any client is invalid_client', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const response = await postRevocation(server.http, { token: refresh_token });
      assertInvalidClient(response);
      assert.equal(await isActive(refresh_token), true);
    });

    test('confidential client without its secret is invalid_client', async () => {
      const { refresh_token } = await logIn(server.http, user, { confidential: true });
      const response = await postRevocation(server.http, { token: refresh_token, client_id: CONFIDENTIAL_CLIENT_ID });
      assertInvalidClient(response);
      assert.equal(await isActive(refresh_token), true);
    });

    test('confidential client with a wrong secret is invalid_client', async () => {
      const { refresh_token } = await logIn(server.http, user, { confidential: true });
      const response = await postRevocation(server.http, {
        token: refresh_token,
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: 'not-the-secret',
      });
      assertInvalidClient(response);
      assert.equal(await isActive(refresh_token), true);
    });

    test('missing token with a failed client is invalid_client', async () => {
      const response = await postRevocation(server.http, { client_id: 'no-such-client' });
      assertInvalidClient(response);
    });

    test('confidential client revokes with HTTP Basic', async () => {
      const { refresh_token } = await logIn(server.http, user, { confidential: true });
      const response = await postRevocation(server.http, { token: refresh_token }, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION });
      assertRevocationSuccess(response);
      assert.equal(await isActive(refresh_token), false);
    });

    test('confidential client revokes with client_secret_post', async () => {
      const { refresh_token } = await logIn(server.http, user, { confidential: true });
      const response = await postRevocation(server.http, {
        token: refresh_token,
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });
      assertRevocationSuccess(response);
      assert.equal(await isActive(refresh_token), false);
    });

    test('public client revokes with client_id alone', async () => {
      const { refresh_token } = await logIn(server.http, user);
      const response = await revokeAsPublicClient(refresh_token);
      assertRevocationSuccess(response);
      assert.equal(await isActive(refresh_token), false);
    });
  });

  describe('access token', () => {
    test('revoked access token is rejected by the content API', async () => {
      const { access_token } = await logIn(server.http, user);
      assert.equal((await getMe(access_token)).status, 200);

      const response = await revokeAsPublicClient(access_token, 'access_token');
      assertRevocationSuccess(response);

      assertInvalidToken(await getMe(access_token));
    });

    test('access token revocation leaves the refresh token working', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);
      assertRevocationSuccess(await revokeAsPublicClient(access_token));

      const refreshed = await refreshGrant(server.http, refresh_token);
      assert.equal(refreshed.status, 200);
      assert.equal((await getMe(refreshed.body.access_token)).status, 200);

      const row = await accessTokens().findOne({ where: { tokenHash: tokenHash(access_token) } });
      const family = await families().findOne({ where: { id: row.familyId } });
      assert.equal(family.revokedAt, null);
    });

    test('access token found despite a refresh_token hint', async () => {
      const { access_token } = await logIn(server.http, user);
      assertRevocationSuccess(await revokeAsPublicClient(access_token, 'refresh_token'));
      assertInvalidToken(await getMe(access_token));
    });
  });

  describe('refresh token', () => {
    test('revoking a refresh token ends its family', async () => {
      const first = await logIn(server.http, user);
      const rotated = await refreshGrant(server.http, first.refresh_token);
      assert.equal(rotated.status, 200);

      const response = await revokeAsPublicClient(rotated.body.refresh_token, 'refresh_token');
      assertRevocationSuccess(response);

      const refreshed = await refreshGrant(server.http, rotated.body.refresh_token);
      assert.equal(refreshed.status, 400);
      assert.equal(refreshed.body.error, 'invalid_grant');
      assertInvalidToken(await getMe(first.access_token));
      assertInvalidToken(await getMe(rotated.body.access_token));

      const row = await refreshTokens().findOne({ where: { tokenHash: tokenHash(rotated.body.refresh_token) } });
      const family = await families().findOne({ where: { id: row.familyId } });
      assert.notEqual(family.revokedAt, null);
      assert.equal(family.revokedReason, 'revocation_request');
    });

    test('refresh token found despite an access_token hint', async () => {
      const { access_token, refresh_token } = await logIn(server.http, user);
      assertRevocationSuccess(await revokeAsPublicClient(refresh_token, 'access_token'));
      assert.equal((await refreshGrant(server.http, refresh_token)).status, 400);
      assertInvalidToken(await getMe(access_token));
    });

    test('unknown token_type_hint is ignored', async () => {
      const { refresh_token } = await logIn(server.http, user);
      assertRevocationSuccess(await revokeAsPublicClient(refresh_token, 'id_token'));
      assert.equal((await refreshGrant(server.http, refresh_token)).status, 400);
    });

    test('rotated refresh token ends its family', async () => {
      const first = await logIn(server.http, user);
      const rotated = await refreshGrant(server.http, first.refresh_token);
      assert.equal(rotated.status, 200);

      assertRevocationSuccess(await revokeAsPublicClient(first.refresh_token));

      assert.equal((await refreshGrant(server.http, rotated.body.refresh_token)).status, 400);
      assertInvalidToken(await getMe(rotated.body.access_token));
    });

    test('other families of the user keep working', async () => {
      const revokedLogin = await logIn(server.http, user);
      const otherLogin = await logIn(server.http, user);

      assertRevocationSuccess(await revokeAsPublicClient(revokedLogin.refresh_token));

      assert.equal((await getMe(otherLogin.access_token)).status, 200);
      assert.equal((await refreshGrant(server.http, otherLogin.refresh_token)).status, 200);
    });
  });

  describe('tokens that cannot be revoked', () => {
    test('unknown token is 200', async () => {
      assertRevocationSuccess(await revokeAsPublicClient('A'.repeat(43)));
    });

    test('value that is not a token is 200', async () => {
      assertRevocationSuccess(await revokeAsPublicClient('not a token at all'));
    });

    test('already revoked token is 200', async () => {
      const { refresh_token } = await logIn(server.http, user);
      assertRevocationSuccess(await revokeAsPublicClient(refresh_token));
      assertRevocationSuccess(await revokeAsPublicClient(refresh_token));
    });

    test('expired access token is 200', async () => {
      const { access_token } = await logIn(server.http, user);
      await accessTokens().update({
        where: { tokenHash: tokenHash(access_token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      assertRevocationSuccess(await revokeAsPublicClient(access_token));
    });

    test('expired refresh token is 200', async () => {
      const { refresh_token } = await logIn(server.http, user);
      await refreshTokens().update({
        where: { tokenHash: tokenHash(refresh_token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      assertRevocationSuccess(await revokeAsPublicClient(refresh_token));
    });
  });

  describe("another client's token", () => {
    test('refresh token of another client is rejected', async () => {
      const publicTokens = await logIn(server.http, user);
      const response = await postRevocation(
        server.http,
        { token: publicTokens.refresh_token },
        { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION },
      );
      assertOAuthError(response, 400, NOT_ISSUED_TO_CLIENT);

      assert.equal(await isActive(publicTokens.refresh_token), true);
      assert.equal((await getMe(publicTokens.access_token)).status, 200);
      assert.equal((await refreshGrant(server.http, publicTokens.refresh_token)).status, 200);
    });

    test('access token of another client is rejected', async () => {
      const confidentialTokens = await logIn(server.http, user, { confidential: true });
      const response = await revokeAsPublicClient(confidentialTokens.access_token);
      assertOAuthError(response, 400, NOT_ISSUED_TO_CLIENT);

      assert.equal((await getMe(confidentialTokens.access_token)).status, 200);
      const row = await accessTokens().findOne({ where: { tokenHash: tokenHash(confidentialTokens.access_token) } });
      assert.equal(row.revokedAt, null);
    });

    test('expired token of another client is rejected', async () => {
      const confidentialTokens = await logIn(server.http, user, { confidential: true });
      await refreshTokens().update({
        where: { tokenHash: tokenHash(confidentialTokens.refresh_token) },
        data: { expiresAt: new Date(Date.now() - 1000) },
      });
      const response = await revokeAsPublicClient(confidentialTokens.refresh_token);
      assertOAuthError(response, 400, NOT_ISSUED_TO_CLIENT);
    });

    test('rejection is logged without the token', async () => {
      const publicTokens = await logIn(server.http, user);
      const lines = await captureInfoLog(server.strapi, () =>
        postRevocation(server.http, { token: publicTokens.refresh_token }, { Authorization: CONFIDENTIAL_CLIENT_AUTHORIZATION }),
      );

      const rejectionLine = lines.find((line) => line.includes('revocation invalid_request'));
      assert.ok(rejectionLine, `no rejection among ${JSON.stringify(lines)}`);
      assert.match(rejectionLine, /^\[refreshing\] /);
      assert.match(rejectionLine, new RegExp(`clientId=${CONFIDENTIAL_CLIENT_ID} `));
      assert.match(rejectionLine, new RegExp(`of client ${PUBLIC_CLIENT_ID} `));
      for (const line of lines) {
        assert.ok(!line.includes(publicTokens.refresh_token), `token value logged: ${line}`);
      }
    });
  });
});
