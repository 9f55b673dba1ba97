import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { readClientCredentials } from '../../server/src/oauth/client-credentials';
import { OAuthError } from '../../server/src/oauth/errors';

const basic = (raw: string) => `Basic ${Buffer.from(raw).toString('base64')}`;

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof OAuthError ? error.code : 'not an OAuthError';
  }
  return undefined;
}

// RFC 6749 §2.3.1: client id and secret in HTTP Basic are form-url-encoded before base64.
describe('readClientCredentials', () => {
  test('decodes form-url-encoded Basic credentials', () => {
    const credentials = readClientCredentials(basic('my+app:a%2Bb%2Fc%25d'), {});
    assert.deepEqual(credentials, { clientId: 'my app', clientSecret: 'a+b/c%d', method: 'client_secret_basic' });
  });

  test('keeps colons after the first in the secret', () => {
    const credentials = readClientCredentials(basic('app:a%3Ab:c'), {});
    assert.equal(credentials.clientSecret, 'a:b:c');
  });

  test('treats an empty Basic secret as none', () => {
    const credentials = readClientCredentials(basic('app:'), {});
    assert.equal(credentials.clientSecret, undefined);
  });

  test('invalid percent escape is invalid_client', () => {
    assert.equal(errorCode(() => readClientCredentials(basic('app:50%zz'), {})), 'invalid_client');
  });

  test('Basic without colon is invalid_client', () => {
    assert.equal(errorCode(() => readClientCredentials(basic('app'), {})), 'invalid_client');
  });

  test('non-base64 Basic value is invalid_client', () => {
    assert.equal(errorCode(() => readClientCredentials('Basic ***', {})), 'invalid_client');
  });

  test('Basic with client_secret in the body is invalid_request', () => {
    assert.equal(errorCode(() => readClientCredentials(basic('app:secret'), { client_secret: 'secret' })), 'invalid_request');
  });

  test('body credentials are client_secret_post', () => {
    const credentials = readClientCredentials(undefined, { client_id: 'app', client_secret: 's' });
    assert.deepEqual(credentials, { clientId: 'app', clientSecret: 's', method: 'client_secret_post' });
  });

  test('client_id alone is method none', () => {
    assert.deepEqual(readClientCredentials(undefined, { client_id: 'app' }), {
      clientId: 'app',
      clientSecret: undefined,
      method: 'none',
    });
  });
});
