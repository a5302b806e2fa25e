import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { gracePeriodExceedsPrestop } from '../../../src/policy/rules/grace-period-exceeds-prestop.js';
import { noDeprecatedTopologyLabels } from '../../../src/policy/rules/no-deprecated-topology-labels.js';
import { pdbSelectsWorkload } from '../../../src/policy/rules/pdb-selects-workload.js';
import { prestopSleep } from '../../../src/policy/rules/prestop-sleep.js';
import { replicasAtLeastTwo } from '../../../src/policy/rules/replicas-at-least-two.js';
import { spreadZonesAndHosts } from '../../../src/policy/rules/spread-zones-and-hosts.js';
import { compliantDeployment, run, summary, TEST_SETTINGS } from './fixtures.js';

/** Render a Deployment with one container, its lifecycle and extra pod spec fields. */
function deployment(podSpec: string, lifecycle = '', replicas = '3'): string {
  return `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: a }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      ${podSpec}
      containers: [{ name: web, image: x, ports: [{ containerPort: 80 }]${lifecycle} }]
`;
}

const ZONE = 'topology.kubernetes.io/zone';
const HOST = 'kubernetes.io/hostname';

describe('R2 and R6 rules', () => {
  it('[R2][manifest] compliant Deployment, StatefulSet and Rollout pass', () => {
    for (const kind of ['Deployment', 'StatefulSet', 'Rollout']) {
      for (const rule of [
        replicasAtLeastTwo,
        spreadZonesAndHosts,
        pdbSelectsWorkload,
        prestopSleep,
        gracePeriodExceedsPrestop,
      ]) {
        assert.equal(
          run(rule, compliantDeployment(undefined, kind)).status,
          'compliant',
          `${kind} ${rule.id}`,
        );
      }
    }
  });

  it('[R2][manifest] replicas-at-least-two: omitted and 1 fail', () => {
    assert.deepEqual(summary(run(replicasAtLeastTwo, deployment('', '', '1'))), {
      status: 'non-compliant',
      violations: [{ params: { replicas: '1' } }],
    });
    const omitted = deployment('').replace('  replicas: 3\n', '');
    assert.equal(run(replicasAtLeastTwo, omitted).status, 'non-compliant');
  });

  it('[R2][manifest] replicas-at-least-two: DaemonSet not applicable', () => {
    const daemonSet = deployment('').replace('kind: Deployment', 'kind: DaemonSet');
    assert.equal(run(replicasAtLeastTwo, daemonSet).status, 'not-applicable');
  });

  it('[R2][manifest] spread-zones-and-hosts: anti-affinity weight 100 passes', () => {
    const term = (key: string) =>
      `{ weight: 100, podAffinityTerm: { topologyKey: ${key}, labelSelector: { matchLabels: { app: web } } } }`;
    const spec = `affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [${term(ZONE)}, ${term(HOST)}] } }`;
    assert.equal(run(spreadZonesAndHosts, deployment(spec)).status, 'compliant');
  });

  it('[R2][manifest] spread-zones-and-hosts: mixed mechanisms pass', () => {
    const spec = `topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ${ZONE}, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }]
      affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: ${HOST}, labelSelector: { matchExpressions: [{ key: app, operator: In, values: [web] }] } }] } }`;
    assert.equal(run(spreadZonesAndHosts, deployment(spec)).status, 'compliant');
  });

  it('[R2][manifest] spread-zones-and-hosts: low weight and foreign selector fail', () => {
    const spec = `affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: ${ZONE}, labelSelector: { matchLabels: { app: web } } } }] } }
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ${HOST}, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: api } } }]`;
    assert.deepEqual(summary(run(spreadZonesAndHosts, deployment(spec))), {
      status: 'non-compliant',
      violations: [{ params: { keys: `${ZONE}, ${HOST}` } }],
    });
  });

  it('[R2][manifest] no-deprecated-topology-labels: current labels pass', () => {
    assert.equal(run(noDeprecatedTopologyLabels, compliantDeployment()).status, 'compliant');
  });

  it('[R2][manifest] no-deprecated-topology-labels: failure-domain key and selector fail', () => {
    const spec = `nodeSelector: { failure-domain.beta.kubernetes.io/region: ap-northeast-1 }
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: failure-domain.beta.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {} }]`;
    assert.deepEqual(
      summary(run(noDeprecatedTopologyLabels, deployment(spec))).violations?.map(
        (violation) => violation.params,
      ),
      [
        { label: 'failure-domain.beta.kubernetes.io/region' },
        { label: 'failure-domain.beta.kubernetes.io/zone' },
      ],
    );
  });

  it('[R6][manifest] pdb-selects-workload: no budget fails', () => {
    assert.deepEqual(summary(run(pdbSelectsWorkload, deployment(''))), {
      status: 'non-compliant',
      violations: [{ params: { namespace: 'a' } }],
    });
  });

  it('[R6][manifest] prestop-sleep: sleep action and exec sleep pass', () => {
    assert.equal(
      run(prestopSleep, deployment('', ', lifecycle: { preStop: { sleep: { seconds: 30 } } }'))
        .status,
      'compliant',
    );
    assert.equal(
      run(
        prestopSleep,
        deployment('', ', lifecycle: { preStop: { exec: { command: [sleep, "160"] } } }'),
      ).status,
      'compliant',
    );
    const shell =
      ', lifecycle: { preStop: { exec: { command: [/bin/sh, -c, "sleep 45 && nginx -s quit"] } } }';
    assert.equal(run(prestopSleep, deployment('', shell)).status, 'compliant');
  });

  it('[R6][manifest] prestop-sleep: sleep shorter than endpoint removal fails', () => {
    const hook = ', lifecycle: { preStop: { sleep: { seconds: 5 } } }';
    assert.deepEqual(summary(run(prestopSleep, deployment('', hook))), {
      status: 'non-compliant',
      violations: [
        {
          variant: 'tooShort',
          params: { container: 'containers[0] "web"', seconds: 5, minimum: 30 },
        },
      ],
    });
    const behindAlb = { ...TEST_SETTINGS, minimumPreStopSleepSeconds: 90 };
    const talk = ', lifecycle: { preStop: { sleep: { seconds: 160 } } }';
    assert.equal(run(prestopSleep, deployment('', talk), behindAlb).status, 'compliant');
    const short = ', lifecycle: { preStop: { sleep: { seconds: 60 } } }';
    assert.equal(run(prestopSleep, deployment('', short), behindAlb).status, 'non-compliant');
  });

  it('[R6][manifest] prestop-sleep: no hook and httpGet hook fail', () => {
    assert.deepEqual(summary(run(prestopSleep, deployment(''))), {
      status: 'non-compliant',
      violations: [{ params: { container: 'containers[0] "web"' } }],
    });
    const http = ', lifecycle: { preStop: { httpGet: { path: /stop, port: 80 } } }';
    assert.equal(run(prestopSleep, deployment('', http)).status, 'non-compliant');
  });

  it('[R6][manifest] grace-period: 180 over sleep 160 passes', () => {
    const hook = ', lifecycle: { preStop: { sleep: { seconds: 160 } } }';
    assert.equal(
      run(gracePeriodExceedsPrestop, deployment('terminationGracePeriodSeconds: 180', hook)).status,
      'compliant',
    );
  });

  it('[R6][manifest] grace-period: string "180s" fails as not an integer', () => {
    const hook = ', lifecycle: { preStop: { sleep: { seconds: 160 } } }';
    assert.deepEqual(
      summary(
        run(gracePeriodExceedsPrestop, deployment('terminationGracePeriodSeconds: "180s"', hook)),
      ),
      {
        status: 'non-compliant',
        violations: [
          {
            variant: 'notInteger',
            params: { sleep: 160, margin: 10, minimum: 171, value: '"180s"' },
          },
        ],
      },
    );
  });

  it('[R6][manifest] grace-period: within the margin fails', () => {
    const hook = ', lifecycle: { preStop: { exec: { command: [sleep, "160"] } } }';
    assert.deepEqual(
      summary(
        run(gracePeriodExceedsPrestop, deployment('terminationGracePeriodSeconds: 170', hook)),
      ),
      {
        status: 'non-compliant',
        violations: [{ params: { sleep: 160, margin: 10, minimum: 171, value: 170 } }],
      },
    );
  });

  it('[R6][manifest] grace-period: margin is configurable', () => {
    const hook = ', lifecycle: { preStop: { sleep: { seconds: 160 } } }';
    const yaml = deployment('terminationGracePeriodSeconds: 170', hook);
    assert.equal(
      run(gracePeriodExceedsPrestop, yaml, { ...TEST_SETTINGS, gracePeriodMarginSeconds: 5 })
        .status,
      'compliant',
    );
  });

  it('[R6][manifest] grace-period: unset fails with the default named', () => {
    const hook = ', lifecycle: { preStop: { sleep: { seconds: 20 } } }';
    assert.equal(
      summary(run(gracePeriodExceedsPrestop, deployment('', hook))).violations?.[0]?.variant,
      'unset',
    );
  });
});
