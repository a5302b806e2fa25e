import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { collectImages } from '../../../src/images/collect.js';
import { locateInEcr } from '../../../src/images/ecr-location.js';

const REGISTRY = '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com';
const DR_REGISTRY = '111122223333.dkr.ecr.ap-northeast-3.amazonaws.com';
const DIGEST = `sha256:${'b'.repeat(64)}`;

const MANIFESTS = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: { name: debug, namespace: a }
    spec:
      containers:
        - { name: app, image: ${REGISTRY}/a/app:1.0 }
      ephemeralContainers:
        - { name: shell, image: ${REGISTRY}/tools/shell:2.0 }
---
apiVersion: apps/v1
kind: StatefulSet
metadata: { name: db, namespace: a }
spec:
  template:
    spec:
      initContainers:
        - { name: init, image: ${REGISTRY}/a/app:1.0 }
      containers:
        - { name: db, image: "${REGISTRY}/a/db@${DIGEST}" }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: settings, namespace: a }
data: { image: not-an-image }
`;

describe('image collection', () => {
  it('[S3][unit] collects every container kind once', () => {
    const collected = collectImages(['-'], () => MANIFESTS);
    assert.deepEqual(collected.problems, []);
    assert.equal(collected.objects, 3);
    assert.deepEqual(
      collected.images.map((image) => [image.image, image.uses.length]),
      [
        [`${REGISTRY}/a/app:1.0`, 2],
        [`${REGISTRY}/tools/shell:2.0`, 1],
        [`${REGISTRY}/a/db@${DIGEST}`, 1],
      ],
    );
  });

  it('[S3][unit] records where an image is used', () => {
    const collected = collectImages(['-'], () => MANIFESTS);
    const app = collected.images[0];
    assert.deepEqual(app?.uses[1], {
      object: 'StatefulSet a/db',
      container: 'initContainers[0] "init"',
      location: { file: '<stdin>', line: 20, column: 25 },
    });
  });

  it('[S3][unit] reports an unreadable input', () => {
    const collected = collectImages(['/nonexistent/manifests.yaml']);
    assert.deepEqual(
      collected.problems.map((problem) => problem.messageId),
      ['check.input.notFound'],
    );
    assert.deepEqual(collected.images, []);
  });
});

describe('ECR location', () => {
  it('[S3][unit] locates an image by tag', () => {
    assert.deepEqual(locateInEcr(`${DR_REGISTRY}/b/web:3.1`, [REGISTRY, DR_REGISTRY]), {
      found: true,
      image: {
        registryId: '111122223333',
        region: 'ap-northeast-3',
        repository: 'b/web',
        tag: '3.1',
      },
    });
  });

  it('[S3][unit] reads a bare image as latest', () => {
    const located = locateInEcr(`${REGISTRY}/b/web`, [REGISTRY]);
    assert.equal(located.found && located.image.tag, 'latest');
  });

  it('[S3][unit] keeps the digest without a tag', () => {
    const located = locateInEcr(`${REGISTRY}/a/db@${DIGEST}`, [REGISTRY]);
    assert.ok(located.found);
    assert.equal(located.image.digest, DIGEST);
    assert.equal(located.image.tag, undefined);
  });

  it('[S3][unit] rejects other registries', () => {
    for (const image of [
      'nginx:1.27',
      '999999999999.dkr.ecr.ap-northeast-1.amazonaws.com/a/app:1.0',
      `${REGISTRY}.evil.test/a/app:1.0`,
      'public.ecr.aws/nginx/nginx:1.27',
    ]) {
      assert.equal(locateInEcr(image, [REGISTRY]).found, false, image);
    }
  });
});
