import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

const APP_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'app');
const POSTGRES = { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' };

async function runAdminQuery(sql) {
  const admin = new pg.Client(POSTGRES);
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/**
 * Creates an empty database for one bench run and returns the environment that points the bench
 * app at it, with a function that drops it. SQLite gets a file under bench/app/.tmp, in the
 * journal mode `sqliteJournalMode` when given.
 */
export async function createBenchDatabase(client, { sqliteJournalMode } = {}) {
  const name = `refreshing_bench_${process.pid}`;

  if (client === 'sqlite') {
    const filename = path.join(APP_DIR, '.tmp', `${name}.db`);
    const removeFiles = () => {
      for (const suffix of ['', '-journal', '-wal', '-shm']) {
        rmSync(`${filename}${suffix}`, { force: true });
      }
    };
    removeFiles();
    const env = { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: filename };
    if (sqliteJournalMode) {
      env.BENCH_SQLITE_JOURNAL_MODE = sqliteJournalMode;
    }
    return { env, drop: async () => removeFiles() };
  }

  await runAdminQuery(`DROP DATABASE IF EXISTS "${name}"`);
  await runAdminQuery(`CREATE DATABASE "${name}"`);
  return {
    env: { DATABASE_CLIENT: 'postgres', DATABASE_NAME: name },
    drop: () => runAdminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
