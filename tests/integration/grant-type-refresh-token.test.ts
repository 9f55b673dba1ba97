import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';

import { CONFIDENTIAL_CLIENT_ID, CONFIDENTIAL_CLIENT_SECRET, PUBLIC_CLIENT_ID, passwordGrant, postToken, refreshGrant } from '../helpers/oauth';
import type { TestServer } from '../helpers/strapi';
import { startStrapi } from '../helpers/strapi';
import type { TestUser } from '../helpers/users';
import { createUser, setBlocked } from '../helpers/users';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

// RFC 6749 §6 with rotation (RFC 9700 §4.14.2).
describe('grant_type=refresh_token', () => {
  let server: TestServer;
  let user: TestUser;

  before(async () => {
    server = await startStrapi('grant_refresh_token');
    user = await createUser(server.strapi);
  });

  after(async () => {
    await server?.stop();
  });

  const refreshTokens = () => server.strapi.db.query('plugin::refreshing.refresh-token' as never);

  async function login(owner: TestUser = user, scope?: string) {
    const parameters: Record<string, string> = {
      grant_type: 'password',
      client_id: PUBLIC_CLIENT_ID,
      username: owner.username,
      password: owner.password,
    };
    if (scope) {
      parameters.scope = scope;
    }
    const response = await postToken(server.http, parameters);
    assert.equal(response.status, 200);
    return response.body as { access_token: string; refresh_token: string; scope?: string };
  }

  function assertInvalidGrant(response: { status: number; body: { error?: string } }) {
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_grant');
  }

  test('returns a new pair in the same family', async () => {
    const first = await login();
    const response = await refreshGrant(server.http, first.refresh_token);

    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.body).sort(), ['access_token', 'expires_in', 'refresh_token', 'token_type']);
    assert.notEqual(response.body.refresh_token, first.refresh_token);
    assert.notEqual(response.body.access_token, first.access_token);
    assert.equal(response.headers['cache-control'], 'no-store');

    const previous = await refreshTokens().findOne({ where: { tokenHash: sha256(first.refresh_token) } });
    const next = await refreshTokens().findOne({ where: { tokenHash: sha256(response.body.refresh_token) } });
    assert.equal(next.familyId, previous.familyId);
    assert.equal(next.predecessorId, previous.id);
    assert.ok(previous.rotatedAt);
    assert.equal(new Date(next.expiresAt).getTime(), new Date(previous.expiresAt).getTime(), 'rotation keeps the family expiry');
  });

  test('replay within the reuse interval returns the same successor', async () => {
    const first = await login();
    const second = await refreshGrant(server.http, first.refresh_token);
    assert.equal(second.status, 200);

    const replay = await refreshGrant(server.http, first.refresh_token);
    assert.equal(replay.status, 200);
    assert.equal(replay.body.refresh_token, second.body.refresh_token);
    assert.notEqual(replay.body.access_token, second.body.access_token);

    for (const accessToken of [second.body.access_token, replay.body.access_token]) {
      const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${accessToken}`);
      assert.equal(me.status, 200);
    }

    const next = await refreshGrant(server.http, second.body.refresh_token);
    assert.equal(next.status, 200, 'the lineage goes on from the shared successor');
  });

  test('replay after the reuse interval revokes the family', async () => {
    const first = await login();
    const second = await refreshGrant(server.http, first.refresh_token);
    assert.equal(second.status, 200);
    await refreshTokens().update({
      where: { tokenHash: sha256(first.refresh_token) },
      data: { rotatedAt: new Date(Date.now() - 11_000) },
    });

    assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));

    assertInvalidGrant(await refreshGrant(server.http, second.body.refresh_token));
    const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${second.body.access_token}`);
    assert.equal(me.status, 401);
    assert.equal(me.headers['www-authenticate'], 'Bearer error="invalid_token"');

    const family = await server.strapi.db
      .query('plugin::refreshing.token-family' as never)
      .findOne({ where: { id: (await refreshTokens().findOne({ where: { tokenHash: sha256(first.refresh_token) } })).familyId } });
    assert.ok(family.revokedAt);
    assert.equal(family.revokedReason, 'refresh_token_reuse');
  });

  test('reuse detection emits an event with the ids', async () => {
    const first = await login();
    await refreshGrant(server.http, first.refresh_token);
    await refreshTokens().update({
      where: { tokenHash: sha256(first.refresh_token) },
      data: { rotatedAt: new Date(Date.now() - 60_000) },
    });

    const events: unknown[] = [];
    const unsubscribe = server.strapi.eventHub.on('refreshing::refresh-token.reuse-detected', (payload: unknown) => {
      events.push(payload);
    });
    try {
      assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));
    } finally {
      unsubscribe();
    }

    const stored = await refreshTokens().findOne({ where: { tokenHash: sha256(first.refresh_token) } });
    assert.deepEqual(events, [{ familyId: stored.familyId, clientId: PUBLIC_CLIENT_ID, userId: user.id }]);
  });

  test('reuse interval of 0 treats any replay as reuse', async () => {
    server.strapi.config.set('plugin::refreshing.refreshTokenReuseInterval', 0);
    try {
      const first = await login();
      const second = await refreshGrant(server.http, first.refresh_token);
      assert.equal(second.status, 200);
      await new Promise((resolve) => setTimeout(resolve, 5));

      assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));
      assertInvalidGrant(await refreshGrant(server.http, second.body.refresh_token));
    } finally {
      server.strapi.config.set('plugin::refreshing.refreshTokenReuseInterval', 10);
    }
  });

  test('idle refresh token is invalid_grant', async () => {
    const first = await login();
    await refreshTokens().update({
      where: { tokenHash: sha256(first.refresh_token) },
      data: { createdAt: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000) },
    });
    assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));
  });

  test('idle lifetime of 0 turns the idle limit off', async () => {
    server.strapi.config.set('plugin::refreshing.refreshTokenIdleLifetime', 0);
    try {
      const first = await login();
      await refreshTokens().update({
        where: { tokenHash: sha256(first.refresh_token) },
        data: { createdAt: new Date(Date.now() - 15 * 24 * 60 * 60 * 1000) },
      });
      const response = await refreshGrant(server.http, first.refresh_token);
      assert.equal(response.status, 200);
    } finally {
      server.strapi.config.set('plugin::refreshing.refreshTokenIdleLifetime', 14 * 24 * 60 * 60);
    }
  });

  test('successor is stored sealed, never in plain text', async () => {
    const first = await login();
    const second = await refreshGrant(server.http, first.refresh_token);
    const next = await refreshTokens().findOne({ where: { tokenHash: sha256(second.body.refresh_token) } });
    assert.ok(next.sealedValue);
    assert.ok(!JSON.stringify(next).includes(second.body.refresh_token));
  });

  test('successor refresh token keeps working', async () => {
    const first = await login();
    const second = await refreshGrant(server.http, first.refresh_token);
    const third = await refreshGrant(server.http, second.body.refresh_token);
    assert.equal(third.status, 200);
  });

  test('keeps the granted scope and allows narrowing', async () => {
    const first = await login(user, 'profile orders');
    const same = await refreshGrant(server.http, first.refresh_token);
    assert.equal(same.body.scope, 'profile orders');

    const narrower = await postToken(server.http, {
      grant_type: 'refresh_token',
      client_id: PUBLIC_CLIENT_ID,
      refresh_token: same.body.refresh_token,
      scope: 'profile',
    });
    assert.equal(narrower.status, 200);
    assert.equal(narrower.body.scope, 'profile');
  });

  test('wider scope is invalid_scope', async () => {
    const first = await login(user, 'profile');
    const response = await postToken(server.http, {
      grant_type: 'refresh_token',
      client_id: PUBLIC_CLIENT_ID,
      refresh_token: first.refresh_token,
      scope: 'profile orders',
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_scope');
  });

  test('missing refresh_token is invalid_request', async () => {
    const response = await postToken(server.http, { grant_type: 'refresh_token', client_id: PUBLIC_CLIENT_ID });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_request');
  });

  test('random string is invalid_grant', async () => {
    assertInvalidGrant(await refreshGrant(server.http, 'not-a-refresh-token'));
  });

  test('expired refresh token is invalid_grant', async () => {
    const first = await login();
    await refreshTokens().update({
      where: { tokenHash: sha256(first.refresh_token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));
  });

  test('revoked refresh token is invalid_grant', async () => {
    const first = await login();
    await refreshTokens().update({ where: { tokenHash: sha256(first.refresh_token) }, data: { revokedAt: new Date() } });
    assertInvalidGrant(await refreshGrant(server.http, first.refresh_token));
  });

  test("another client's refresh token is invalid_grant", async () => {
    const first = await login();
    const response = await postToken(server.http, {
      grant_type: 'refresh_token',
      client_id: CONFIDENTIAL_CLIENT_ID,
      client_secret: CONFIDENTIAL_CLIENT_SECRET,
      refresh_token: first.refresh_token,
    });
    assertInvalidGrant(response);

    const stillValid = await refreshGrant(server.http, first.refresh_token);
    assert.equal(stillValid.status, 200, "a failed attempt by another client does not spend the owner's token");
  });

  test('blocked user is invalid_grant', async () => {
    const blockedLater = await createUser(server.strapi);
    const tokens = await login(blockedLater);
    await setBlocked(server.strapi, blockedLater.id, true);
    assertInvalidGrant(await refreshGrant(server.http, tokens.refresh_token));
  });

  test('deleted user is invalid_grant', async () => {
    const deletedLater = await createUser(server.strapi);
    const tokens = await login(deletedLater);
    await server.strapi.db.query('plugin::users-permissions.user').delete({ where: { id: deletedLater.id } });
    assertInvalidGrant(await refreshGrant(server.http, tokens.refresh_token));
  });

  test('client lifetimes override the defaults', async () => {
    const login = await passwordGrant(server.http, user, 'short-lived-app');
    assert.equal(login.status, 200);
    assert.equal(login.body.expires_in, 60);

    const stored = await refreshTokens().findOne({ where: { tokenHash: sha256(login.body.refresh_token) } });
    const familyLifetime = (new Date(stored.expiresAt).getTime() - new Date(stored.createdAt).getTime()) / 1000;
    assert.ok(Math.abs(familyLifetime - 120) < 5, `family lifetime ${familyLifetime} s`);

    await refreshTokens().update({
      where: { id: stored.id },
      data: { createdAt: new Date(Date.now() - 31_000) },
    });
    assertInvalidGrant(await refreshGrant(server.http, login.body.refresh_token, 'short-lived-app'));
  });

  test('20 parallel refreshes keep one lineage', async () => {
    const first = await login();
    const responses = await Promise.all(Array.from({ length: 20 }, () => refreshGrant(server.http, first.refresh_token)));

    const statuses = responses.map((response) => response.status);
    assert.ok(statuses.every((status) => status < 500), `no 5xx, got ${statuses.join(',')}`);

    const successes = responses.filter((response) => response.status === 200);
    assert.ok(successes.length >= 1, `statuses: ${statuses.join(',')}`);
    const successors = new Set(successes.map((response) => response.body.refresh_token));
    assert.equal(successors.size, 1, 'every success returns the same successor');
    for (const failure of responses.filter((response) => response.status !== 200)) {
      assert.equal(failure.body.error, 'invalid_grant');
    }

    const stored = await refreshTokens().findOne({ where: { tokenHash: sha256(first.refresh_token) } });
    const rows = await refreshTokens().findMany({ where: { familyId: stored.familyId } });
    assert.equal(rows.length, 2, 'one login and one rotation: two refresh tokens in the family');

    const [successor] = successors;
    const next = await refreshGrant(server.http, successor);
    assert.equal(next.status, 200, 'the successor still works');
  });

  test('parallel refreshes rotate their own tokens', async () => {
    const logins = await Promise.all(Array.from({ length: 12 }, () => login()));
    const responses = await Promise.all(logins.map((pair) => refreshGrant(server.http, pair.refresh_token)));

    assert.deepEqual(
      responses.map((response) => response.status),
      logins.map(() => 200),
    );
    for (const [index, pair] of logins.entries()) {
      const previous = await refreshTokens().findOne({ where: { tokenHash: sha256(pair.refresh_token) } });
      const next = await refreshTokens().findOne({ where: { tokenHash: sha256(responses[index].body.refresh_token) } });
      assert.ok(previous.rotatedAt);
      assert.equal(next.familyId, previous.familyId, 'the new token joins the family of the one it replaces');
      assert.equal(next.predecessorId, previous.id);
    }
    const again = await Promise.all(responses.map((response) => refreshGrant(server.http, response.body.refresh_token)));
    assert.ok(again.every((response) => response.status === 200));
  });

  test('late family revocation fails one refresh', async () => {
    const logins = await Promise.all(Array.from({ length: 6 }, () => login()));
    const stored = await refreshTokens().findOne({ where: { tokenHash: sha256(logins[0].refresh_token) } });
    // The family row alone, as a revocation that commits after the refresh read the token.
    await server.strapi.db
      .query('plugin::refreshing.token-family' as never)
      .updateMany({ where: { id: stored.familyId }, data: { revokedAt: new Date(), revokedReason: 'admin_request' } });

    const responses = await Promise.all(logins.map((pair) => refreshGrant(server.http, pair.refresh_token)));

    assertInvalidGrant(responses[0]);
    assert.deepEqual(
      responses.slice(1).map((response) => response.status),
      [200, 200, 200, 200, 200],
    );
    const rows = await refreshTokens().findMany({ where: { familyId: stored.familyId } });
    assert.equal(rows.length, 1, 'nothing was added to the revoked family');
  });

  test('refreshes racing a family revocation leave nothing alive', async () => {
    const first = await login();
    const stored = await refreshTokens().findOne({ where: { tokenHash: sha256(first.refresh_token) } });
    const revocation = server.strapi.plugin('refreshing').service('revocation');

    const [responses] = await Promise.all([
      Promise.all(Array.from({ length: 10 }, () => refreshGrant(server.http, first.refresh_token))),
      new Promise((resolve) => setTimeout(resolve, 2)).then(() => revocation.revokeFamily(stored.familyId, 'admin_request')),
    ]);

    for (const response of responses) {
      assert.ok(response.status === 200 || response.status === 400, `got ${response.status}`);
    }

    const rows = await refreshTokens().findMany({ where: { familyId: stored.familyId } });
    for (const row of rows) {
      assert.ok(row.revokedAt, `refresh token ${row.id} is revoked`);
    }
    for (const response of responses.filter((candidate) => candidate.status === 200)) {
      assertInvalidGrant(await refreshGrant(server.http, response.body.refresh_token));
      const me = await server.http.get('/api/users/me').set('Authorization', `Bearer ${response.body.access_token}`);
      assert.equal(me.status, 401);
    }
  });

  test('password grant result refreshes after a restart-free config change', async () => {
    const tokens = await passwordGrant(server.http, user);
    const response = await refreshGrant(server.http, tokens.body.refresh_token);
    assert.equal(response.status, 200);
    assert.equal(response.body.expires_in, 900);
  });
});
