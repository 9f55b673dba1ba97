'use strict';

const { createHash, randomBytes } = require('node:crypto');

// Token values and their stored hashes as the plugin makes them: 256 random bits, base64url,
// and the SHA-256 of that text, base64url.
const newTokenValue = () => randomBytes(32).toString('base64url');
const hashTokenValue = (value) => createHash('sha256').update(value, 'utf8').digest('base64url');

// Sessions opened per database transaction. Stock SQLite syncs the disk at every commit, about
// 10 ms on the machine of docs/benchmarks.md, so a commit per session would take minutes.
const SESSIONS_PER_TRANSACTION = 500;

/** Runs `task()` `count` times, in transactions of SESSIONS_PER_TRANSACTION, and returns the results. */
async function runInTransactions(strapi, count, task) {
  const results = [];
  while (results.length < count) {
    const size = Math.min(SESSIONS_PER_TRANSACTION, count - results.length);
    await strapi.db.transaction(async () => {
      for (let index = 0; index < size; index += 1) {
        results.push(await task());
      }
    });
  }
  return results;
}

/** Creates a confirmed users-permissions user with the authenticated role, as sign-up does. */
async function createUser(strapi, { username, email, password }) {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const user = await strapi.plugin('users-permissions').service('user').add({
    username,
    email,
    password,
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
  });
  return { id: user.id };
}

/**
 * Stores `count` logins as the plugin's token service stores a password grant: a token family
 * with one refresh token and one access token, each token kept as the SHA-256 hash of its value.
 * Returns the refresh token values. Bulk inserts make thousands take about a second, where the
 * HTTP password grant, bcrypt included, would take minutes.
 */
async function issueRefreshTokens(strapi, { count, userId, clientId }) {
  const settings = strapi.config.get('plugin::refreshing');
  const now = new Date();
  const login = { userId, clientId, scope: null, userAgent: 'refreshing-bench', ip: '127.0.0.1' };
  const refreshTokenExpiresAt = new Date(now.getTime() + settings.refreshTokenLifetime * 1000);
  const accessTokenExpiresAt = new Date(now.getTime() + settings.accessTokenLifetime * 1000);
  const refreshTokens = Array.from({ length: count }, newTokenValue);

  const families = await strapi.db.query('plugin::refreshing.token-family').createMany({
    data: refreshTokens.map(() => ({ ...login, expiresAt: refreshTokenExpiresAt, lastUsedAt: now })),
  });
  await strapi.db.query('plugin::refreshing.refresh-token').createMany({
    data: refreshTokens.map((value, index) => ({
      ...login,
      tokenHash: hashTokenValue(value),
      familyId: families.ids[index],
      expiresAt: refreshTokenExpiresAt,
    })),
  });
  await strapi.db.query('plugin::refreshing.access-token').createMany({
    data: families.ids.map((familyId) => ({
      tokenHash: hashTokenValue(newTokenValue()),
      familyId,
      userId,
      clientId,
      scope: null,
      expiresAt: accessTokenExpiresAt,
    })),
  });
  return refreshTokens;
}

/**
 * Opens `count` users-permissions sessions in refresh mode, as `POST /api/auth/local` does, and
 * returns their refresh tokens for `POST /api/auth/refresh`.
 */
async function issueSessions(strapi, { count, userId }) {
  const sessions = strapi.sessionManager('users-permissions');
  return runInTransactions(strapi, count, async () => {
    const session = await sessions.generateRefreshToken(String(userId), undefined, { type: 'refresh' });
    return session.token;
  });
}

module.exports = { createUser, issueRefreshTokens, issueSessions };
