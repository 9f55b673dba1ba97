import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import config from '../../server/src/config';

const validate = (overrides: Record<string, unknown>) => config.validator({ ...config.default, ...overrides });

describe('plugin config validator', () => {
  test('accepts the defaults', () => {
    assert.doesNotThrow(() => validate({}));
  });

  test('accepts a public and a confidential client', () => {
    assert.doesNotThrow(() =>
      validate({
        clients: [
          { clientId: 'mobile', name: 'Mobile', grants: ['password', 'refresh_token'] },
          { clientId: 'server', name: 'Server', clientSecret: 'secret', grants: ['password'], accessTokenLifetime: 60 },
        ],
      }),
    );
  });

  test('names an unknown key', () => {
    assert.throws(() => validate({ accessTokenLifeTime: 10 }), /accessTokenLifeTime/);
  });

  test('names a lifetime that is not a positive integer', () => {
    assert.throws(() => validate({ accessTokenLifetime: 0 }), /refreshing\.config\.accessTokenLifetime/);
    assert.throws(() => validate({ refreshTokenLifetime: '3600' }), /refreshing\.config\.refreshTokenLifetime/);
  });

  test('names an unsupported grant type', () => {
    assert.throws(
      () => validate({ clients: [{ clientId: 'a', name: 'A', grants: ['implicit'] }] }),
      /refreshing\.config\.clients\.0\.grants\.0/,
    );
  });

  test('rejects a secret longer than 72 bytes', () => {
    const longSecret = 'é'.repeat(37);
    assert.throws(
      () => validate({ clients: [{ clientId: 'a', name: 'A', clientSecret: longSecret, grants: ['password'] }] }),
      /clients\.0\.clientSecret: must be at most 72 bytes/,
    );
  });

  test('rejects a present but empty secret', () => {
    for (const clientSecret of [undefined, null, '']) {
      assert.throws(
        () => validate({ clients: [{ clientId: 'a', name: 'A', clientSecret, grants: ['password'] }] }),
        /clients\.0\.clientSecret is empty/,
        `clientSecret ${JSON.stringify(clientSecret)}`,
      );
    }
  });

  test('issuer must be https without query or fragment', () => {
    assert.doesNotThrow(() => validate({ issuer: 'https://cms.example.com' }));
    assert.doesNotThrow(() => validate({ issuer: 'http://127.0.0.1:1337' }));
    assert.doesNotThrow(() => validate({ issuer: 'http://localhost:1337' }));
    for (const issuer of ['http://cms.example.com', 'https://cms.example.com/?tenant=a', 'https://cms.example.com/#x', 'cms']) {
      assert.throws(() => validate({ issuer }), /refreshing\.config\.issuer/, issuer);
    }
  });

  test('rejects duplicate client ids', () => {
    assert.throws(
      () =>
        validate({
          clients: [
            { clientId: 'a', name: 'A', grants: [] },
            { clientId: 'a', name: 'B', grants: [] },
          ],
        }),
      /clients\.1\.clientId: duplicate clientId "a"/,
    );
  });

  test('rejects a client without grants list', () => {
    assert.throws(() => validate({ clients: [{ clientId: 'a', name: 'A' }] }), /clients\.0\.grants/);
  });
});
