import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { t } from '../../../src/i18n/catalog.js';
import { evaluate } from '../../../src/policy/engine.js';
import { readManifestInputs } from '../../../src/policy/input/read.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { buildReport } from '../../../src/policy/report/report.js';
import { compliantDeployment, objects, TEST_SETTINGS } from './fixtures.js';

const registry = createKinkoRegistry();

describe('fix texts of kinko check', () => {
  it('[unit][report] missing path fix names the path', () => {
    const input = readManifestInputs(['/nonexistent/nope.yaml']);
    const evaluation = evaluate(input.resources, registry, TEST_SETTINGS);
    for (const locale of ['en', 'ja'] as const) {
      const [problem] = buildReport(evaluation, input, registry, locale).problems;
      assert.equal(problem?.fix, t('check.input.notFound.fix', {}, locale));
    }
    const [problem] = buildReport(evaluation, input, registry, 'en').problems;
    assert.doesNotMatch(problem?.fix ?? '', /line/);
  });

  it('[S2][report] unknown suppressed rule fix names the id', () => {
    const yaml = compliantDeployment().replace(
      'metadata: { name: web, namespace: a }',
      'metadata: { name: web, namespace: a, annotations: { suppress.kinko.dev/no-such-rule: "reviewed by the platform team" } }',
    );
    const resources = objects(yaml);
    const evaluation = evaluate(resources, registry, TEST_SETTINGS);
    const report = buildReport(
      evaluation,
      { files: ['test.yaml'], resources, problems: [] },
      registry,
      'en',
    );
    const findings = report.findings.filter((finding) => finding.rule === 'suppression-reason');
    assert.deepEqual(
      findings.map((finding) => finding.fix),
      [t('policy.suppression-reason.message.unknownRule.fix', { rule: 'no-such-rule' }, 'en')],
    );
    assert.match(findings[0]?.fix ?? '', /--list-rules/);
    assert.doesNotMatch(findings[0]?.fix ?? '', /write the reason/);
  });

  it('[S3][unit] the scan gate fix says an exception cannot accept an unscanned image', () => {
    assert.match(
      t('images.failed.fix', {}, 'en'),
      /never scanned.*an exception does not accept it/,
    );
    assert.match(t('images.failed.fix', {}, 'ja'), /未スキャン.*例外では通せない/);
  });
});
