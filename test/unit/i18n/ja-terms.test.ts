import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { CATALOG, type MessageParams } from '../../../src/i18n/catalog.js';

/** Renders every parameter as its own name, so the fixed wording of each entry shows. */
const names = new Proxy({}, { get: (_target, name) => String(name) }) as MessageParams;

function markdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

describe('Japanese terms', () => {
  it('[unit][i18n] "suppress" is 抑制, never 抑止 (deterrence), in messages and Japanese docs', () => {
    const messages = Object.entries(CATALOG)
      .filter(([, entry]) => entry.ja(names).includes('抑止'))
      .map(([id]) => id);
    assert.deepEqual(messages, []);
    const docs = ['README.ja.md', ...markdownFiles('docs/ja')].filter((file) =>
      readFileSync(file, 'utf8').includes('抑止'),
    );
    assert.deepEqual(docs, []);
  });
});
