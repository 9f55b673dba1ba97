import { availableParallelism } from 'node:os';

import Piscina from 'piscina';

import type { PasswordComparison } from './password-worker';

// A worker that stays idle this long exits, and the next comparison starts one again.
const IDLE_WORKER_TIMEOUT_MS = 30_000;

let pool: Piscina<PasswordComparison, boolean> | undefined;

/** Returns the file URL of the worker script, which the build writes to dist/password-worker. */
function workerFileUrl(): string {
  // @ts-expect-error The server tsconfig targets CommonJS, where TypeScript rejects import.meta.
  // Vite builds this file as ES and as CommonJS, and Rollup rewrites import.meta.url into the
  // file URL of __filename in the CommonJS bundle.
  return new URL('../password-worker/index.js', import.meta.url).href;
}

/**
 * Compares a password or client secret with a bcrypt hash in a worker thread. bcryptjs is pure
 * JavaScript and takes about 0.1 s of CPU per comparison at cost 10 (see docs/benchmarks.md),
 * which on the event loop would hold up every other request. The pool has one worker per core,
 * started on first use.
 */
export function compareInWorker(password: string, hash: string): Promise<boolean> {
  pool ??= new Piscina<PasswordComparison, boolean>({
    filename: workerFileUrl(),
    maxThreads: availableParallelism(),
    minThreads: 0,
    idleTimeout: IDLE_WORKER_TIMEOUT_MS,
  });
  return pool.run({ password, hash });
}
