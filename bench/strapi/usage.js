'use strict';

// Peak memory is sampled, so a peak shorter than this interval can be missed.
const RSS_SAMPLE_INTERVAL_MS = 50;

/**
 * Measures this process's CPU time and peak resident memory over one measured run. CPU time is
 * `process.cpuUsage()`, user plus system, so it includes worker threads and SQLite, which run in
 * this process, and excludes PostgreSQL, which does not.
 */
function createUsageMeter() {
  let startCpu = process.cpuUsage();
  let peakRss = 0;
  let timer;

  function sample() {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }

  return {
    start() {
      clearInterval(timer);
      startCpu = process.cpuUsage();
      peakRss = 0;
      sample();
      timer = setInterval(sample, RSS_SAMPLE_INTERVAL_MS);
      timer.unref();
    },

    read() {
      clearInterval(timer);
      sample();
      const cpu = process.cpuUsage(startCpu);
      return { cpuMicroseconds: cpu.user + cpu.system, peakRssBytes: peakRss };
    },
  };
}

module.exports = { createUsageMeter };
