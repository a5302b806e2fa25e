import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dedicatedServiceAccount } from '../../../src/policy/rules/dedicated-service-account.js';
import { imageAllowedRegistry } from '../../../src/policy/rules/image-allowed-registry.js';
import { imagePinned } from '../../../src/policy/rules/image-pinned.js';
import { namespaceDefaultDeny } from '../../../src/policy/rules/namespace-default-deny.js';
import { namespacePodSecurity } from '../../../src/policy/rules/namespace-pod-security.js';
import { noClusterBindingToSystemGroup } from '../../../src/policy/rules/no-cluster-binding-to-system-group.js';
import { noRbacWildcards } from '../../../src/policy/rules/no-rbac-wildcards.js';
import { noSecretData } from '../../../src/policy/rules/no-secret-data.js';
import { noTokenAutomount } from '../../../src/policy/rules/no-token-automount.js';
import { rolebindingAllowedRole } from '../../../src/policy/rules/rolebinding-allowed-role.js';
import { rolebindingOwnSubjects } from '../../../src/policy/rules/rolebinding-own-subjects.js';
import { secretsViaCsi } from '../../../src/policy/rules/secrets-via-csi.js';
import { serviceAccountExists } from '../../../src/policy/rules/service-account-exists.js';
import { DEFAULT_SETTINGS } from '../../../src/policy/settings.js';
import { compliantDeployment, ECR, run, summary, TEST_SETTINGS } from './fixtures.js';

function podWithImage(image: string): string {
  return `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { containers: [{ name: app, image: "${image}" }] }\n`;
}

function binding(kind: string, namespace: string, roleRef: string, subjects: string): string {
  const meta = namespace === '' ? '{ name: rb }' : `{ name: rb, namespace: ${namespace} }`;
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata: ${meta}\nroleRef: ${roleRef}\nsubjects: ${subjects}\n`;
}

describe('S2–S8 rules', () => {
  it('[S3][manifest] image-allowed-registry: platform ECR image passes', () => {
    assert.equal(run(imageAllowedRegistry, podWithImage(`${ECR}/a/web:1.0`)).status, 'compliant');
  });

  it('[S3][manifest] image-allowed-registry: Docker Hub image fails', () => {
    assert.deepEqual(summary(run(imageAllowedRegistry, podWithImage('nginx:1.27'))), {
      status: 'non-compliant',
      violations: [
        {
          params: {
            container: 'containers[0] "app"',
            image: 'nginx:1.27',
            registry: 'docker.io',
            allowed: ECR,
          },
        },
      ],
    });
  });

  it('[S3][manifest] image-allowed-registry: no registry configured fails closed', () => {
    const outcome = summary(
      run(imageAllowedRegistry, podWithImage(`${ECR}/a/web:1.0`), DEFAULT_SETTINGS),
    );
    assert.equal(outcome.violations?.[0]?.variant, 'noneAllowed');
  });

  it('[S3][manifest] image-pinned: digest and version tag pass', () => {
    const digest = `${ECR}/a/web@sha256:${'a'.repeat(64)}`;
    assert.equal(run(imagePinned, podWithImage(digest)).status, 'compliant');
    assert.equal(run(imagePinned, podWithImage(`${ECR}/a/web:1.4.2`)).status, 'compliant');
  });

  it('[S3][manifest] image-pinned: latest, no tag and bad digest fail', () => {
    assert.equal(run(imagePinned, podWithImage(`${ECR}/a/web:latest`)).status, 'non-compliant');
    assert.equal(run(imagePinned, podWithImage(`${ECR}/a/web`)).status, 'non-compliant');
    const bad = summary(run(imagePinned, podWithImage(`${ECR}/a/web@sha256:abc`)));
    assert.equal(bad.violations?.[0]?.variant, 'badDigest');
  });

  it('[S4][manifest] no-secret-data: Secret without values passes', () => {
    const yaml =
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ntype: kubernetes.io/service-account-token\n';
    assert.equal(run(noSecretData, yaml).status, 'compliant');
  });

  it('[S4][manifest] no-secret-data: data and stringData fail', () => {
    const yaml =
      'apiVersion: v1\nkind: Secret\nmetadata: { name: s }\ndata: { password: cGFzcw== }\nstringData: { user: u }\n';
    assert.deepEqual(summary(run(noSecretData, yaml)), {
      status: 'non-compliant',
      violations: [
        { params: { field: 'data', keys: 'password' } },
        { params: { field: 'stringData', keys: 'user' } },
      ],
    });
  });

  it('[S4][manifest] secrets-via-csi: CSI volume passes, Secret references fail', () => {
    const csi = `apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec:\n  volumes: [{ name: s, csi: { driver: secrets-store.csi.k8s.io, volumeAttributes: { secretProviderClass: a } } }]\n  containers: [{ name: app, image: x }]\n`;
    assert.equal(run(secretsViaCsi, csi).status, 'compliant');
    const refs = `apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  volumes: [{ name: s, secret: { secretName: db } }]
  containers:
    - name: app
      image: x
      envFrom: [{ secretRef: { name: env } }]
      env: [{ name: PASSWORD, valueFrom: { secretKeyRef: { name: db, key: password } } }]
`;
    assert.deepEqual(
      summary(run(secretsViaCsi, refs)).violations?.map((violation) => violation.params),
      [
        { where: 'volumes[0] "s"', secret: 'db' },
        { where: 'containers[0] "app" envFrom[0]', secret: 'env' },
        { where: 'containers[0] "app" env "PASSWORD"', secret: 'db' },
      ],
    );
  });

  it('[S6][manifest] rolebinding-allowed-role: Role and view pass', () => {
    const subjects = '[{ kind: Group, name: "a:admins" }]';
    assert.equal(
      run(rolebindingAllowedRole, binding('RoleBinding', 'a', '{ kind: Role, name: r }', subjects))
        .status,
      'compliant',
    );
    assert.equal(
      run(
        rolebindingAllowedRole,
        binding('RoleBinding', 'a', '{ kind: ClusterRole, name: view }', subjects),
      ).status,
      'compliant',
    );
  });

  it('[S6][manifest] rolebinding-allowed-role: ClusterRole admin fails', () => {
    const yaml = binding(
      'RoleBinding',
      'a',
      '{ kind: ClusterRole, name: admin }',
      '[{ kind: Group, name: "a:admins" }]',
    );
    assert.deepEqual(summary(run(rolebindingAllowedRole, yaml)), {
      status: 'non-compliant',
      violations: [{ params: { role: 'ClusterRole admin', allowed: 'view' } }],
    });
  });

  it('[S6][manifest] rolebinding-own-subjects: own group and ServiceAccount pass', () => {
    const subjects = '[{ kind: Group, name: "a:admins" }, { kind: ServiceAccount, name: app }]';
    assert.equal(
      run(rolebindingOwnSubjects, binding('RoleBinding', 'a', '{ kind: Role, name: r }', subjects))
        .status,
      'compliant',
    );
  });

  it('[S6][manifest] rolebinding-own-subjects: another system fails', () => {
    const subjects =
      '[{ kind: Group, name: "b:admins" }, { kind: ServiceAccount, name: app, namespace: b }, { kind: User, name: "system:serviceaccount:b:app" }]';
    assert.deepEqual(
      summary(
        run(
          rolebindingOwnSubjects,
          binding('RoleBinding', 'a', '{ kind: Role, name: r }', subjects),
        ),
      ).violations?.map((violation) => violation.params),
      [
        { subject: 'Group b:admins', owner: 'b', namespace: 'a' },
        { subject: 'ServiceAccount b/app', owner: 'b', namespace: 'a' },
        { subject: 'User system:serviceaccount:b:app', owner: 'b', namespace: 'a' },
      ],
    );
  });

  it('[S6][manifest] no-cluster-binding-to-system-group: controller ServiceAccount passes', () => {
    const yaml = binding(
      'ClusterRoleBinding',
      '',
      '{ kind: ClusterRole, name: c }',
      '[{ kind: ServiceAccount, name: ctl, namespace: kube-system }]',
    );
    assert.equal(run(noClusterBindingToSystemGroup, yaml).status, 'compliant');
  });

  it('[S6][manifest] no-cluster-binding-to-system-group: system and everyone groups fail', () => {
    const yaml = binding(
      'ClusterRoleBinding',
      '',
      '{ kind: ClusterRole, name: view }',
      '[{ kind: Group, name: "a:admins" }, { kind: Group, name: "system:authenticated" }]',
    );
    assert.deepEqual(summary(run(noClusterBindingToSystemGroup, yaml)), {
      status: 'non-compliant',
      violations: [
        { params: { subject: 'Group a:admins' } },
        { variant: 'everyone', params: { subject: 'Group system:authenticated' } },
      ],
    });
  });

  it('[S6][manifest] no-rbac-wildcards: named verbs pass, wildcards fail', () => {
    const role = (rules: string) =>
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: { name: r, namespace: a }\nrules: ${rules}\n`;
    assert.equal(
      run(noRbacWildcards, role('[{ apiGroups: [""], resources: [pods], verbs: [get] }]')).status,
      'compliant',
    );
    assert.deepEqual(
      summary(
        run(
          noRbacWildcards,
          role(
            '[{ apiGroups: [""], resources: ["*"], verbs: ["*"] }, { apiGroups: [apps], resources: ["*/scale"], verbs: [get] }]',
          ),
        ),
      ).violations?.map((v) => v.params),
      [
        { rule: 0, field: 'verbs' },
        { rule: 0, field: 'resources' },
        { rule: 1, field: 'resources' },
      ],
    );
  });

  it('[S7][manifest] dedicated-service-account: named passes, default fails', () => {
    assert.equal(run(dedicatedServiceAccount, compliantDeployment()).status, 'compliant');
    assert.equal(run(dedicatedServiceAccount, podWithImage('x')).status, 'non-compliant');
    const explicitDefault =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { serviceAccountName: default, containers: [{ name: c, image: x }] }\n';
    assert.equal(run(dedicatedServiceAccount, explicitDefault).status, 'non-compliant');
  });

  it('[S7][manifest] service-account-exists: present passes, missing fails', () => {
    assert.equal(run(serviceAccountExists, compliantDeployment()).status, 'compliant');
    const missing = compliantDeployment().replace(
      'kind: ServiceAccount\nmetadata: { name: web, namespace: a }',
      'kind: ServiceAccount\nmetadata: { name: other, namespace: a }',
    );
    assert.deepEqual(summary(run(serviceAccountExists, missing)), {
      status: 'non-compliant',
      violations: [{ params: { name: 'web', namespace: 'a' } }],
    });
  });

  it('[S7][manifest] no-token-automount: ServiceAccount false is inherited by the pod', () => {
    const fromAccount = compliantDeployment().replace(
      '      automountServiceAccountToken: false\n',
      '',
    );
    assert.equal(run(noTokenAutomount, fromAccount).status, 'compliant');
  });

  it('[S7][manifest] no-token-automount: unset everywhere and pod true fail', () => {
    assert.deepEqual(summary(run(noTokenAutomount, podWithImage('x'))), {
      status: 'non-compliant',
      violations: [{ params: { serviceAccount: 'default' } }],
    });
    const podTrue =
      'apiVersion: v1\nkind: Pod\nmetadata: { name: p }\nspec: { automountServiceAccountToken: true, containers: [{ name: c, image: x }] }\n';
    assert.equal(summary(run(noTokenAutomount, podTrue)).violations?.[0]?.variant, 'pod');
  });

  it('[S2][manifest] namespace-pod-security: restricted passes, baseline fails', () => {
    const ns = (level: string) =>
      `apiVersion: v1\nkind: Namespace\nmetadata: { name: a, labels: { pod-security.kubernetes.io/enforce: ${level} } }\n`;
    assert.equal(run(namespacePodSecurity, ns('restricted')).status, 'compliant');
    assert.deepEqual(summary(run(namespacePodSecurity, ns('baseline'))), {
      status: 'non-compliant',
      violations: [{ params: { label: 'pod-security.kubernetes.io/enforce', value: 'baseline' } }],
    });
  });

  it('[S8][manifest] namespace-default-deny: one or two deny policies pass', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n';
    const policy = (name: string, spec: string) =>
      `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: ${name}, namespace: a }\nspec: ${spec}\n`;
    assert.equal(
      run(
        namespaceDefaultDeny,
        ns + policy('deny', '{ podSelector: {}, policyTypes: [Ingress, Egress] }'),
      ).status,
      'compliant',
    );
    const split =
      ns +
      policy('in', '{ podSelector: {} }') +
      policy('out', '{ podSelector: {}, policyTypes: [Egress] }');
    assert.equal(run(namespaceDefaultDeny, split).status, 'compliant');
  });

  it('[S8][manifest] namespace-default-deny: allow rules or other namespace fail', () => {
    const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: { name: a }\n';
    const allowAll = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: a }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress], ingress: [{}] }\n`;
    assert.deepEqual(summary(run(namespaceDefaultDeny, ns + allowAll)), {
      status: 'non-compliant',
      violations: [{ params: { namespace: 'a', directions: 'Ingress' } }],
    });
    const elsewhere = `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: p, namespace: b }\nspec: { podSelector: {}, policyTypes: [Ingress, Egress] }\n`;
    assert.equal(run(namespaceDefaultDeny, ns + elsewhere).status, 'non-compliant');
  });

  it('[S6][manifest] RBAC rules are not applicable to a Pod', () => {
    for (const rule of [
      rolebindingAllowedRole,
      rolebindingOwnSubjects,
      noClusterBindingToSystemGroup,
      noRbacWildcards,
    ]) {
      assert.equal(run(rule, podWithImage('x'), TEST_SETTINGS).status, 'not-applicable', rule.id);
    }
  });
});
