import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const STRAPI_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'strapi', 'main.js');

// Strapi's boot, with the schema sync of a fresh database, takes about 20 s on a 2-core machine.
const READY_TIMEOUT_MS = 180_000;

/**
 * Starts the Strapi child in production mode and returns its port, a `call(command, options)`
 * function for its IPC commands, and `stop()`. Progress lines from the child go to `log`.
 */
export async function startStrapiChild({ databaseEnv, log }) {
  const child = fork(STRAPI_MAIN, [], {
    env: { ...process.env, ...databaseEnv, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });

  const pending = new Map();
  let nextId = 0;
  let readyPort;
  let failStart;

  const ready = new Promise((resolve, reject) => {
    readyPort = resolve;
    failStart = reject;
  });
  const readyTimer = setTimeout(() => failStart(new Error(`Strapi did not start within ${READY_TIMEOUT_MS / 1000} s`)), READY_TIMEOUT_MS);

  child.on('message', (message) => {
    if (message.type === 'ready') {
      readyPort(message.port);
    } else if (message.type === 'progress') {
      log(message.message);
    } else if (message.type === 'result') {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) {
        reject(new Error(`bench command failed in the Strapi process: ${message.error}`));
      } else {
        resolve(message.result);
      }
    }
  });

  child.on('exit', (code, signal) => {
    const error = new Error(`the Strapi process exited (code ${code}, signal ${signal})`);
    failStart(error);
    for (const { reject } of pending.values()) {
      reject(error);
    }
    pending.clear();
  });

  let port;
  try {
    port = await ready;
  } finally {
    clearTimeout(readyTimer);
  }

  function call(command, options = {}) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      child.send({ id, command, options });
    });
  }

  async function stop() {
    if (child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await call('stop').catch(() => {});
    await exited;
  }

  return { pid: child.pid, port, call, stop, kill: () => child.kill('SIGKILL') };
}
