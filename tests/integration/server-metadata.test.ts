import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { SUPPORTED_GRANT_TYPES } from '../../server/src/oauth/grant-types';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';

const METADATA_PATH = '/.well-known/oauth-authorization-server';

/** Builds the whole metadata document the server is expected to publish for an issuer. */
function expectedMetadata(issuer: string) {
  return {
    issuer,
    token_endpoint: `${issuer}/oauth/token`,
    revocation_endpoint: `${issuer}/oauth/revoke`,
    introspection_endpoint: `${issuer}/oauth/introspect`,
    grant_types_supported: ['password', 'refresh_token'],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    introspection_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  };
}

// RFC 8414: authorization server metadata.
describe('GET /.well-known/oauth-authorization-server', () => {
  let server: TestServer;

  before(async () => {
    server = await startStrapi('server_metadata');
  });

  after(async () => {
    await server?.stop();
  });

  /** Runs `action` with a config value changed, then puts the old value back. */
  async function withConfig(path: string, value: unknown, action: () => Promise<void>) {
    const previous = server.strapi.config.get(path);
    server.strapi.config.set(path, value);
    try {
      await action();
    } finally {
      server.strapi.config.set(path, previous);
    }
  }

  test("issuer defaults to Strapi's absolute URL", async () => {
    // The test app's server.url is http://127.0.0.1.
    assert.equal(server.strapi.config.get('server.absoluteUrl'), 'http://127.0.0.1');

    const response = await server.http.get(METADATA_PATH);
    assert.equal(response.status, 200);
    assert.match(response.headers['content-type'], /^application\/json/);
    assert.deepEqual(response.body, expectedMetadata('http://127.0.0.1'));
  });

  test('configured issuer is read per request', async () => {
    await withConfig('plugin::refreshing.issuer', 'https://auth.example.com', async () => {
      const response = await server.http.get(METADATA_PATH);
      assert.equal(response.status, 200);
      assert.match(response.headers['content-type'], /^application\/json/);
      assert.deepEqual(response.body, expectedMetadata('https://auth.example.com'));
    });
  });

  test('configured issuer with a path keeps the path', async () => {
    await withConfig('plugin::refreshing.issuer', 'https://example.com/cms', async () => {
      const response = await server.http.get(METADATA_PATH);
      assert.deepEqual(response.body, expectedMetadata('https://example.com/cms'));
    });
  });

  test('trailing slash of the configured issuer is removed', async () => {
    await withConfig('plugin::refreshing.issuer', 'https://auth.example.com/', async () => {
      const response = await server.http.get(METADATA_PATH);
      assert.deepEqual(response.body, expectedMetadata('https://auth.example.com'));
    });
  });

  test('trailing slash of the absolute URL is removed', async () => {
    await withConfig('server.absoluteUrl', 'https://cms.example.com/', async () => {
      const response = await server.http.get(METADATA_PATH);
      assert.deepEqual(response.body, expectedMetadata('https://cms.example.com'));
    });
  });

  test('grant types match the token endpoint', async () => {
    const response = await server.http.get(METADATA_PATH);
    assert.deepEqual(response.body.grant_types_supported, [...SUPPORTED_GRANT_TYPES]);
  });

  test('every published endpoint is routed', async () => {
    const response = await server.http.get(METADATA_PATH);
    for (const member of ['token_endpoint', 'revocation_endpoint', 'introspection_endpoint']) {
      const path = new URL(response.body[member]).pathname;
      const endpoint = await server.http.post(path).type('form').send({});
      // An empty form reaches the endpoint's own checks: an RFC 6749 §5.2 error, not a 404.
      assert.ok(endpoint.status === 400 || endpoint.status === 401, `${member} ${path}: ${endpoint.status}`);
      assert.equal(typeof endpoint.body.error, 'string', `${member} ${path}`);
    }
  });

  test('needs no authentication', async () => {
    const response = await server.http.get(METADATA_PATH).set('Authorization', 'Bearer not-a-token');
    assert.equal(response.status, 200);
    assert.equal(response.body.issuer, 'http://127.0.0.1');
  });
});
