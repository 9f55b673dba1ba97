#!/usr/bin/env node
// Runs the test suites once per database and prints one total line at the end.
// Usage: node scripts/test.mjs [sqlite] [postgres] [mysql]   (default: all three)
// PostgreSQL and MariaDB must be listening on 127.0.0.1:5432 and :3306 (see .ci/run).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const databases = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['sqlite', 'postgres', 'mysql'];

function testFiles(folder) {
  const directory = path.join(root, 'tests', folder);
  return readdirSync(directory)
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => path.join('tests', folder, name));
}

function summaryCount(output, name) {
  const match = output.match(new RegExp(`^# ${name} (\\d+)$`, 'm'));
  return match ? Number(match[1]) : 0;
}

/** Runs node's test runner and returns its pass and fail counts, read from the TAP summary. */
function runSuites(label, files, env) {
  console.log(`\n=== ${label}`);
  if (files.length === 0) {
    console.log('no test files');
    return { passed: 0, failed: 0, status: 0 };
  }
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', ...files], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);

  const passed = summaryCount(result.stdout, 'pass');
  let failed = summaryCount(result.stdout, 'fail') + summaryCount(result.stdout, 'cancelled');
  if (result.status !== 0 && failed === 0) {
    // The runner exited non-zero before it could count a failure, for example on a crash.
    failed = 1;
  }
  return { passed, failed, status: result.status };
}

const started = Date.now();
const totals = { passed: 0, failed: 0 };
const runs = [runSuites('unit', testFiles('unit'), {})];
for (const database of databases) {
  runs.push(runSuites(`integration on ${database}`, testFiles('integration'), { DATABASE_CLIENT: database }));
}

for (const run of runs) {
  totals.passed += run.passed;
  totals.failed += run.failed;
}
const seconds = Math.round((Date.now() - started) / 1000);
console.log(`\nAll runs (${databases.join(', ')}) took ${seconds} s.`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 || runs.some((run) => run.status !== 0) ? 1 : 0);
