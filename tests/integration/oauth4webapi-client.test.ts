import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';

import * as oauth from 'oauth4webapi';

import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import { RESOURCE_SERVER_CLIENT_ID, RESOURCE_SERVER_CLIENT_SECRET } from '../helpers/token-management';
import type { TestUser } from '../helpers/users';
import { createUser } from '../helpers/users';

// oauth4webapi rejects plain http unless allowInsecureRequests is set. The test server listens on
// loopback only.
const INSECURE = { [oauth.allowInsecureRequests]: true } as const;

// A real OAuth client library, oauth4webapi 3, against a listening Strapi: discovery (RFC 8414),
// the password and refresh_token grants (RFC 6749), revocation (RFC 7009) and introspection
// (RFC 7662), with no request built by hand.
describe('oauth4webapi client', () => {
  let server: TestServer;
  let user: TestUser;
  let issuer: URL;
  let authorizationServer: oauth.AuthorizationServer;

  const publicClient: oauth.Client = { client_id: PUBLIC_CLIENT_ID };
  const confidentialClient: oauth.Client = { client_id: CONFIDENTIAL_CLIENT_ID };
  const resourceServer: oauth.Client = { client_id: RESOURCE_SERVER_CLIENT_ID };
  const resourceServerAuthentication = oauth.ClientSecretBasic(RESOURCE_SERVER_CLIENT_SECRET);

  before(async () => {
    server = await startStrapi('oauth4webapi_client');
    user = await createUser(server.strapi);

    const httpServer = server.strapi.server.httpServer;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = httpServer.address() as AddressInfo;
    issuer = new URL(`http://127.0.0.1:${port}`);
    server.strapi.config.set('plugin::refreshing.issuer', issuer.origin);

    const discovery = await oauth.discoveryRequest(issuer, { algorithm: 'oauth2', ...INSECURE });
    authorizationServer = await oauth.processDiscoveryResponse(issuer, discovery);
  });

  after(async () => {
    await server?.stop();
  });

  async function passwordLogin(client: oauth.Client, clientAuthentication: oauth.ClientAuth) {
    const response = await oauth.genericTokenEndpointRequest(
      authorizationServer,
      client,
      clientAuthentication,
      'password',
      { username: user.username, password: user.password },
      INSECURE,
    );
    return oauth.processGenericTokenEndpointResponse(authorizationServer, client, response);
  }

  async function introspect(token: string) {
    const response = await oauth.introspectionRequest(authorizationServer, resourceServer, resourceServerAuthentication, token, INSECURE);
    return oauth.processIntrospectionResponse(authorizationServer, resourceServer, response);
  }

  test('discovers the endpoints from the metadata', () => {
    assert.equal(authorizationServer.issuer, issuer.origin);
    assert.equal(authorizationServer.token_endpoint, `${issuer.origin}/oauth/token`);
    assert.equal(authorizationServer.revocation_endpoint, `${issuer.origin}/oauth/revoke`);
    assert.equal(authorizationServer.introspection_endpoint, `${issuer.origin}/oauth/introspect`);
  });

  test('public client logs in, refreshes, revokes', async () => {
    const login = await passwordLogin(publicClient, oauth.None());
    assert.equal(login.token_type, 'bearer');
    assert.equal(typeof login.refresh_token, 'string');

    const refreshResponse = await oauth.refreshTokenGrantRequest(authorizationServer, publicClient, oauth.None(), login.refresh_token!, INSECURE);
    const refreshed = await oauth.processRefreshTokenResponse(authorizationServer, publicClient, refreshResponse);
    assert.notEqual(refreshed.refresh_token, login.refresh_token);

    const introspection = await introspect(refreshed.access_token);
    assert.equal(introspection.active, true);
    assert.equal(introspection.client_id, PUBLIC_CLIENT_ID);
    assert.equal(introspection.username, user.username);
    assert.equal(introspection.sub, String(user.id));
    assert.equal(introspection.token_type, 'Bearer');

    const revocation = await oauth.revocationRequest(authorizationServer, publicClient, oauth.None(), refreshed.refresh_token!, {
      ...INSECURE,
      additionalParameters: { token_type_hint: 'refresh_token' },
    });
    assert.equal(await oauth.processRevocationResponse(revocation), undefined);

    assert.deepEqual(await introspect(refreshed.access_token), { active: false });
    assert.deepEqual(await introspect(refreshed.refresh_token!), { active: false });

    const afterRevocation = await oauth.refreshTokenGrantRequest(
      authorizationServer,
      publicClient,
      oauth.None(),
      refreshed.refresh_token!,
      INSECURE,
    );
    await assert.rejects(oauth.processRefreshTokenResponse(authorizationServer, publicClient, afterRevocation), (error: unknown) => {
      assert.ok(error instanceof oauth.ResponseBodyError);
      assert.equal(error.error, 'invalid_grant');
      return true;
    });
  });

  test('confidential client uses client_secret_basic', async () => {
    const authentication = oauth.ClientSecretBasic(CONFIDENTIAL_CLIENT_SECRET);
    const login = await passwordLogin(confidentialClient, authentication);

    const response = await oauth.introspectionRequest(authorizationServer, confidentialClient, authentication, login.access_token, INSECURE);
    const introspection = await oauth.processIntrospectionResponse(authorizationServer, confidentialClient, response);
    assert.equal(introspection.active, true);
    assert.equal(introspection.client_id, CONFIDENTIAL_CLIENT_ID);

    const revocation = await oauth.revocationRequest(authorizationServer, confidentialClient, authentication, login.access_token, INSECURE);
    assert.equal(await oauth.processRevocationResponse(revocation), undefined);
    assert.deepEqual(await introspect(login.access_token), { active: false });
  });

  test('confidential client uses client_secret_post', async () => {
    const authentication = oauth.ClientSecretPost(CONFIDENTIAL_CLIENT_SECRET);
    const login = await passwordLogin(confidentialClient, authentication);

    const refreshResponse = await oauth.refreshTokenGrantRequest(
      authorizationServer,
      confidentialClient,
      authentication,
      login.refresh_token!,
      INSECURE,
    );
    const refreshed = await oauth.processRefreshTokenResponse(authorizationServer, confidentialClient, refreshResponse);

    const revocation = await oauth.revocationRequest(authorizationServer, confidentialClient, authentication, refreshed.refresh_token!, INSECURE);
    assert.equal(await oauth.processRevocationResponse(revocation), undefined);
    assert.deepEqual(await introspect(refreshed.access_token), { active: false });
  });

  test('public client cannot introspect', async () => {
    const login = await passwordLogin(publicClient, oauth.None());
    const response = await oauth.introspectionRequest(authorizationServer, publicClient, oauth.None(), login.access_token, INSECURE);
    // oauth4webapi reports a 401 by its WWW-Authenticate challenge before it reads the body.
    await assert.rejects(oauth.processIntrospectionResponse(authorizationServer, publicClient, response), (error: unknown) => {
      assert.ok(error instanceof oauth.WWWAuthenticateChallengeError);
      assert.equal(error.status, 401);
      assert.equal(error.cause[0].scheme, 'basic');
      return true;
    });
  });
});
