import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { Detection, DetectionFields } from '../../../src/audit/detection.js';
import { DETECTIONS } from '../../../src/audit/detections/index.js';
import type { AuditEvent } from '../../../src/audit/event.js';
import { auditEvent, pod, testContext } from './events.js';

interface Case {
  readonly name: string;
  readonly event: AuditEvent;
  /** Extra fields the detection adds, or undefined when it must not match. */
  readonly expected: DetectionFields | undefined;
}

const SYSTEM_ADMIN = { user: 'alice', groups: ['a:admins', 'system:authenticated'] };
const KCM = 'system:serviceaccount:kube-system:replicaset-controller';

function binding(kind: string, roleRef: string, subjects: Record<string, unknown>[]) {
  return {
    kind,
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: 'grant' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleRef },
    subjects,
  };
}

function role(rules: Record<string, unknown>[]) {
  return {
    kind: 'ClusterRole',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    metadata: { name: 'r' },
    rules,
  };
}

const CASES: Readonly<Record<string, readonly Case[]>> = {
  'pod-exec': [
    {
      name: 'exec by create',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'a',
        name: 'web-1',
        code: 101,
      }),
      expected: {},
    },
    {
      name: 'WebSocket exec arrives as get',
      event: auditEvent({
        verb: 'get',
        resource: 'pods',
        subresource: 'exec',
        namespace: 'a',
        name: 'web-1',
      }),
      expected: {},
    },
    {
      name: 'attach',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        subresource: 'attach',
        namespace: 'a',
      }),
      expected: {},
    },
    {
      name: 'reading pod logs is not exec',
      event: auditEvent({ verb: 'get', resource: 'pods', subresource: 'log', namespace: 'a' }),
      expected: undefined,
    },
    {
      name: 'reading a pod is not exec',
      event: auditEvent({ verb: 'get', resource: 'pods', namespace: 'a', name: 'web-1' }),
      expected: undefined,
    },
  ],
  'pod-port-forward': [
    {
      name: 'port-forward',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        subresource: 'portforward',
        namespace: 'a',
      }),
      expected: {},
    },
    {
      name: 'proxy is not port-forward',
      event: auditEvent({ verb: 'get', resource: 'pods', subresource: 'proxy', namespace: 'a' }),
      expected: undefined,
    },
  ],
  'pod-ephemeral-container': [
    {
      name: 'kubectl debug patches ephemeralcontainers',
      event: auditEvent({
        verb: 'patch',
        resource: 'pods',
        subresource: 'ephemeralcontainers',
        namespace: 'a',
      }),
      expected: {},
    },
    {
      name: 'reading ephemeralcontainers',
      event: auditEvent({
        verb: 'get',
        resource: 'pods',
        subresource: 'ephemeralcontainers',
        namespace: 'a',
      }),
      expected: undefined,
    },
  ],
  'pod-privileged': [
    {
      name: 'privileged init container',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({
          initContainers: [{ name: 'setup', securityContext: { privileged: true } }],
        }),
      }),
      expected: { containers: 'setup' },
    },
    {
      name: 'rejected privileged pod still reported from its request',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        code: 403,
        requestObject: pod({
          containers: [{ name: 'app', securityContext: { privileged: true } }],
        }),
        responseObject: { kind: 'Status', code: 403 },
      }),
      expected: { containers: 'app' },
    },
    {
      name: 'privileged false',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({
          containers: [{ name: 'app', securityContext: { privileged: false } }],
        }),
      }),
      expected: undefined,
    },
    {
      name: 'Deployment left to its pods',
      event: auditEvent({
        verb: 'create',
        resource: 'deployments',
        apiGroup: 'apps',
        namespace: 'a',
        requestObject: {
          kind: 'Deployment',
          spec: {
            template: {
              spec: { containers: [{ name: 'app', securityContext: { privileged: true } }] },
            },
          },
        },
      }),
      expected: undefined,
    },
  ],
  'pod-host-path': [
    {
      name: 'hostPath volume',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({
          volumes: [
            { name: 'root', hostPath: { path: '/' } },
            { name: 'tmp', emptyDir: {} },
          ],
        }),
      }),
      expected: { hostPaths: '/' },
    },
    {
      name: 'emptyDir only',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({ volumes: [{ name: 'tmp', emptyDir: {} }] }),
      }),
      expected: undefined,
    },
  ],
  'pod-host-namespace': [
    {
      name: 'hostNetwork and hostPID',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({ hostNetwork: true, hostPID: true, hostIPC: false }),
      }),
      expected: { hostNamespaces: 'hostNetwork,hostPID' },
    },
    {
      name: 'hostNetwork false',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'a',
        requestObject: pod({ hostNetwork: false }),
      }),
      expected: undefined,
    },
  ],
  'kube-system-workload': [
    {
      name: 'user creates a DaemonSet in kube-system',
      event: auditEvent({
        verb: 'create',
        resource: 'daemonsets',
        apiGroup: 'apps',
        namespace: 'kube-system',
        user: 'mallory',
      }),
      expected: {},
    },
    {
      name: 'controller creates a pod in kube-system',
      event: auditEvent({ verb: 'create', resource: 'pods', namespace: 'kube-system', user: KCM }),
      expected: undefined,
    },
    {
      name: 'ServiceAccount of another namespace is not a component',
      event: auditEvent({
        verb: 'create',
        resource: 'pods',
        namespace: 'kube-system',
        user: 'system:serviceaccount:a:a-app',
      }),
      expected: {},
    },
    {
      name: 'user creates a pod in a system namespace',
      event: auditEvent({ verb: 'create', resource: 'pods', namespace: 'a', user: 'mallory' }),
      expected: undefined,
    },
  ],
  'anonymous-allowed': [
    {
      name: 'anonymous list of secrets allowed',
      event: auditEvent({
        user: 'system:anonymous',
        groups: ['system:unauthenticated'],
        verb: 'list',
        resource: 'secrets',
      }),
      expected: {},
    },
    {
      name: 'anonymous health probe',
      event: auditEvent({
        user: 'system:anonymous',
        groups: ['system:unauthenticated'],
        requestURI: '/healthz',
      }),
      expected: undefined,
    },
    {
      name: 'anonymous request denied',
      event: auditEvent({
        user: 'system:anonymous',
        verb: 'list',
        resource: 'secrets',
        decision: 'forbid',
        code: 403,
      }),
      expected: undefined,
    },
  ],
  'binding-cluster-admin': [
    {
      name: 'ClusterRoleBinding to cluster-admin',
      event: auditEvent({
        verb: 'create',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        requestObject: binding('ClusterRoleBinding', 'cluster-admin', [
          { kind: 'User', name: 'mallory' },
        ]),
      }),
      expected: { roleRef: 'cluster-admin', subjects: 'User:mallory' },
    },
    {
      name: "apiserver's bootstrap binding",
      event: auditEvent({
        verb: 'create',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        user: 'system:apiserver',
        requestObject: binding('ClusterRoleBinding', 'cluster-admin', [
          { kind: 'Group', name: 'system:masters' },
        ]),
      }),
      expected: undefined,
    },
    {
      name: 'binding to view',
      event: auditEvent({
        verb: 'create',
        resource: 'clusterrolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        requestObject: binding('ClusterRoleBinding', 'view', [{ kind: 'User', name: 'mallory' }]),
      }),
      expected: undefined,
    },
  ],
  'binding-default-service-account': [
    {
      name: 'RoleBinding to default ServiceAccount',
      event: auditEvent({
        verb: 'create',
        resource: 'rolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        namespace: 'a',
        requestObject: binding('RoleBinding', 'edit', [
          { kind: 'ServiceAccount', name: 'default', namespace: 'a' },
        ]),
      }),
      expected: { roleRef: 'edit', subjects: 'ServiceAccount:a/default' },
    },
    {
      name: 'RoleBinding to a named ServiceAccount',
      event: auditEvent({
        verb: 'create',
        resource: 'rolebindings',
        apiGroup: 'rbac.authorization.k8s.io',
        namespace: 'a',
        requestObject: binding('RoleBinding', 'edit', [
          { kind: 'ServiceAccount', name: 'a-app', namespace: 'a' },
        ]),
      }),
      expected: undefined,
    },
  ],
  'role-risky-rules': [
    {
      name: 'wildcards and impersonate',
      event: auditEvent({
        verb: 'create',
        resource: 'clusterroles',
        apiGroup: 'rbac.authorization.k8s.io',
        requestObject: role([
          { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
          { apiGroups: [''], resources: ['users'], verbs: ['impersonate'] },
        ]),
      }),
      expected: { risks: 'wildcard-verbs,wildcard-resources,impersonate' },
    },
    {
      name: 'pods/exec',
      event: auditEvent({
        verb: 'update',
        resource: 'roles',
        apiGroup: 'rbac.authorization.k8s.io',
        namespace: 'a',
        requestObject: role([{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }]),
      }),
      expected: { risks: 'pods-exec' },
    },
    {
      name: 'read-only role',
      event: auditEvent({
        verb: 'create',
        resource: 'roles',
        apiGroup: 'rbac.authorization.k8s.io',
        namespace: 'a',
        requestObject: role([{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]),
      }),
      expected: undefined,
    },
    {
      name: 'control plane reconciling cluster-admin',
      event: auditEvent({
        verb: 'create',
        resource: 'clusterroles',
        apiGroup: 'rbac.authorization.k8s.io',
        user: 'system:apiserver',
        requestObject: role([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]),
      }),
      expected: undefined,
    },
  ],
  'cross-system-secret': [
    {
      name: "a admin reads b's secret, denied",
      event: auditEvent({
        ...SYSTEM_ADMIN,
        resource: 'secrets',
        namespace: 'b',
        name: 'db',
        code: 403,
        decision: 'forbid',
      }),
      expected: { fromSystem: 'a', toSystem: 'b' },
    },
    {
      name: "a's ServiceAccount lists b's secrets",
      event: auditEvent({
        user: 'system:serviceaccount:a:a-app',
        verb: 'list',
        resource: 'secrets',
        namespace: 'b',
      }),
      expected: { fromSystem: 'a', toSystem: 'b' },
    },
    {
      name: 'a admin lists secrets of every namespace',
      event: auditEvent({ ...SYSTEM_ADMIN, verb: 'list', resource: 'secrets' }),
      expected: { fromSystem: 'a', toSystem: '*' },
    },
    {
      name: 'a admin reads its own secret',
      event: auditEvent({ ...SYSTEM_ADMIN, resource: 'secrets', namespace: 'a', name: 'db' }),
      expected: undefined,
    },
    {
      name: 'cluster administrator reads any secret',
      event: auditEvent({
        user: 'admin',
        groups: ['system:masters'],
        resource: 'secrets',
        namespace: 'b',
      }),
      expected: undefined,
    },
  ],
  'cross-system-access': [
    {
      name: "a admin lists b's pods",
      event: auditEvent({ ...SYSTEM_ADMIN, verb: 'list', resource: 'pods', namespace: 'b' }),
      expected: { fromSystem: 'a', toSystem: 'b' },
    },
    {
      name: 'impersonating a member of b:admins into a',
      event: auditEvent({
        user: 'admin',
        groups: ['system:masters'],
        impersonate: { username: 'bob', groups: ['b:admins'] },
        verb: 'list',
        resource: 'configmaps',
        namespace: 'a',
      }),
      expected: { fromSystem: 'b', toSystem: 'a' },
    },
    {
      name: "b's secrets belong to cross-system-secret",
      event: auditEvent({ ...SYSTEM_ADMIN, resource: 'secrets', namespace: 'b' }),
      expected: undefined,
    },
    {
      name: 'a admin in kube-system is no other system',
      event: auditEvent({
        ...SYSTEM_ADMIN,
        verb: 'list',
        resource: 'pods',
        namespace: 'kube-system',
      }),
      expected: undefined,
    },
  ],
  'service-account-token': [
    {
      name: 'user mints a token',
      event: auditEvent({
        verb: 'create',
        resource: 'serviceaccounts',
        subresource: 'token',
        namespace: 'a',
        name: 'a-app',
      }),
      expected: {},
    },
    {
      name: 'kubelet mints a pod token',
      event: auditEvent({
        user: 'system:node:ip-10-0-1-1',
        groups: ['system:nodes'],
        verb: 'create',
        resource: 'serviceaccounts',
        subresource: 'token',
        namespace: 'a',
      }),
      expected: undefined,
    },
  ],
  'admission-change': [
    {
      name: 'webhook configuration deleted',
      event: auditEvent({
        verb: 'delete',
        resource: 'validatingwebhookconfigurations',
        apiGroup: 'admissionregistration.k8s.io',
        name: 'gatekeeper',
      }),
      expected: {},
    },
    {
      name: "Kinko's guard belongs to guard-change",
      event: auditEvent({
        verb: 'delete',
        resource: 'validatingwebhookconfigurations',
        apiGroup: 'admissionregistration.k8s.io',
        name: 'kinko-guard',
      }),
      expected: undefined,
    },
    {
      name: 'reading a webhook configuration',
      event: auditEvent({
        verb: 'get',
        resource: 'validatingwebhookconfigurations',
        apiGroup: 'admissionregistration.k8s.io',
      }),
      expected: undefined,
    },
  ],
  'guard-change': [
    {
      name: 'guard policy patched',
      event: auditEvent({
        verb: 'patch',
        resource: 'validatingadmissionpolicies',
        apiGroup: 'admissionregistration.k8s.io',
        name: 'kinko-pod-security',
      }),
      expected: {},
    },
    {
      name: 'other webhook',
      event: auditEvent({
        verb: 'patch',
        resource: 'mutatingwebhookconfigurations',
        apiGroup: 'admissionregistration.k8s.io',
        name: 'istio-sidecar-injector',
      }),
      expected: undefined,
    },
  ],
  'network-policy-deleted': [
    {
      name: 'user deletes a NetworkPolicy',
      event: auditEvent({
        verb: 'delete',
        resource: 'networkpolicies',
        apiGroup: 'networking.k8s.io',
        namespace: 'a',
        name: 'default-deny',
      }),
      expected: {},
    },
    {
      name: 'namespace controller deletes it with the namespace',
      event: auditEvent({
        user: 'system:serviceaccount:kube-system:namespace-controller',
        verb: 'deletecollection',
        resource: 'networkpolicies',
        apiGroup: 'networking.k8s.io',
        namespace: 'a',
      }),
      expected: undefined,
    },
    {
      name: 'NetworkPolicy created',
      event: auditEvent({
        verb: 'create',
        resource: 'networkpolicies',
        apiGroup: 'networking.k8s.io',
        namespace: 'a',
      }),
      expected: undefined,
    },
  ],
  'watched-source': [
    {
      name: 'address in a watched range',
      event: auditEvent({
        sourceIPs: ['203.0.113.7', '10.0.0.1'],
        resource: 'pods',
        namespace: 'a',
      }),
      expected: { watchedIPs: '203.0.113.7' },
    },
    {
      name: 'IPv4-mapped IPv6 address in a watched range',
      event: auditEvent({ sourceIPs: ['::ffff:203.0.113.9'], resource: 'pods', namespace: 'a' }),
      expected: { watchedIPs: '::ffff:203.0.113.9' },
    },
    {
      name: 'address outside the ranges',
      event: auditEvent({ sourceIPs: ['198.51.100.1'], resource: 'pods', namespace: 'a' }),
      expected: undefined,
    },
  ],
};

function detection(id: string): Detection {
  const found = DETECTIONS.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no detection ${id}`);
  return found;
}

for (const [id, cases] of Object.entries(CASES)) {
  describe(`detection ${id}`, () => {
    for (const testCase of cases) {
      it(`[${detection(id).practice}][unit] ${testCase.name}`, () => {
        const context = testContext({ watched: ['203.0.113.0/24'] });
        assert.deepEqual(detection(id).condition(testCase.event, context), testCase.expected);
      });
    }
  });
}

describe('detection denied-burst', () => {
  const denied = (time: string, namespace: string) =>
    auditEvent({
      ...SYSTEM_ADMIN,
      verb: 'get',
      resource: 'secrets',
      namespace,
      code: 403,
      decision: 'forbid',
      time,
    });

  it('[S6][unit] third denial within the window is a burst', () => {
    const context = testContext({ threshold: 3, windowSeconds: 60 });
    const burst = detection('denied-burst');
    assert.equal(burst.condition(denied('2026-12-04T10:00:00Z', 'b'), context), undefined);
    assert.equal(
      burst.condition(denied('2026-12-04T10:00:10Z', 'kube-system'), context),
      undefined,
    );
    assert.deepEqual(burst.condition(denied('2026-12-04T10:00:20Z', 'b'), context), {
      denied: 3,
      windowSeconds: 60,
      namespaces: 'b,kube-system',
      systems: 'b',
    });
  });

  it('[S6][unit] denials spread beyond the window are no burst', () => {
    const context = testContext({ threshold: 3, windowSeconds: 60 });
    const burst = detection('denied-burst');
    for (const time of ['2026-12-04T10:00:00Z', '2026-12-04T10:01:01Z', '2026-12-04T10:02:02Z']) {
      assert.equal(burst.condition(denied(time, 'b'), context), undefined);
    }
  });

  it('[S6][unit] allowed requests are not counted', () => {
    const context = testContext({ threshold: 1 });
    const allowed = auditEvent({ ...SYSTEM_ADMIN, resource: 'pods', namespace: 'a' });
    assert.equal(detection('denied-burst').condition(allowed, context), undefined);
  });
});

describe('detection registry', () => {
  it('[S12][unit] every detection has a case in this file', () => {
    const tested = new Set([...Object.keys(CASES), 'denied-burst']);
    assert.deepEqual(
      DETECTIONS.map((candidate) => candidate.id).filter((id) => !tested.has(id)),
      [],
    );
  });
});
