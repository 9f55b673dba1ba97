import { rmSync } from 'node:fs';
import path from 'node:path';

import { createStrapi } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import mysql from 'mysql2/promise';
import pg from 'pg';
import supertest from 'supertest';

const APP_DIR = path.resolve(__dirname, '../app');

export type DatabaseClient = 'sqlite' | 'postgres' | 'mysql';

export interface TestServer {
  strapi: Core.Strapi;
  http: supertest.Agent;
  databaseClient: DatabaseClient;
  stop(): Promise<void>;
}

export function databaseClient(): DatabaseClient {
  const client = process.env.DATABASE_CLIENT ?? 'sqlite';
  if (client !== 'sqlite' && client !== 'postgres' && client !== 'mysql') {
    throw new Error(`DATABASE_CLIENT must be sqlite, postgres or mysql, not ${client}`);
  }
  return client;
}

/** Creates an empty database for one suite and returns a function that drops it. */
async function createDatabase(client: DatabaseClient, name: string): Promise<() => Promise<void>> {
  if (client === 'sqlite') {
    const filename = path.join(APP_DIR, '.tmp', `${name}.db`);
    process.env.DATABASE_FILENAME = filename;
    return async () => rmSync(filename, { force: true });
  }

  process.env.DATABASE_NAME = name;

  if (client === 'postgres') {
    const admin = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    return async () => {
      const dropper = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'postgres' });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    };
  }

  const connection = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  return async () => {
    const dropper = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', password: '' });
    await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await dropper.end();
  };
}

/**
 * Boots the test app headless on a fresh database named after the suite, mounts its HTTP server
 * and returns a supertest agent for it. The database is dropped by `stop()`.
 */
export async function startStrapi(suite: string): Promise<TestServer> {
  const client = databaseClient();
  process.env.DATABASE_CLIENT = client;

  const name = `refreshing_${suite.replace(/[^a-z0-9]+/gi, '_')}_${process.pid}`.toLowerCase();
  const dropDatabase = await createDatabase(client, name);

  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  strapi.server.mount();

  return {
    strapi,
    http: supertest.agent(strapi.server.httpServer),
    databaseClient: client,
    async stop() {
      await strapi.destroy();
      await dropDatabase();
    },
  };
}
