'use strict';

const { mkdirSync, writeFileSync } = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

// The default sampling interval of `node --cpu-prof`, in microseconds.
const SAMPLING_INTERVAL_US = 1000;

/**
 * Records a CPU profile of this process's main thread around one measured run, with the V8
 * sampling profiler that `node --cpu-prof` uses, and writes it as a `.cpuprofile` file that
 * Chrome DevTools and `bench/profile-summary.mjs` read.
 */
function createProfiler() {
  const session = new inspector.Session();
  session.connect();

  const post = (method, parameters = {}) =>
    new Promise((resolve, reject) => {
      session.post(method, parameters, (error, result) => (error ? reject(error) : resolve(result)));
    });

  return {
    async start() {
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
      await post('Profiler.start');
    },

    async stop(file) {
      const { profile } = await post('Profiler.stop');
      await post('Profiler.disable');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      return file;
    },
  };
}

module.exports = { createProfiler };
