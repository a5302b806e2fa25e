import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { CATALOG, t } from '../../../src/i18n/catalog.js';
import { resolveLocale } from '../../../src/i18n/locale.js';

const SAMPLE_PARAMS = {
  path: 'systems[0].name',
  value: '"x"',
  file: 'platform.yaml',
  count: 2,
  code: 'KINKO_X',
  key: 'host',
  known: 'name, host',
  suggestion: 'host',
};

describe('message catalogue', () => {
  it('[i18n][unit] every entry renders in English and Japanese', () => {
    for (const [id, entry] of Object.entries(CATALOG)) {
      const en = entry.en(SAMPLE_PARAMS);
      const ja = entry.ja(SAMPLE_PARAMS);
      assert.ok(en.trim().length > 0, `${id}: English text is empty`);
      assert.ok(ja.trim().length > 0, `${id}: Japanese text is empty`);
    }
  });

  it('[i18n][unit] Japanese entries are written in Japanese', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const untranslated = Object.entries(CATALOG)
      .filter(([, entry]) => !japanese.test(entry.ja(SAMPLE_PARAMS)))
      .map(([id]) => id)
      // Entries that are only values (a rule id and its path) read the same in both languages.
      .filter((id) => !['synth.assembly.error', 'synth.nag.finding'].includes(id));
    assert.deepEqual(untranslated, []);
  });

  it('[i18n][unit] an unknown message id throws', () => {
    assert.throws(() => t('no.such.message'), /message id not in the catalogue: no.such.message/);
  });

  it('[i18n][unit] locale comes from the flag, then KINKO_LANG, then LANG', () => {
    assert.equal(resolveLocale('ja', { LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(resolveLocale(undefined, { KINKO_LANG: 'ja', LANG: 'en_US.UTF-8' }), 'ja');
    assert.equal(resolveLocale(undefined, { LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(resolveLocale(undefined, { LC_ALL: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(resolveLocale(undefined, {}), 'en');
  });
});
