import assert from 'node:assert/strict';
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, test } from 'node:test';

import { createBatchLoader, inKeyOrder } from '../../server/src/utils/batch-loader';

/** Returns a loader that doubles numbers, records each batch, and finishes one per `finishNext()`. */
function recordingLoader() {
  const batches: number[][] = [];
  const pending: Array<() => void> = [];
  const loader = createBatchLoader<number, number>(async (keys) => {
    batches.push([...keys]);
    await new Promise<void>((resolve) => pending.push(resolve));
    return keys.map((key) => key * 2);
  });
  const finishNext = async () => {
    while (pending.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    pending.shift()!();
  };
  return { loader, batches, finishNext };
}

describe('createBatchLoader', () => {
  test('keys of one turn of the event loop go in one batch', async () => {
    const { loader, batches, finishNext } = recordingLoader();
    const results = Promise.all([loader.load(1), loader.load(2), loader.load(3)]);
    await finishNext();
    assert.deepEqual(await results, [2, 4, 6]);
    assert.deepEqual(batches, [[1, 2, 3]]);
  });

  test('keys during a batch wait for the next', async () => {
    const { loader, batches, finishNext } = recordingLoader();
    const first = loader.load(1);
    while (batches.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const later = Promise.all([loader.load(2), loader.load(3)]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(batches, [[1]], 'nothing is sent while the first batch is in flight');

    await finishNext();
    await finishNext();
    assert.equal(await first, 2);
    assert.deepEqual(await later, [4, 6]);
    assert.deepEqual(batches, [[1], [2, 3]]);
  });

  test('an error for one key rejects only that key', async () => {
    const loader = createBatchLoader<number, number>(async (keys) =>
      keys.map((key) => (key < 0 ? new Error(`negative ${key}`) : key)),
    );
    const [good, bad] = await Promise.allSettled([loader.load(1), loader.load(-1)]);
    assert.deepEqual(good, { status: 'fulfilled', value: 1 });
    assert.equal(bad.status, 'rejected');
    assert.match(String((bad as PromiseRejectedResult).reason), /negative -1/);
  });

  test("batches run outside the caller's async context", async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: Array<string | undefined> = [];
    const loader = createBatchLoader<number, number>(async (keys) => {
      seen.push(storage.getStore());
      return [...keys];
    });
    await storage.run('transaction of the caller', () => loader.load(1));
    assert.deepEqual(seen, [undefined]);
  });
});

describe('inKeyOrder', () => {
  test('orders rows by key, null when missing', () => {
    const rows = [
      { id: 2, name: 'b' },
      { id: 1, name: 'a' },
    ];
    assert.deepEqual(
      inKeyOrder([1, 3, 2, 1], rows, (row) => row.id).map((row) => row?.name ?? null),
      ['a', null, 'b', 'a'],
    );
  });
});
