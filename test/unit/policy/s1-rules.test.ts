import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { dropAllCapabilities } from '../../../src/policy/rules/drop-all-capabilities.js';
import { noHostIpc, noHostNetwork, noHostPid } from '../../../src/policy/rules/host-namespaces.js';
import { noHostPath } from '../../../src/policy/rules/no-host-path.js';
import { noHostPort } from '../../../src/policy/rules/no-host-port.js';
import { noPrivilegeEscalation } from '../../../src/policy/rules/no-privilege-escalation.js';
import { noPrivileged } from '../../../src/policy/rules/no-privileged.js';
import { readOnlyRootFilesystem } from '../../../src/policy/rules/read-only-root-filesystem.js';
import { runAsNonRoot } from '../../../src/policy/rules/run-as-non-root.js';
import { seccompRuntimeDefault } from '../../../src/policy/rules/seccomp-runtime-default.js';
import { compliantDeployment, IMAGE, run, summary } from './fixtures.js';

/** Render a Pod with one container whose securityContext is `context`, plus pod fields `podExtra`. */
function pod(context: string, podExtra = ''): string {
  return `
apiVersion: v1
kind: Pod
metadata: { name: p, namespace: a }
spec:${podExtra}
  containers:
    - name: app
      image: ${IMAGE}
      securityContext: ${context}
`;
}

const CONTAINER = 'containers[0] "app"';

describe('S1 rules', () => {
  it('[S1][manifest] hardened Deployment passes every S1 rule', () => {
    for (const rule of [
      runAsNonRoot,
      noPrivilegeEscalation,
      noPrivileged,
      dropAllCapabilities,
      seccompRuntimeDefault,
      readOnlyRootFilesystem,
      noHostPath,
      noHostNetwork,
      noHostPid,
      noHostIpc,
      noHostPort,
    ]) {
      assert.equal(run(rule, compliantDeployment()).status, 'compliant', rule.id);
    }
  });

  it('[S1][manifest] run-as-non-root: runAsNonRoot true alone passes', () => {
    assert.equal(run(runAsNonRoot, pod('{ runAsNonRoot: true }')).status, 'compliant');
  });

  it('[S1][manifest] run-as-non-root: non-zero runAsUser alone passes', () => {
    assert.equal(run(runAsNonRoot, pod('{ runAsUser: 1000 }')).status, 'compliant');
  });

  it('[S1][manifest] run-as-non-root: nothing set fails', () => {
    assert.deepEqual(summary(run(runAsNonRoot, pod('{}'))), {
      status: 'non-compliant',
      violations: [{ params: { container: CONTAINER } }],
    });
  });

  it('[S1][manifest] run-as-non-root: runAsUser 0 fails despite runAsNonRoot', () => {
    assert.deepEqual(summary(run(runAsNonRoot, pod('{ runAsNonRoot: true, runAsUser: 0 }'))), {
      status: 'non-compliant',
      violations: [{ variant: 'rootUser', params: { container: CONTAINER } }],
    });
  });

  it('[S1][manifest] no-privilege-escalation: false passes, unset fails', () => {
    assert.equal(
      run(noPrivilegeEscalation, pod('{ allowPrivilegeEscalation: false }')).status,
      'compliant',
    );
    assert.equal(run(noPrivilegeEscalation, pod('{}')).status, 'non-compliant');
    assert.equal(
      run(noPrivilegeEscalation, pod('{ allowPrivilegeEscalation: true }')).status,
      'non-compliant',
    );
  });

  it('[S1][manifest] no-privileged: unset passes, true fails', () => {
    assert.equal(run(noPrivileged, pod('{}')).status, 'compliant');
    assert.equal(run(noPrivileged, pod('{ privileged: true }')).status, 'non-compliant');
  });

  it('[S1][manifest] drop-all-capabilities: drop ALL and add NET_BIND_SERVICE passes', () => {
    const context = '{ capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] } }';
    assert.equal(run(dropAllCapabilities, pod(context)).status, 'compliant');
  });

  it('[S1][manifest] drop-all-capabilities: dropping only NET_RAW fails', () => {
    assert.deepEqual(
      summary(run(dropAllCapabilities, pod('{ capabilities: { drop: [NET_RAW] } }'))),
      {
        status: 'non-compliant',
        violations: [{ params: { container: CONTAINER } }],
      },
    );
  });

  it('[S1][manifest] drop-all-capabilities: adding SYS_ADMIN back fails', () => {
    const context = '{ capabilities: { drop: [ALL], add: [SYS_ADMIN, cap_net_raw] } }';
    assert.deepEqual(summary(run(dropAllCapabilities, pod(context))), {
      status: 'non-compliant',
      violations: [
        { variant: 'added', params: { container: CONTAINER, capabilities: 'SYS_ADMIN, NET_RAW' } },
      ],
    });
  });

  it('[S1][manifest] seccomp-runtime-default: RuntimeDefault and Localhost pass', () => {
    assert.equal(
      run(seccompRuntimeDefault, pod('{ seccompProfile: { type: RuntimeDefault } }')).status,
      'compliant',
    );
    const localhost = '{ seccompProfile: { type: Localhost, localhostProfile: p.json } }';
    assert.equal(run(seccompRuntimeDefault, pod(localhost)).status, 'compliant');
  });

  it('[S1][manifest] seccomp-runtime-default: Unconfined and unset fail', () => {
    assert.deepEqual(
      summary(run(seccompRuntimeDefault, pod('{ seccompProfile: { type: Unconfined } }'))),
      {
        status: 'non-compliant',
        violations: [{ params: { container: CONTAINER, value: 'Unconfined' } }],
      },
    );
    assert.deepEqual(summary(run(seccompRuntimeDefault, pod('{}'))), {
      status: 'non-compliant',
      violations: [{ params: { container: CONTAINER, value: 'unset' } }],
    });
  });

  it('[S1][manifest] read-only-root-filesystem: true passes, unset fails', () => {
    assert.equal(
      run(readOnlyRootFilesystem, pod('{ readOnlyRootFilesystem: true }')).status,
      'compliant',
    );
    assert.equal(run(readOnlyRootFilesystem, pod('{}')).status, 'non-compliant');
  });

  it('[S1][manifest] no-host-path: emptyDir passes, hostPath fails', () => {
    const emptyDir = pod('{}', '\n  volumes: [{ name: tmp, emptyDir: {} }]');
    assert.equal(run(noHostPath, emptyDir).status, 'compliant');
    const hostPath = pod(
      '{}',
      '\n  volumes: [{ name: sock, hostPath: { path: /var/run/docker.sock } }]',
    );
    assert.deepEqual(summary(run(noHostPath, hostPath)), {
      status: 'non-compliant',
      violations: [{ params: { volume: 'sock', path: '/var/run/docker.sock' } }],
    });
  });

  it('[S1][manifest] host namespaces: false passes, true fails per field', () => {
    for (const [rule, field] of [
      [noHostNetwork, 'hostNetwork'],
      [noHostPid, 'hostPID'],
      [noHostIpc, 'hostIPC'],
    ] as const) {
      assert.equal(run(rule, pod('{}', `\n  ${field}: false`)).status, 'compliant', field);
      assert.deepEqual(summary(run(rule, pod('{}', `\n  ${field}: true`))), {
        status: 'non-compliant',
        violations: [{ params: { field } }],
      });
    }
  });

  it('[S1][manifest] no-host-port: containerPort passes, hostPort fails', () => {
    const withPorts = (ports: string): string => `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: x, ports: ${ports} }]
`;
    assert.equal(run(noHostPort, withPorts('[{ containerPort: 80 }]')).status, 'compliant');
    assert.deepEqual(
      summary(run(noHostPort, withPorts('[{ containerPort: 80, hostPort: 8080 }]'))),
      {
        status: 'non-compliant',
        violations: [{ params: { container: CONTAINER, port: '8080' } }],
      },
    );
  });

  it('[S1][manifest] pod rules are not applicable to a ConfigMap', () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: c }\ndata: { a: b }\n';
    assert.equal(run(runAsNonRoot, configMap).status, 'not-applicable');
    assert.equal(run(noHostPath, configMap).status, 'not-applicable');
  });
});
