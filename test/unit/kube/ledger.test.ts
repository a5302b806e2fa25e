import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildManifests, manifestFilePath } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';

describe('kube ledger', () => {
  it('[manifest] ledger covers the manifest practices', () => {
    const { ledger } = buildManifests(kubeFixture());

    const practices = [...new Set(ledger.map((entry) => entry.practice))].sort();

    assert.deepEqual(practices, ['R2', 'R5', 'R6', 'S1', 'S2', 'S4', 'S5', 'S6', 'S7', 'S8']);
  });

  it('[manifest] every entry points at an object in its file', () => {
    const { files, ledger } = buildManifests(kubeFixture());
    const byPath = new Map(files.map((file) => [manifestFilePath(file), file]));

    for (const entry of ledger) {
      const file = byPath.get(entry.file);
      assert.ok(file, `no file ${entry.file}`);
      const object = file.objects.find(
        (candidate) => candidate.kind === entry.kind && candidate.metadata.name === entry.name,
      );
      assert.ok(object, `${entry.practice}: no ${entry.kind}/${entry.name} in ${entry.file}`);
      assert.equal(object.metadata.namespace, entry.namespace, `${entry.kind}/${entry.name}`);
      assert.equal(entry.cluster, 'main');
    }
  });

  it('[manifest] every entry has English and Japanese summaries', () => {
    const { ledger } = buildManifests(kubeFixture());

    for (const entry of ledger) {
      assert.ok(entry.summary.en.length > 0, `${entry.kind}/${entry.name}`);
      assert.ok(
        /[\u3040-\u30ff\u4e00-\u9fff]/.test(entry.summary.ja),
        `${entry.kind}/${entry.name}`,
      );
    }
  });

  it('[S8][manifest] ledger lists six policies per system', () => {
    const { ledger } = buildManifests(kubeFixture());

    for (const namespace of ['a', 'b']) {
      const policies = ledger.filter(
        (entry) => entry.practice === 'S8' && entry.namespace === namespace,
      );
      assert.equal(policies.length, 6, namespace);
      assert.ok(
        policies.every((entry) => entry.file === `k8s/main/${namespace}/20-network-policies.yaml`),
      );
    }
  });

  it('[R6][manifest] ledger records preStop and budget per app', () => {
    const { ledger } = buildManifests(kubeFixture());

    const entries = ledger
      .filter((entry) => entry.practice === 'R6')
      .map((entry) => `${entry.namespace}/${entry.kind}/${entry.name}`);

    assert.deepEqual(entries, [
      'a/Deployment/web',
      'a/PodDisruptionBudget/web',
      'a/Deployment/api',
      'a/PodDisruptionBudget/api',
      'b/Deployment/trade',
      'b/PodDisruptionBudget/trade',
    ]);
  });

  it('[R6][manifest] preStop summary states both timings', () => {
    const { ledger } = buildManifests(kubeFixture());

    const entry = ledger.find(
      (candidate) => candidate.practice === 'R6' && candidate.kind === 'Deployment',
    );

    assert.ok(
      entry?.summary.en.includes(
        'sleeps 160 s in preStop under a termination grace period of 180 s',
      ),
    );
    assert.ok(entry?.summary.ja.includes('160 秒'));
  });

  it('[S4][manifest] ledger names the secret, not its value', () => {
    const { ledger } = buildManifests(kubeFixture());

    const entry = ledger.find(
      (candidate) => candidate.practice === 'S4' && candidate.namespace === 'a',
    );

    assert.equal(entry?.kind, 'SecretProviderClass');
    assert.equal(entry?.name, 'a-aws-secrets');
    assert.equal(entry?.file, 'k8s/main/a/30-secrets.yaml');
    assert.ok(entry?.summary.en.includes('kinko-demo/a/app'));
  });
});
