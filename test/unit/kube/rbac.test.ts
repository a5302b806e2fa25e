import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Role, V1RoleBinding } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { allObjects, findObject } from '../../support/kube-find.js';

describe('kube RBAC', () => {
  it('[S6][manifest] role has no wildcard verbs or resources', () => {
    const { files } = buildManifests(kubeFixture());

    const role = findObject<V1Role>(files, 'Role', 'a-admins', 'a');

    const rules = role.rules ?? [];
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      assert.ok(!rule.verbs.includes('*'), `wildcard verb in ${JSON.stringify(rule)}`);
      assert.ok(
        !(rule.resources ?? []).includes('*'),
        `wildcard resource in ${JSON.stringify(rule)}`,
      );
      assert.ok(!(rule.apiGroups ?? []).includes('*'), `wildcard group in ${JSON.stringify(rule)}`);
      assert.equal(rule.resourceNames, undefined);
      assert.equal(rule.nonResourceURLs, undefined);
    }
  });

  it('[S6][manifest] role grants no access to secrets or pods/exec', () => {
    const { files } = buildManifests(kubeFixture());

    const role = findObject<V1Role>(files, 'Role', 'a-admins', 'a');

    const resources = (role.rules ?? []).flatMap((rule) => rule.resources ?? []);
    for (const forbidden of [
      'secrets',
      'pods/exec',
      'pods/attach',
      'pods/portforward',
      'roles',
      'rolebindings',
    ]) {
      assert.ok(!resources.includes(forbidden), forbidden);
    }
  });

  it('[S6][manifest] network policies and budgets are read-only for admins', () => {
    const { files } = buildManifests(kubeFixture());

    const role = findObject<V1Role>(files, 'Role', 'a-admins', 'a');

    const rules = role.rules ?? [];
    const policyRule = rules.find((rule) => rule.resources?.includes('networkpolicies'));
    const budgetRule = rules.find((rule) => rule.resources?.includes('poddisruptionbudgets'));
    assert.deepEqual(policyRule?.verbs, ['get', 'list', 'watch']);
    assert.deepEqual(budgetRule?.verbs, ['get', 'list', 'watch']);
  });

  it('[S6][manifest] binding names the admin group and the role in its namespace', () => {
    const { files } = buildManifests(kubeFixture());

    for (const system of ['a', 'b']) {
      const binding = findObject<V1RoleBinding>(files, 'RoleBinding', `${system}-admins`, system);
      assert.deepEqual(binding.roleRef, {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: `${system}-admins`,
      });
      assert.deepEqual(binding.subjects, [
        { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: `${system}:admins` },
      ]);
    }
  });

  it('[S6][manifest] no cluster-wide RBAC is generated for systems', () => {
    const { files } = buildManifests(kubeFixture());

    const systemFiles = files.filter((file) => ['a', 'b'].includes(file.namespace));
    const kinds = allObjects(systemFiles).map((object) => object.kind);
    assert.ok(!kinds.includes('ClusterRole'));
    assert.ok(!kinds.includes('ClusterRoleBinding'));
  });
});
