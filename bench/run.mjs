#!/usr/bin/env node
// Benchmarks the plugin's token endpoint and content-API access tokens against users-permissions'
// own endpoints, in one Strapi process in production mode. See docs/benchmarks.md.
//
// Usage: npm run bench [-- --postgres | --sqlite-wal] [--profile] [--only=noop,refresh-grant] [--duration=10]
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { startStrapiChild } from './runner/child.mjs';
import { createBenchDatabase } from './runner/database.mjs';
import { createMeasurer } from './runner/measure.mjs';
import { computeRatios, evaluateTargets, formatReport } from './runner/report.mjs';
import { CLIENT_ID, SCENARIOS, USER } from './runner/scenarios.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

const { values: flags } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    'sqlite-wal': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
  },
});

if (flags.postgres && flags['sqlite-wal']) {
  throw new Error('--postgres and --sqlite-wal exclude each other.');
}
const databaseClient = flags.postgres ? 'postgres' : 'sqlite';
// Names result and profile files, so that WAL runs do not overwrite rollback-journal runs.
const databaseLabel = flags['sqlite-wal'] ? 'sqlite-wal' : databaseClient;
const durationSeconds = Number(flags.duration);
const warmupSeconds = Number(flags.warmup);
const only = flags.only ? new Set(flags.only.split(',')) : null;
if (only) {
  const unknown = [...only].filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}. Scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  }
}

const started = Date.now();
const log = (message) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

function describeMachine() {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism(),
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

/** HTTP calls the scenarios make once, to get credentials or to trace one request. */
function createSignIn(origin) {
  async function post(pathname, contentType, body) {
    const response = await fetch(`${origin}${pathname}`, { method: 'POST', headers: { 'content-type': contentType }, body });
    const json = await response.json();
    if (!response.ok) {
      throw new Error(`POST ${pathname} returned ${response.status}: ${JSON.stringify(json)}`);
    }
    return json;
  }
  const form = (parameters) => new URLSearchParams(parameters).toString();

  return {
    async accessToken() {
      const body = form({ grant_type: 'password', client_id: CLIENT_ID, username: USER.username, password: USER.password });
      return (await post('/oauth/token', 'application/x-www-form-urlencoded', body)).access_token;
    },
    async usersPermissionsJwt() {
      const body = JSON.stringify({ identifier: USER.username, password: USER.password });
      return (await post('/api/auth/local', 'application/json', body)).jwt;
    },
    async refresh(refreshToken) {
      const body = form({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken });
      await post('/oauth/token', 'application/x-www-form-urlencoded', body);
    },
  };
}

async function main() {
  log(`database ${databaseLabel}, ${durationSeconds} s per measured run after a ${warmupSeconds} s warm-up`);
  log(`load average before the run: ${os.loadavg().map((value) => value.toFixed(2)).join(', ')}`);
  const database = await createBenchDatabase(databaseClient, { sqliteJournalMode: flags['sqlite-wal'] ? 'wal' : undefined });
  let strapi;

  try {
    log('starting Strapi in production mode');
    strapi = await startStrapiChild({ databaseEnv: database.env, log });
    const origin = `http://127.0.0.1:${strapi.port}`;
    log(`Strapi listens on ${origin} (pid ${strapi.pid})`);

    const loadAverageAtStart = os.loadavg();
    const { id: userId } = await strapi.call('createUser', USER);
    const profileDir = flags.profile ? path.join(RESULTS_DIR, 'profiles') : undefined;
    const context = {
      strapi,
      userId,
      log,
      rows: {},
      signIn: createSignIn(origin),
      measurer: createMeasurer({ strapi, origin, durationSeconds, warmupSeconds, profileDir, databaseLabel, log }),
    };

    const scenarios = {};
    for (const scenario of SCENARIOS) {
      if (!only || only.has(scenario.name)) {
        Object.assign(scenarios, await scenario.run(context));
      }
    }

    const indexes = await strapi.call('listIndexes');
    const rowsAtEnd = await strapi.call('countRows');
    await strapi.stop();

    const ratios = computeRatios(scenarios);
    const targets = evaluateTargets(scenarios, ratios);
    const totalSeconds = Math.round((Date.now() - started) / 1000);
    const report = {
      database: databaseLabel,
      date: new Date().toISOString(),
      machine: describeMachine(),
      settings: { durationSeconds, warmupSeconds, profile: flags.profile },
      // Other processes take CPU from Strapi and autocannon. On a 2-core machine, a load average
      // above about 1 before the run means the absolute numbers are low and noisy.
      loadAverage: { atStart: loadAverageAtStart, atEnd: os.loadavg() },
      totalSeconds,
      seedSeconds: context.seedSeconds,
      rows: { ...context.rows, atEnd: rowsAtEnd },
      scenarios,
      ratios,
      targets,
      missingIndexes: indexes.missing,
      indexes: indexes.existing,
      queryPlans: context.queryPlans,
    };

    console.log(`\n${formatReport(report)}\n`);
    if (indexes.missing.length > 0) {
      console.log(`Declared indexes missing from the database: ${indexes.missing.map((index) => index.name).join(', ')}`);
    }
    const scans = context.queryPlans?.plans.filter((plan) => plan.scansGrowingTable) ?? [];
    for (const scan of scans) {
      console.log(`A refresh scans a growing table: ${scan.sql}\n  ${scan.plan.join('\n  ')}`);
    }

    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${databaseLabel}-${report.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), file)}; the whole run took ${totalSeconds} s`);

    const invalid = Object.entries(scenarios).filter(([, result]) => !result.valid);
    if (invalid.length > 0) {
      throw new Error(`Scenarios with unexpected responses: ${invalid.map(([name]) => name).join(', ')}`);
    }
  } finally {
    await strapi?.stop().catch(() => strapi.kill());
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
