import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Deployment, V1ServiceAccount } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findObject } from '../../support/kube-find.js';

describe('kube ServiceAccount', () => {
  it('[S7][manifest] service account mounts no API token', () => {
    const { files } = buildManifests(kubeFixture());

    const account = findObject<V1ServiceAccount>(files, 'ServiceAccount', 'a-app', 'a');

    assert.equal(account.automountServiceAccountToken, false);
  });

  it('[S7][manifest] pods run as the system service account', () => {
    const { files } = buildManifests(kubeFixture());

    for (const [namespace, app, account] of [
      ['a', 'web', 'a-app'],
      ['a', 'api', 'a-app'],
      ['b', 'trade', 'b-app'],
    ] as const) {
      const deployment = findObject<V1Deployment>(files, 'Deployment', app, namespace);
      const podSpec = deployment.spec?.template.spec;
      assert.equal(podSpec?.serviceAccountName, account, app);
      assert.equal(podSpec?.automountServiceAccountToken, false, app);
    }
  });
});
