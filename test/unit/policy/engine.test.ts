import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { t } from '../../../src/i18n/catalog.js';
import { evaluate } from '../../../src/policy/engine.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { RuleRegistry, RuleRegistrationError } from '../../../src/policy/registry.js';
import { runAsNonRoot } from '../../../src/policy/rules/run-as-non-root.js';
import { compliantDeployment, objects, TEST_SETTINGS } from './fixtures.js';

const HOST_PATH_POD = (annotations: string) => `
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: a, annotations: ${annotations} }
spec:
  volumes: [{ name: logs, hostPath: { path: /var/log } }]
  containers: [{ name: c, image: x }]
`;

describe('rule registry and engine', () => {
  it('[S2][unit] registry rejects a duplicate rule id', () => {
    const registry = new RuleRegistry().register(runAsNonRoot, {
      severity: 'error',
      practice: 'S1',
    });
    assert.throws(
      () => registry.register(runAsNonRoot, { severity: 'warning', practice: 'S1' }),
      (error: unknown) =>
        error instanceof RuleRegistrationError && /already registered/.test(error.message),
    );
  });

  it('[S2][unit] registry rejects a rule without catalogue text', () => {
    const unknown = { ...runAsNonRoot, id: 'no-such-rule' };
    assert.throws(
      () => new RuleRegistry().register(unknown, { severity: 'error', practice: 'S1' }),
      /no catalogue entry for: policy.no-such-rule.title, policy.no-such-rule.fix, policy.no-such-rule.message/,
    );
  });

  it('[S2][unit] every rule has English and Japanese title and fix', () => {
    const registry = createKinkoRegistry();
    assert.equal(registry.all().length, 40);
    for (const rule of registry.all()) {
      assert.match(t(`policy.${rule.id}.title`, {}, 'ja'), /[\u3040-\u30ff\u4e00-\u9fff]/, rule.id);
      assert.ok(t(`policy.${rule.id}.fix`, {}, 'en').length > 10, rule.id);
    }
  });

  it('[S2][unit] compliant Deployment set has no finding', () => {
    const result = evaluate(objects(compliantDeployment()), createKinkoRegistry(), TEST_SETTINGS);
    assert.deepEqual(
      result.findings.map((finding) => `${finding.rule.id} ${finding.resource.kind}`),
      [],
    );
  });

  it('[S2][unit] suppression with reason hides and lists the finding', () => {
    const result = evaluate(
      objects(HOST_PATH_POD('{ suppress.kinko.dev/no-host-path: "node log reader, reviewed" }')),
      createKinkoRegistry(),
      TEST_SETTINGS,
    );
    assert.equal(
      result.findings.some((finding) => finding.rule.id === 'no-host-path'),
      false,
    );
    assert.deepEqual(
      result.suppressed.map((entry) => [entry.rule.id, entry.reason, entry.count]),
      [['no-host-path', 'node log reader, reviewed', 1]],
    );
  });

  it('[S2][unit] suppression without reason is a finding and not applied', () => {
    const result = evaluate(
      objects(HOST_PATH_POD('{ suppress.kinko.dev/no-host-path: "  " }')),
      createKinkoRegistry(),
      TEST_SETTINGS,
    );
    const ids = result.findings.map((finding) => finding.rule.id);
    assert.ok(ids.includes('no-host-path'));
    assert.ok(ids.includes('suppression-reason'));
    assert.deepEqual(result.suppressed, []);
  });

  it('[S2][unit] suppression naming no rule is a finding', () => {
    const result = evaluate(
      objects(HOST_PATH_POD('{ suppress.kinko.dev/no-host-paths: "typo" }')),
      createKinkoRegistry(),
      TEST_SETTINGS,
    );
    const finding = result.findings.find((entry) => entry.rule.id === 'suppression-reason');
    assert.equal(finding?.messageId, 'policy.suppression-reason.message.unknownRule');
  });

  it('[S2][unit] suppression-reason itself cannot be suppressed', () => {
    const result = evaluate(
      objects(
        HOST_PATH_POD(
          '{ suppress.kinko.dev/suppression-reason: "quiet", suppress.kinko.dev/no-host-path: "" }',
        ),
      ),
      createKinkoRegistry(),
      TEST_SETTINGS,
    );
    assert.ok(result.findings.some((finding) => finding.rule.id === 'suppression-reason'));
  });

  it('[S2][unit] a rule that throws fails closed', () => {
    const registry = new RuleRegistry().register(
      {
        ...runAsNonRoot,
        check: () => {
          throw new Error('boom');
        },
      },
      { severity: 'error', practice: 'S1' },
    );
    const result = evaluate(objects(HOST_PATH_POD('{}')), registry, TEST_SETTINGS);
    assert.deepEqual(
      result.findings.map((finding) => [finding.messageId, finding.params]),
      [['policy.engine.ruleFailed', { rule: 'run-as-non-root', reason: 'boom' }]],
    );
  });
});
