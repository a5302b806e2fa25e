import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import {
  platformFieldReference,
  renderFieldReferenceMarkdown,
} from '../../../src/config/reference.js';
import { hasMessage } from '../../../src/i18n/catalog.js';

describe('platform.yaml field reference', () => {
  it('[config][unit] every schema field has a description', () => {
    const missing = platformFieldReference()
      .map((field) => field.path)
      .filter((path) => !hasMessage(`field.${path}`));
    assert.deepEqual(missing, []);
  });

  for (const [file, locale] of [
    ['docs/platform-yaml.md', 'en'],
    ['docs/ja/platform-yaml.md', 'ja'],
  ] as const) {
    it(`[config][unit] ${file} lists the current fields`, () => {
      const text = readFileSync(file, 'utf8');
      assert.ok(
        text.includes(renderFieldReferenceMarkdown(locale)),
        `${file} is out of date: run npm run build && node scripts/gen-docs.mjs`,
      );
    });
  }

  it('[config][unit] required fields and defaults are reported', () => {
    const byPath = new Map(platformFieldReference().map((field) => [field.path, field]));
    assert.equal(byPath.get('systems[].adminRoleArn')?.required, true);
    assert.equal(byPath.get('systems[].apps[].terminationGracePeriodSeconds')?.default, '180');
    assert.equal(byPath.get('clusters[].publicAccessCidrs')?.default, '[]');
  });
});
