#!/usr/bin/env node
// Summarizes a V8 CPU profile (.cpuprofile, as written by `node --cpu-prof` or `npm run bench --
// --profile`): where the main thread spent its samples, by package and by function.
//
// Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top=25] [--callers=TEXT]
// --callers lists the call stacks that lead to functions or packages whose name contains TEXT.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '25' }, callers: { type: 'string' } },
});
if (positionals.length !== 1) {
  console.error('Usage: node bench/profile-summary.mjs FILE.cpuprofile [--top=25] [--callers=TEXT]');
  process.exit(2);
}

const profile = JSON.parse(readFileSync(positionals[0], 'utf8'));
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) {
  for (const child of node.children ?? []) {
    parents.set(child, node.id);
  }
}

// Self time per node: each sample stands for the interval until the next one.
const selfMicroseconds = new Map();
profile.samples.forEach((nodeId, index) => {
  const delta = profile.timeDeltas[index + 1] ?? 0;
  selfMicroseconds.set(nodeId, (selfMicroseconds.get(nodeId) ?? 0) + delta);
});
const totalMicroseconds = [...selfMicroseconds.values()].reduce((sum, value) => sum + value, 0);

/** Names the code a frame belongs to: a package, the plugin, Node's internals or V8's own. */
function packageOf(url, functionName) {
  if (!url) {
    return functionName.startsWith('(') ? functionName : '(native code)';
  }
  if (url.startsWith('node:')) {
    return 'node internals';
  }
  const nodeModules = url.lastIndexOf('node_modules/');
  if (nodeModules >= 0) {
    const parts = url.slice(nodeModules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (url.includes('/dist/server/')) {
    return 'strapi-plugin-refreshing';
  }
  return url.replace(/^file:\/\//, '');
}

function describeFrame(callFrame) {
  const file = callFrame.url ? callFrame.url.split('/').slice(-2).join('/') : '';
  return `${callFrame.functionName || '(anonymous)'} ${file}${file ? `:${callFrame.lineNumber + 1}` : ''}`;
}

/** Returns the call stack of a profile node, outermost frame first, without V8's root frame. */
function stackOf(nodeId) {
  const frames = [];
  for (let id = nodeId; id !== undefined; id = parents.get(id)) {
    frames.unshift(nodes.get(id).callFrame);
  }
  return frames.slice(1);
}

const byPackage = new Map();
const byFunction = new Map();
const byCallerStack = new Map();
for (const [nodeId, microseconds] of selfMicroseconds) {
  const { callFrame } = nodes.get(nodeId);
  const owner = packageOf(callFrame.url, callFrame.functionName);
  byPackage.set(owner, (byPackage.get(owner) ?? 0) + microseconds);
  byFunction.set(describeFrame(callFrame), (byFunction.get(describeFrame(callFrame)) ?? 0) + microseconds);

  if (flags.callers && (owner.includes(flags.callers) || describeFrame(callFrame).includes(flags.callers))) {
    // Grouped by the innermost frames, which show the path from the caller into the matched code.
    const stack = stackOf(nodeId).map(describeFrame);
    const key = stack.slice(-12).join('\n    ');
    byCallerStack.set(key, (byCallerStack.get(key) ?? 0) + microseconds);
  }
}

function printTop(title, totals) {
  console.log(`\n${title}`);
  const rows = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(flags.top));
  for (const [name, microseconds] of rows) {
    const share = ((100 * microseconds) / totalMicroseconds).toFixed(1).padStart(5);
    console.log(`${share} %  ${(microseconds / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  }
}

console.log(`${positionals[0]}: ${(totalMicroseconds / 1e6).toFixed(2)} s of samples`);
printTop('Self time by package', byPackage);
printTop('Self time by function', byFunction);
if (flags.callers) {
  printTop(`Stacks that end in ${flags.callers} (innermost 12 frames)`, byCallerStack);
}
