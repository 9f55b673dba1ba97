import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';

import { basicAuthorization, CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, passwordGrant, postToken } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import { createUser } from '../helpers/users';

// RFC 6749 §4.3.2: the password grant must be protected against brute force.
describe('brute-force protection', () => {
  let server: TestServer;
  let window = 0;

  before(async () => {
    server = await startStrapi('rate_limits');
  });

  after(async () => {
    await server?.stop();
  });

  beforeEach(() => {
    // A new window length per test rebuilds the limiters, so counts do not leak between tests.
    window += 1;
    server.strapi.config.set('plugin::refreshing.rateLimits', {
      passwordPerIdentifier: { points: 3, duration: 600 + window },
      passwordPerIp: { points: 100, duration: 600 + window },
      clientAuthenticationPerClient: { points: 3, duration: 600 + window },
      store: 'memory',
    });
  });

  function assertTooManyRequests(response: { status: number; headers: Record<string, string>; body: Record<string, unknown> }) {
    assert.equal(response.status, 429);
    assert.match(response.headers['retry-after'], /^[1-9]\d*$/);
    assert.ok(Number(response.headers['retry-after']) <= 900 + window, 'no longer than the longest window');
    assert.match(response.headers['content-type'], /^application\/json/);
    assert.deepEqual(Object.keys(response.body).sort(), ['error', 'error_description']);
    assert.equal(response.body.error, 'slow_down');
  }

  test('identifier is locked after failed passwords', async () => {
    const user = await createUser(server.strapi);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await passwordGrant(server.http, { username: user.username, password: 'wrong' });
      assert.equal(response.status, 400, `attempt ${attempt + 1}`);
    }

    assertTooManyRequests(await passwordGrant(server.http, user));
  });

  test('identifier lock ignores letter case', async () => {
    const user = await createUser(server.strapi);
    for (const username of [user.email, user.email.toUpperCase(), user.email]) {
      await passwordGrant(server.http, { username, password: 'wrong' });
    }
    assertTooManyRequests(await passwordGrant(server.http, { username: user.email.toUpperCase(), password: user.password }));
  });

  test('success resets the identifier count', async () => {
    const user = await createUser(server.strapi);
    await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    assert.equal((await passwordGrant(server.http, user)).status, 200);

    await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    assert.equal((await passwordGrant(server.http, user)).status, 200);
  });

  test('IP address is locked after failures across users', async () => {
    const limits = server.strapi.config.get('plugin::refreshing.rateLimits') as Record<string, unknown>;
    server.strapi.config.set('plugin::refreshing.rateLimits', { ...limits, passwordPerIp: { points: 4, duration: 900 + window } });

    for (let attempt = 0; attempt < 4; attempt += 1) {
      const response = await passwordGrant(server.http, { username: `nobody-${attempt}`, password: 'wrong' });
      assert.equal(response.status, 400);
    }
    const user = await createUser(server.strapi);
    assertTooManyRequests(await passwordGrant(server.http, user));
  });

  test('client is locked after failed authentications', async () => {
    const user = await createUser(server.strapi);
    const parameters = { grant_type: 'password', username: user.username, password: user.password };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const response = await postToken(server.http, parameters, { Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, 'wrong') });
      assert.equal(response.status, 401);
    }

    const locked = await postToken(server.http, parameters, {
      Authorization: basicAuthorization(CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET),
    });
    assertTooManyRequests(locked);
  });

  test('a locked identifier stores no tokens', async () => {
    const user = await createUser(server.strapi);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await passwordGrant(server.http, { username: user.username, password: 'wrong' });
    }
    const before = await server.strapi.db.query('plugin::refreshing.token-family' as never).count({ where: { userId: user.id } });
    await passwordGrant(server.http, user);
    const after = await server.strapi.db.query('plugin::refreshing.token-family' as never).count({ where: { userId: user.id } });
    assert.equal(after, before);
  });
});
