import autocannon from 'autocannon';

/** Returns the value below which `fraction` of the sorted values lie (nearest rank). */
function percentile(sorted, fraction) {
  if (sorted.length === 0) {
    return null;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank];
}

/**
 * Sends requests with autocannon for at most `durationSeconds` and at most `maxRequests`
 * requests, whichever ends first, and measures the responses that arrive in that window.
 * `nextBody`, when given, supplies a fresh body for every request, such as a refresh token that
 * has not been used yet. Requests per second count completed responses over the window, which
 * ends at the last response when the request budget runs out first.
 */
export async function runLoad({ origin, connections, durationSeconds, maxRequests, request }) {
  const { method, path, headers = {}, body, nextBody } = request;
  const latencies = [];
  const statusCounts = {};
  let lastResponseAt = 0;
  let responsesServed = 0;

  const startedAt = performance.now();
  const deadline = startedAt + durationSeconds * 1000;
  const instance = autocannon({
    url: origin,
    connections,
    amount: maxRequests,
    timeout: 30,
    requests: [
      {
        method,
        path,
        headers,
        body,
        ...(nextBody ? { setupRequest: (requestData) => ({ ...requestData, body: nextBody() }) } : {}),
      },
    ],
  });

  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    const now = performance.now();
    responsesServed += 1;
    if (now > deadline) {
      return;
    }
    lastResponseAt = now;
    statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    latencies.push(responseTime);
  });

  // With `amount` set, autocannon ignores its own duration, so the deadline stops it here.
  const timer = setTimeout(() => instance.stop(), durationSeconds * 1000);
  const result = await instance;
  clearTimeout(timer);

  latencies.sort((a, b) => a - b);
  const windowSeconds = ((lastResponseAt || performance.now()) - startedAt) / 1000;
  return {
    requests: latencies.length,
    seconds: Number(windowSeconds.toFixed(2)),
    requestsPerSecond: latencies.length / windowSeconds,
    latencyMs: { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) },
    statusCounts,
    // Every response, including those after the window, which the CPU time also covers.
    responsesServed,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}
