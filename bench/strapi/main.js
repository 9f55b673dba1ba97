'use strict';

// The Strapi process of `npm run bench`. The runner (bench/run.mjs) forks it with
// NODE_ENV=production, and sends it commands over the IPC channel: issue tokens, seed rows,
// read its CPU time and memory, profile a scenario. Every HTTP request comes from the runner.
const path = require('node:path');

const { createStrapi } = require('@strapi/strapi');

const { createProfiler } = require('./profiler');
const { createQueryRecorder } = require('./query-plans');
const { seedRefreshTokenRows, countRows, listIndexes } = require('./rows');
const { issueRefreshTokens, issueSessions, createUser } = require('./tokens');
const { createUsageMeter } = require('./usage');

const APP_DIR = path.join(__dirname, '..', 'app');

async function main() {
  const strapi = await createStrapi({ appDir: APP_DIR, distDir: APP_DIR }).load();
  await strapi.listen();

  const usage = createUsageMeter();
  const profiler = createProfiler();
  const queries = createQueryRecorder(strapi);
  const progress = (message) => process.send({ type: 'progress', message });

  const commands = {
    createUser: (options) => createUser(strapi, options),
    issueRefreshTokens: (options) => issueRefreshTokens(strapi, options),
    issueSessions: (options) => issueSessions(strapi, options),
    seedRefreshTokenRows: (options) => seedRefreshTokenRows(strapi, { ...options, progress }),
    countRows: () => countRows(strapi),
    listIndexes: () => listIndexes(strapi),
    startUsage: () => usage.start(),
    readUsage: () => usage.read(),
    startProfile: () => profiler.start(),
    stopProfile: ({ file }) => profiler.stop(file),
    startRecordingQueries: () => queries.start(),
    explainRecordedQueries: () => queries.explainRecorded(),
    async stop() {
      await strapi.destroy();
      setImmediate(() => process.exit(0));
    },
  };

  process.on('message', async ({ id, command, options }) => {
    try {
      const handler = commands[command];
      if (!handler) {
        throw new Error(`unknown bench command ${command}`);
      }
      process.send({ type: 'result', id, result: await handler(options ?? {}) });
    } catch (error) {
      process.send({ type: 'result', id, error: error instanceof Error ? error.stack : String(error) });
    }
  });

  process.send({ type: 'ready', port: strapi.server.httpServer.address().port });
}

// The runner's exit closes the IPC channel; a child left behind would keep its database open.
process.on('disconnect', () => process.exit(1));

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
