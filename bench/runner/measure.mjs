import path from 'node:path';

import { runLoad } from './load.mjs';

/**
 * Measures scenarios against one running Strapi child: a warm-up run, then a measured run
 * bracketed by the child's CPU and memory readings and, with `profileDir`, a CPU profile.
 */
export function createMeasurer({ strapi, origin, durationSeconds, warmupSeconds, profileDir, databaseLabel, log }) {
  /** Runs the measured load and adds the child's CPU time per request and peak memory. */
  async function measuredRun(name, options) {
    if (profileDir) {
      await strapi.call('startProfile');
    }
    await strapi.call('startUsage');
    const load = await runLoad({ origin, durationSeconds, ...options });
    const usage = await strapi.call('readUsage');
    let profile;
    if (profileDir) {
      profile = await strapi.call('stopProfile', { file: path.join(profileDir, `${databaseLabel}-${name}.cpuprofile`) });
    }

    const expected = String(options.expectedStatus);
    const unexpected = Object.entries(load.statusCounts).filter(([status]) => status !== expected);
    const result = {
      connections: options.connections,
      ...load,
      cpuMsPerRequest: usage.cpuMicroseconds / 1000 / Math.max(1, load.responsesServed),
      peakRssMiB: usage.peakRssBytes / 1024 / 1024,
      valid: unexpected.length === 0 && load.errors === 0 && load.requests > 0,
      ...(profile ? { profile: path.relative(process.cwd(), profile) } : {}),
    };
    log(
      `${name}: ${result.requestsPerSecond.toFixed(1)} requests/s, p50 ${result.latencyMs.p50} ms, ` +
        `p99 ${result.latencyMs.p99} ms, ${result.requests} requests in ${result.seconds} s` +
        (result.valid ? '' : `, INVALID: statuses ${JSON.stringify(load.statusCounts)}, ${load.errors} errors`),
    );
    return result;
  }

  return {
    /** Measures a request that can be sent any number of times. */
    async measure(name, { connections, maxRequests, request, expectedStatus }) {
      log(`${name}: warming up for ${warmupSeconds} s`);
      await runLoad({ origin, connections, durationSeconds: warmupSeconds, maxRequests, request });
      return measuredRun(name, { connections, maxRequests, request, expectedStatus });
    },

    /**
     * Measures a request that consumes a one-use credential, such as a refresh token. `issue`
     * prepares credentials; `buildRequest(nextCredential)` makes the request. The warm-up run
     * estimates the rate, so that the measured run gets enough credentials for its duration
     * without preparing many more than it uses.
     */
    async measureOneUse(name, { connections, warmupCredentials, maxCredentials, issue, buildRequest, expectedStatus }) {
      const feed = (credentials) => {
        let next = 0;
        return () => credentials[next++];
      };

      log(`${name}: preparing ${warmupCredentials} credentials and warming up for ${warmupSeconds} s`);
      const warmupSet = await issue(warmupCredentials);
      const warmup = await runLoad({
        origin,
        connections,
        durationSeconds: warmupSeconds,
        maxRequests: warmupSet.length,
        request: buildRequest(feed(warmupSet)),
      });

      // Two and a half times what the warm-up rate needs, and never fewer than the warm-up had.
      // The measured run can be much faster than a warm-up that a busy machine slowed down, and
      // running out of credentials would cut it short.
      const needed = Math.ceil(warmup.requestsPerSecond * durationSeconds * 2.5) + connections * 2;
      const count = Math.min(maxCredentials, Math.max(warmupCredentials, needed));
      log(`${name}: preparing ${count} credentials for the measured run`);
      const credentials = await issue(count);
      const result = await measuredRun(name, {
        connections,
        maxRequests: credentials.length,
        request: buildRequest(feed(credentials)),
        expectedStatus,
      });
      return { ...result, credentialsPrepared: credentials.length };
    },
  };
}
