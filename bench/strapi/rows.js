'use strict';

const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const CONTENT_TYPES_DIR = path.join(__dirname, '..', '..', 'server', 'src', 'content-types');

const TABLES = {
  refreshTokens: 'refreshing_refresh_tokens',
  accessTokens: 'refreshing_access_tokens',
  tokenFamilies: 'refreshing_token_families',
  sessions: 'strapi_sessions',
};

// Rows per INSERT ... SELECT statement, so that progress shows and no statement runs for long.
const SEED_CHUNK_ROWS = 100_000;

// Negative: KiB rather than pages, in SQLite's PRAGMA cache_size.
const SEED_SQLITE_CACHE_KIB = -256 * 1024;

// Filler families rotate this many times, so most filler refresh tokens are retired ones, as in
// a table that has served logins for a while.
const ROTATIONS_PER_FAMILY = 10;

const isPostgres = (strapi) => strapi.db.dialect.client === 'postgres';

async function countTable(knex, table) {
  const [row] = await knex(table).count({ count: '*' });
  return Number(row.count);
}

/** Counts the rows of the plugin's token tables and of users-permissions' sessions. */
async function countRows(strapi) {
  const knex = strapi.db.connection;
  const counts = {};
  for (const [name, table] of Object.entries(TABLES)) {
    counts[name] = await countTable(knex, table);
  }
  return counts;
}

/** Inserts `count` filler token families and returns the id of the first. */
async function insertFillerFamilies(strapi, count, { userId, clientId, now, expiresAt }) {
  const knex = strapi.db.connection;
  const [{ maxId }] = await knex(TABLES.tokenFamilies).max({ maxId: 'id' });

  if (isPostgres(strapi)) {
    await knex.raw(
      `INSERT INTO ${TABLES.tokenFamilies}
         (document_id, user_id, client_id, expires_at, last_used_at, created_at, updated_at, published_at, user_agent, ip)
       SELECT substr(md5(random()::text), 1, 24), ?, ?, ?, ?, ?, ?, ?, 'refreshing-bench filler', '127.0.0.1'
       FROM generate_series(1, ?)`,
      [userId, clientId, expiresAt, now, now, now, now, count],
    );
  } else {
    // Strapi stores SQLite datetimes as milliseconds since the epoch.
    await knex.raw(
      `WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < ?)
       INSERT INTO ${TABLES.tokenFamilies}
         (document_id, user_id, client_id, expires_at, last_used_at, created_at, updated_at, published_at, user_agent, ip)
       SELECT lower(hex(randomblob(12))), ?, ?, ?, ?, ?, ?, ?, 'refreshing-bench filler', '127.0.0.1'
       FROM seq`,
      [count, userId, clientId, expiresAt.getTime(), now.getTime(), now.getTime(), now.getTime(), now.getTime()],
    );
  }

  // A single INSERT ... SELECT with no concurrent writer takes consecutive ids.
  return Number(maxId ?? 0) + 1;
}

/**
 * Inserts `count` filler refresh tokens, ROTATIONS_PER_FAMILY to a family starting at
 * `firstFamilyId`. Their hashes are random 43-character strings, the length of a real hash, so
 * the unique index has the size and key spread that real tokens give it. No token value hashes
 * to them, so they never match a lookup.
 */
async function insertFillerRefreshTokens(strapi, count, firstFamilyId, { userId, clientId, now, expiresAt }) {
  const knex = strapi.db.connection;

  if (isPostgres(strapi)) {
    await knex.raw(
      `INSERT INTO ${TABLES.refreshTokens}
         (document_id, token_hash, family_id, user_id, client_id, expires_at, last_used_at, rotated_at,
          created_at, updated_at, published_at, user_agent, ip)
       SELECT substr(md5(random()::text), 1, 24),
              substr(encode(sha256(random()::text::bytea), 'base64'), 1, 43),
              ?::integer + n / ${ROTATIONS_PER_FAMILY}, ?, ?, ?, ?,
              CASE WHEN n % ${ROTATIONS_PER_FAMILY} < ${ROTATIONS_PER_FAMILY - 1} THEN ?::timestamp END,
              ?, ?, ?, 'refreshing-bench filler', '127.0.0.1'
       FROM generate_series(0, ? - 1) AS n`,
      [firstFamilyId, userId, clientId, expiresAt, now, now, now, now, now, count],
    );
    return;
  }

  const ms = now.getTime();
  await knex.raw(
    `WITH RECURSIVE seq(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM seq WHERE n < ? - 1)
     INSERT INTO ${TABLES.refreshTokens}
       (document_id, token_hash, family_id, user_id, client_id, expires_at, last_used_at, rotated_at,
        created_at, updated_at, published_at, user_agent, ip)
     SELECT lower(hex(randomblob(12))), substr(hex(randomblob(22)), 1, 43),
            ? + n / ${ROTATIONS_PER_FAMILY}, ?, ?, ?, ?,
            CASE WHEN n % ${ROTATIONS_PER_FAMILY} < ${ROTATIONS_PER_FAMILY - 1} THEN ? END,
            ?, ?, ?, 'refreshing-bench filler', '127.0.0.1'
     FROM seq`,
    [count, firstFamilyId, userId, clientId, expiresAt.getTime(), ms, ms, ms, ms, ms],
  );
}

/**
 * Gives SQLite's page cache room for the whole index while seeding, because random keys make
 * every insert touch a different page. Returns a function that restores Strapi's cache size, so
 * that the measured runs use the default.
 */
async function enlargeSqliteCache(knex) {
  const [{ cache_size: original }] = await knex.raw('PRAGMA cache_size');
  await knex.raw(`PRAGMA cache_size = ${SEED_SQLITE_CACHE_KIB}`);
  return () => knex.raw(`PRAGMA cache_size = ${Number(original)}`);
}

/**
 * Fills the refresh-token table up to `total` rows with bulk INSERT ... SELECT statements, with
 * their token families, straight into the database and not through HTTP. Returns the row counts.
 */
async function seedRefreshTokenRows(strapi, { total, userId, clientId, progress }) {
  const knex = strapi.db.connection;
  const existing = await countTable(knex, TABLES.refreshTokens);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000);
  const fields = { userId, clientId, now, expiresAt };

  let inserted = 0;
  const missing = Math.max(0, total - existing);
  const restoreCache = isPostgres(strapi) ? async () => {} : await enlargeSqliteCache(knex);
  try {
    while (inserted < missing) {
      const rows = Math.min(SEED_CHUNK_ROWS, missing - inserted);
      const firstFamilyId = await insertFillerFamilies(strapi, Math.ceil(rows / ROTATIONS_PER_FAMILY), fields);
      await insertFillerRefreshTokens(strapi, rows, firstFamilyId, fields);
      inserted += rows;
      if (missing > SEED_CHUNK_ROWS) {
        progress(`seeded ${existing + inserted} of ${total} refresh-token rows`);
      }
    }
  } finally {
    await restoreCache();
  }

  if (isPostgres(strapi) && inserted > 0) {
    // Fresh planner statistics, as autovacuum would have after the table grew in production.
    await knex.raw(`ANALYZE ${TABLES.tokenFamilies}, ${TABLES.refreshTokens}`);
  }
  return countRows(strapi);
}

/** Reads the indexes declared in the plugin's content-type schemas. */
function declaredIndexes() {
  return readdirSync(CONTENT_TYPES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => {
      const schema = JSON.parse(readFileSync(path.join(CONTENT_TYPES_DIR, entry.name, 'schema.json'), 'utf8'));
      return (schema.indexes ?? []).map((index) => ({ table: schema.collectionName, ...index }));
    });
}

/**
 * Lists the indexes that exist in the database on the plugin's tables and the sessions table,
 * and which of the indexes declared in the content-type schemas are missing.
 */
async function listIndexes(strapi) {
  const knex = strapi.db.connection;
  const declared = declaredIndexes();
  const tables = [...new Set([...declared.map((index) => index.table), TABLES.sessions])];

  const existing = isPostgres(strapi)
    ? (await knex.raw('SELECT tablename AS "table", indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = ANY(?)', [tables])).rows
    : await knex('sqlite_master')
        .select({ table: 'tbl_name', name: 'name', definition: 'sql' })
        .where({ type: 'index' })
        .whereIn('tbl_name', tables);

  const missing = declared.filter((index) => !existing.some((row) => row.table === index.table && row.name === index.name));
  return { declared, existing, missing };
}

module.exports = { countRows, seedRefreshTokenRows, listIndexes };
