import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  basicAuthorization,
  CONFIDENTIAL_CLIENT_ID,
  CONFIDENTIAL_CLIENT_SECRET,
  PUBLIC_CLIENT_ID,
  postToken,
} from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

// RFC 6749 §3.2, §2.3.1 and §5.2: how the token endpoint reads requests and shapes its errors.
describe('POST /oauth/token', () => {
  let server: TestServer;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('token_endpoint');
    user = await createUser(server.strapi);
  });

  after(async () => {
    await server?.stop();
  });

  const passwordParameters = () => ({ grant_type: 'password', username: user.username, password: user.password });

  async function storedRowCounts() {
    const count = (uid: string) => server.strapi.db.query(uid as never).count();
    return {
      families: await count('plugin::refreshing.token-family'),
      refreshTokens: await count('plugin::refreshing.refresh-token'),
      accessTokens: await count('plugin::refreshing.access-token'),
    };
  }

  function assertRfcError(response: { status: number; headers: Record<string, string>; body: unknown }, status: number, error: string) {
    assert.equal(response.status, status);
    assert.match(response.headers['content-type'], /^application\/json/);
    assert.deepEqual(Object.keys(response.body as object).sort(), ['error', 'error_description']);
    assert.equal((response.body as { error: string }).error, error);
    assert.equal(response.headers['cache-control'], 'no-store');
  }

  describe('content type', () => {
    test('form with charset parameter is accepted', async () => {
      const response = await server.http
        .post('/oauth/token')
        .set('Content-Type', 'application/x-www-form-urlencoded; charset=UTF-8')
        .send(new URLSearchParams({ ...passwordParameters(), client_id: PUBLIC_CLIENT_ID }).toString());
      assert.equal(response.status, 200);
      assert.equal(response.body.token_type, 'Bearer');
    });

    test('JSON body is invalid_request', async () => {
      const response = await server.http
        .post('/oauth/token')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...passwordParameters(), client_id: PUBLIC_CLIENT_ID }));
      assertRfcError(response, 400, 'invalid_request');
    });

    test('missing content type is invalid_request', async () => {
      const response = await server.http.post('/oauth/token');
      assertRfcError(response, 400, 'invalid_request');
    });
  });

  describe('grant_type', () => {
    test('missing grant_type is invalid_request for a public client', async () => {
      const response = await postToken(server.http, { client_id: PUBLIC_CLIENT_ID });
      assertRfcError(response, 400, 'invalid_request');
    });

    test('missing grant_type is invalid_request with HTTP Basic', async () => {
      const response = await postToken(server.http, {}, {
        Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET),
      });
      assertRfcError(response, 400, 'invalid_request');
    });

    test('unknown grant_type is unsupported_grant_type', async () => {
      const response = await postToken(server.http, { grant_type: 'foo', client_id: PUBLIC_CLIENT_ID });
      assertRfcError(response, 400, 'unsupported_grant_type');
    });

    test('grant the client lacks is unauthorized_client', async () => {
      const response = await postToken(server.http, {
        grant_type: 'refresh_token',
        client_id: 'password-only-app',
        refresh_token: 'x'.repeat(43),
      });
      assertRfcError(response, 400, 'unauthorized_client');
    });

    test('client with an empty grant list is unauthorized_client', async () => {
      const response = await postToken(server.http, { ...passwordParameters(), client_id: 'no-grants-app' });
      assertRfcError(response, 400, 'unauthorized_client');
    });
  });

  describe('repeated parameters', () => {
    test('parameter sent twice is invalid_request', async () => {
      const response = await server.http
        .post('/oauth/token')
        .type('form')
        .send(`grant_type=password&grant_type=password&client_id=${PUBLIC_CLIENT_ID}&username=${user.username}&password=${user.password}`);
      assertRfcError(response, 400, 'invalid_request');
    });

    test('bracketed parameter name is invalid_request', async () => {
      const response = await server.http
        .post('/oauth/token')
        .type('form')
        .send(`grant_type=password&client_id=${PUBLIC_CLIENT_ID}&username[]=${user.username}&password=${user.password}`);
      assertRfcError(response, 400, 'invalid_request');
    });
  });

  describe('client authentication', () => {
    test('HTTP Basic with form-url-encoded secret succeeds', async () => {
      const response = await postToken(server.http, passwordParameters(), {
        Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET),
      });
      assert.equal(response.status, 200);
      assert.ok(response.body.access_token);
    });

    test('HTTP Basic with raw secret is invalid_client', async () => {
      const raw = Buffer.from(`${CONFIDENTIAL_CLIENT_ID}:${CONFIDENTIAL_CLIENT_SECRET}`).toString('base64');
      const response = await postToken(server.http, passwordParameters(), { Authorization: `Basic ${raw}` });
      assertRfcError(response, 401, 'invalid_client');
      assert.match(response.headers['www-authenticate'], /^Basic /);
    });

    test('client_secret in the body is decoded once', async () => {
      const response = await postToken(server.http, {
        ...passwordParameters(),
        client_id: CONFIDENTIAL_CLIENT_ID,
        client_secret: CONFIDENTIAL_CLIENT_SECRET,
      });
      assert.equal(response.status, 200);
    });

    test('Basic scheme name is case-insensitive', async () => {
      const header = basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET).replace('Basic', 'bAsIc');
      const response = await postToken(server.http, passwordParameters(), { Authorization: header });
      assert.equal(response.status, 200);
    });

    test('unknown client and wrong secret answer alike', async () => {
      const wrongSecret = await postToken(server.http, passwordParameters(), {
        Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, 'not-the-secret'),
      });
      const unknownClient = await postToken(server.http, passwordParameters(), {
        Authorization: basicAuthorization('no-such-client', 'not-the-secret'),
      });
      assertRfcError(wrongSecret, 401, 'invalid_client');
      assert.equal(unknownClient.status, wrongSecret.status);
      assert.deepEqual(unknownClient.body, wrongSecret.body);
      assert.equal(unknownClient.headers['www-authenticate'], wrongSecret.headers['www-authenticate']);
    });

    test('confidential client without its secret is invalid_client', async () => {
      const response = await postToken(server.http, { ...passwordParameters(), client_id: CONFIDENTIAL_CLIENT_ID });
      assertRfcError(response, 401, 'invalid_client');
    });

    test('public client presenting a secret is invalid_client', async () => {
      const response = await postToken(server.http, {
        ...passwordParameters(),
        client_id: PUBLIC_CLIENT_ID,
        client_secret: 'anything',
      });
      assertRfcError(response, 401, 'invalid_client');
    });

    test('request without any client is invalid_client', async () => {
      const response = await postToken(server.http, passwordParameters());
      assertRfcError(response, 401, 'invalid_client');
    });

    test('HTTP Basic and client_secret together are invalid_request', async () => {
      const response = await postToken(
        server.http,
        { ...passwordParameters(), client_secret: CONFIDENTIAL_CLIENT_SECRET },
        { Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET) },
      );
      assertRfcError(response, 400, 'invalid_request');
    });

    test('HTTP Basic with a matching body client_id succeeds', async () => {
      const response = await postToken(
        server.http,
        { ...passwordParameters(), client_id: CONFIDENTIAL_CLIENT_ID },
        { Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET) },
      );
      assert.equal(response.status, 200);
    });

    test('HTTP Basic with another body client_id is invalid_request', async () => {
      const response = await postToken(
        server.http,
        { ...passwordParameters(), client_id: PUBLIC_CLIENT_ID },
        { Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET) },
      );
      assertRfcError(response, 400, 'invalid_request');
    });

    test('Bearer scheme at the token endpoint is invalid_client', async () => {
      const response = await postToken(server.http, { ...passwordParameters(), client_id: PUBLIC_CLIENT_ID }, {
        Authorization: 'Bearer some-token',
      });
      assertRfcError(response, 401, 'invalid_client');
    });

    test('disabled client is invalid_client', async () => {
      const clients = server.strapi.db.query('plugin::refreshing.client' as never);
      await clients.update({ where: { clientId: 'password-only-app' }, data: { enabled: false } });
      try {
        const response = await postToken(server.http, { ...passwordParameters(), client_id: 'password-only-app' });
        assertRfcError(response, 401, 'invalid_client');
      } finally {
        await clients.update({ where: { clientId: 'password-only-app' }, data: { enabled: true } });
      }
    });
  });

  describe('responses', () => {
    test('wrong password is invalid_grant without Strapi envelope', async () => {
      const response = await postToken(server.http, {
        grant_type: 'password',
        client_id: PUBLIC_CLIENT_ID,
        username: user.username,
        password: 'wrong-password',
      });
      assertRfcError(response, 400, 'invalid_grant');
      assert.equal(response.body.data, undefined);
      assert.equal(response.headers.pragma, 'no-cache');
    });

    test('success carries no-store and no-cache', async () => {
      const response = await postToken(server.http, { ...passwordParameters(), client_id: PUBLIC_CLIENT_ID });
      assert.equal(response.status, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      assert.equal(response.headers.pragma, 'no-cache');
      assert.match(response.headers['content-type'], /^application\/json/);
    });

    test('works with default role permissions and no bearer token', async () => {
      const response = await postToken(server.http, { ...passwordParameters(), client_id: PUBLIC_CLIENT_ID });
      assert.equal(response.status, 200);
      assert.equal(response.headers['www-authenticate'], undefined);
    });

    test('failed requests store no tokens', async () => {
      const before = await storedRowCounts();
      await postToken(server.http, { grant_type: 'password', client_id: PUBLIC_CLIENT_ID, username: user.username, password: 'wrong' });
      await postToken(server.http, { grant_type: 'refresh_token', client_id: PUBLIC_CLIENT_ID, refresh_token: 'y'.repeat(43) });
      await postToken(server.http, { ...passwordParameters(), client_id: 'no-grants-app' });
      assert.deepEqual(await storedRowCounts(), before);
    });
  });
});
