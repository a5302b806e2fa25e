import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadAllYaml, type V1NetworkPolicy } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

import { buildManifests, renderManifestFile } from '../../../src/kube/index.js';
import { toWireObject } from '../../../src/kube/render.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile } from '../../support/kube-find.js';

function renderAll(): string {
  const { files } = buildManifests(kubeFixture());
  return files
    .map(
      (file) => `# ${file.cluster}/${file.namespace}/${file.fileName}\n${renderManifestFile(file)}`,
    )
    .join('');
}

describe('kube rendering', () => {
  it('[manifest] two builds give identical bytes', () => {
    const first = renderAll();
    const second = renderAll();

    assert.equal(first, second);
    assert.ok(first.length > 0);
  });

  it('[manifest] two builds give identical ledgers', () => {
    const first = buildManifests(kubeFixture()).ledger;
    const second = buildManifests(kubeFixture()).ledger;

    assert.deepEqual(first, second);
  });

  it('[manifest] rendered YAML parses back to the same objects', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      const documents = parseAllDocuments(renderManifestFile(file));
      assert.ok(Array.isArray(documents), file.fileName);
      assert.equal(documents.length, file.objects.length, file.fileName);
      documents.forEach((document, index) => {
        assert.deepEqual(document.errors, [], file.fileName);
        const object = file.objects[index];
        assert.ok(object);
        assert.deepEqual(document.toJS(), toWireObject(object), `${file.fileName} #${index}`);
      });
    }
  });

  it('[manifest] client library reads back every object as built', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      const loaded = loadAllYaml(renderManifestFile(file));
      // The library returns its model classes; JSON drops the class identity for the comparison.
      assert.deepEqual(
        JSON.parse(JSON.stringify(loaded)),
        JSON.parse(JSON.stringify(file.objects)),
        file.fileName,
      );
    }
  });

  it('[S8][manifest] client library reads the policy peers as _from', () => {
    const { files } = buildManifests(kubeFixture());
    const rendered = renderManifestFile(findFile(files, 'a', '20-network-policies.yaml'));

    const policies = loadAllYaml(rendered) as V1NetworkPolicy[];

    const fromIngressController = policies[3];
    assert.equal(fromIngressController?.metadata?.name, 'allow-from-ingress-controller');
    assert.equal(
      fromIngressController?.spec?.ingress?.[0]?._from?.[0]?.namespaceSelector?.matchLabels?.[
        'kubernetes.io/metadata.name'
      ],
      'nginx-ingress',
    );
  });

  it('[manifest] documents use API field names and start with apiVersion', () => {
    const { files } = buildManifests(kubeFixture());

    const rendered = renderManifestFile(findFile(files, 'a', '20-network-policies.yaml'));

    assert.ok(rendered.includes('    - from:\n'));
    assert.ok(!rendered.includes('_from'));
    assert.ok(
      rendered.startsWith(
        'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n',
      ),
    );
    assert.equal(rendered.split('\n---\n').length, 6);
  });

  it('[manifest] rendered file ends with one newline and has no aliases', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      const rendered = renderManifestFile(file);
      assert.ok(rendered.endsWith('\n'), file.fileName);
      assert.ok(!rendered.endsWith('\n\n'), file.fileName);
      assert.ok(!/[&*]a\d+/.test(rendered), `${file.fileName} uses YAML anchors`);
    }
  });

  it('[S6][manifest] role verbs keep their written order', () => {
    const { files } = buildManifests(kubeFixture());

    const rendered = renderManifestFile(findFile(files, 'b', '10-rbac.yaml'));

    assert.ok(
      rendered.includes(
        '    verbs:\n      - get\n      - list\n      - watch\n      - create\n      - update\n      - patch\n      - delete\n',
      ),
    );
  });
});
