// Ratios, targets and the printed table of one bench run.

/** Ratios between scenarios of the same run: each is `numerator` throughput over `denominator`. */
const RATIOS = [
  { name: 'refresh grant / noop', numerator: 'refresh-grant', denominator: 'noop' },
  { name: 'users-permissions refresh / noop', numerator: 'users-permissions-refresh', denominator: 'noop' },
  { name: 'refresh grant / users-permissions refresh', numerator: 'refresh-grant', denominator: 'users-permissions-refresh' },
  { name: 'password grant / users-permissions login', numerator: 'password-grant', denominator: 'users-permissions-login' },
  {
    name: 'users/me with access token / with users-permissions JWT',
    numerator: 'users-me-access-token',
    denominator: 'users-me-users-permissions-jwt',
  },
  { name: 'refresh grant at 1,000,000 rows / at 1,000 rows', numerator: 'refresh-grant-1m-rows', denominator: 'refresh-grant' },
  { name: 'noop at the end / at the start', numerator: 'noop-again', denominator: 'noop' },
];

/** The targets of docs/benchmarks.md, each read from a ratio or a latency. */
const TARGETS = [
  { name: 'refresh grant at least 0.25 of noop', ratio: 'refresh grant / noop', minimum: 0.25 },
  { name: 'refresh grant at 1,000,000 rows keeps at least 0.8', ratio: 'refresh grant at 1,000,000 rows / at 1,000 rows', minimum: 0.8 },
  { name: 'users/me with access token at least 1.0 of JWT', ratio: 'users/me with access token / with users-permissions JWT', minimum: 1.0 },
  { name: 'password grant at least 1.5 of users-permissions login', ratio: 'password grant / users-permissions login', minimum: 1.5 },
  { name: 'password grant never below 0.9 of users-permissions login', ratio: 'password grant / users-permissions login', minimum: 0.9 },
  { name: 'refresh grant p99 at 50 connections under 250 ms', scenario: 'refresh-grant-50-connections', maximumP99Ms: 250 },
];

export function computeRatios(scenarios) {
  const ratios = {};
  for (const { name, numerator, denominator } of RATIOS) {
    const top = scenarios[numerator];
    const bottom = scenarios[denominator];
    if (top && bottom && top.valid && bottom.valid) {
      ratios[name] = Number((top.requestsPerSecond / bottom.requestsPerSecond).toFixed(3));
    }
  }
  return ratios;
}

export function evaluateTargets(scenarios, ratios) {
  return TARGETS.flatMap((target) => {
    if (target.ratio) {
      const value = ratios[target.ratio];
      return value === undefined ? [] : [{ name: target.name, value, met: value >= target.minimum }];
    }
    const scenario = scenarios[target.scenario];
    if (!scenario || !scenario.valid) {
      return [];
    }
    const value = scenario.latencyMs.p99;
    return [{ name: target.name, value, met: value < target.maximumP99Ms }];
  });
}

function formatTable(header, rows) {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => cells.map((cell, column) => String(cell).padStart(widths[column])).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** Formats the scenarios, ratios and targets of a run as plain-text tables. */
export function formatReport({ scenarios, ratios, targets }) {
  const scenarioRows = Object.entries(scenarios).map(([name, result]) => [
    name,
    result.requestsPerSecond.toFixed(1),
    result.latencyMs.p50 ?? '-',
    result.latencyMs.p99 ?? '-',
    result.cpuMsPerRequest.toFixed(2),
    result.peakRssMiB.toFixed(0),
    result.valid ? '' : 'INVALID',
  ]);
  const sections = [
    formatTable(['scenario', 'requests/s', 'p50 ms', 'p99 ms', 'CPU ms/request', 'peak RSS MiB', ''], scenarioRows),
    formatTable(['ratio', 'value'], Object.entries(ratios)),
    formatTable(['target', 'value', 'met'], targets.map((target) => [target.name, target.value, target.met ? 'yes' : 'NO'])),
  ];
  return sections.join('\n\n');
}
