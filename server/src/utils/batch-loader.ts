import { AsyncResource } from 'node:async_hooks';

import DataLoader from 'dataloader';

// Bounds the rows of one batch: a multi-row insert of 50 refresh tokens binds about 650
// parameters, well inside SQLite's limit of 32,766.
const MAX_BATCH_SIZE = 50;

// After a batch of several keys, the next batch waits this long before it is sent, as
// PostgreSQL's `commit_delay` does for commits when other transactions are active. The clients
// whose requests the last batch completed use the time to send their next ones, which then share
// a batch with the requests already waiting instead of forming a batch of their own. On the
// machine of docs/benchmarks.md, 2 ms raised the refresh grant at 10 connections by about a
// quarter on SQLite and PostgreSQL alike; 4 ms gained less. After a batch of one key, the next is
// sent after one turn of the event loop, so a lone request does not wait for the timer.
const GATHER_MILLISECONDS = 2;

// Created when the module loads, outside any request. Batches run in this async context, so a
// batch never joins the database transaction of the request that happened to start it: Strapi
// finds the current transaction through AsyncLocalStorage.
const batchContext = new AsyncResource('refreshing.batch');

const ignore = (): void => undefined;

/**
 * Returns a DataLoader that caches nothing and sends one batch at a time. Keys that arrive while
 * a batch is in flight wait and go together in the next one, so under load the number of
 * database round trips grows with the number of batches, not of requests. A key that arrives
 * when nothing is in flight waits for one turn of the event loop.
 *
 * Batches run outside the caller's transaction. Call `load()` only where no transaction is open:
 * on SQLite's single connection, a caller with an open transaction that waits for a batch would
 * wait for itself.
 */
export function createBatchLoader<K, V>(load: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
  let previous: Promise<void> = Promise.resolve();
  let previousSize = 0;

  const send = (dispatch: () => void) => () => batchContext.runInAsyncScope(dispatch);

  return new DataLoader<K, V>(
    (keys) => {
      const batch = load(keys);
      previous = batch.then(ignore, ignore);
      previousSize = keys.length;
      return batch;
    },
    {
      cache: false,
      maxBatchSize: MAX_BATCH_SIZE,
      batchScheduleFn: (dispatch) => {
        void previous.then(() => {
          if (previousSize > 1) {
            setTimeout(send(dispatch), GATHER_MILLISECONDS);
          } else {
            setImmediate(send(dispatch));
          }
        });
      },
    },
  );
}

/** Returns, for each key in order, the row whose `key(row)` equals it, or null. */
export function inKeyOrder<K, R>(keys: readonly K[], rows: R[], key: (row: R) => K): Array<R | null> {
  const byKey = new Map(rows.map((row) => [key(row), row]));
  return keys.map((value) => byKey.get(value) ?? null);
}
