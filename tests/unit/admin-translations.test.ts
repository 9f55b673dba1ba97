import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const ADMIN_SOURCE = path.resolve(__dirname, '../../admin/src');
const ENGLISH = JSON.parse(readFileSync(path.join(ADMIN_SOURCE, 'translations/en.json'), 'utf8')) as Record<string, string>;

// A message descriptor as the admin code writes it: a literal id, then its English defaultMessage.
const DESCRIPTOR = /id: '(refreshing\.[^']+)',\s*defaultMessage:\s*'((?:[^'\\]|\\.)*)'/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const fullPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(fullPath);
    }
    return /\.tsx?$/.test(entry.name) ? [fullPath] : [];
  });
}

function descriptorsInSource(): Array<{ id: string; defaultMessage: string; file: string }> {
  return sourceFiles(ADMIN_SOURCE).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(DESCRIPTOR)].map((match) => ({
      id: match[1],
      defaultMessage: match[2].replace(/\\'/g, "'"),
      file: path.relative(ADMIN_SOURCE, file),
    })),
  );
}

describe('admin translations', () => {
  const descriptors = descriptorsInSource();

  test('every message id is in en.json', () => {
    for (const { id, defaultMessage, file } of descriptors) {
      assert.equal(ENGLISH[id], defaultMessage, `${id} in ${file}`);
    }
  });

  test('en.json has no unused id', () => {
    const used = new Set(descriptors.map(({ id }) => id));
    assert.deepEqual(
      Object.keys(ENGLISH).filter((id) => !used.has(id)),
      [],
    );
  });

  test('every refreshing id has a defaultMessage', () => {
    const idCount = sourceFiles(ADMIN_SOURCE)
      .map((file) => (readFileSync(file, 'utf8').match(/id: 'refreshing\./g) ?? []).length)
      .reduce((sum, count) => sum + count, 0);
    assert.equal(descriptors.length, idCount);
  });
});
