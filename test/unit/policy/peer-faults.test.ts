import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { parseImageReference, registryAllows } from '../../../src/policy/image.js';
import { selectorMatches } from '../../../src/policy/selector.js';
import { dropAllCapabilities } from '../../../src/policy/rules/drop-all-capabilities.js';
import { imageAllowedRegistry } from '../../../src/policy/rules/image-allowed-registry.js';
import { pdbSelectsWorkload } from '../../../src/policy/rules/pdb-selects-workload.js';
import { readOnlyRootFilesystem } from '../../../src/policy/rules/read-only-root-filesystem.js';
import { runAsNonRoot } from '../../../src/policy/rules/run-as-non-root.js';
import { seccompRuntimeDefault } from '../../../src/policy/rules/seccomp-runtime-default.js';
import { podTemplateOf } from '../../../src/policy/workload.js';
import { compliantDeployment, IMAGE, objects, run, summary, TEST_SETTINGS } from './fixtures.js';

describe('faults peers get wrong', () => {
  it('[S1][manifest] pod-level runAsNonRoot and seccomp are inherited', () => {
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsNonRoot: true, seccompProfile: { type: RuntimeDefault } }
  containers: [{ name: app, image: ${IMAGE}, securityContext: { allowPrivilegeEscalation: false } }]
`;
    assert.equal(run(runAsNonRoot, yaml).status, 'compliant');
    assert.equal(run(seccompRuntimeDefault, yaml).status, 'compliant');
  });

  it('[S1][manifest] container setting overrides the pod-level one', () => {
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  securityContext: { runAsUser: 1000, seccompProfile: { type: RuntimeDefault } }
  containers: [{ name: app, image: x, securityContext: { runAsUser: 0, seccompProfile: { type: Unconfined } } }]
`;
    assert.equal(summary(run(runAsNonRoot, yaml)).violations?.[0]?.variant, 'rootUser');
    assert.equal(run(seccompRuntimeDefault, yaml).status, 'non-compliant');
  });

  it('[S1][manifest] init and ephemeral containers are checked too', () => {
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers: [{ name: init, image: x }]
  containers: [{ name: app, image: x, securityContext: { readOnlyRootFilesystem: true } }]
  ephemeralContainers: [{ name: debug, image: x }]
`;
    assert.deepEqual(summary(run(readOnlyRootFilesystem, yaml)), {
      status: 'non-compliant',
      violations: [
        { params: { container: 'initContainers[0] "init"' } },
        { params: { container: 'ephemeralContainers[0] "debug"' } },
      ],
    });
  });

  it('[S1][manifest] capability names compare case-insensitively', () => {
    for (const spelling of ['all', 'ALL', 'All', 'CAP_ALL']) {
      const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: app, image: x, securityContext: { capabilities: { drop: [${spelling}], add: [net_bind_service] } } }]
`;
      assert.equal(run(dropAllCapabilities, yaml).status, 'compliant', spelling);
    }
  });

  it('[S1][manifest] every workload kind yields its pod template', () => {
    const template = `template: { metadata: { labels: { app: w } }, spec: { containers: [{ name: c, image: x }] } }`;
    const cases: [string, string, string][] = [
      ['v1', 'Pod', `spec: { containers: [{ name: c, image: x }] }`],
      ['apps/v1', 'Deployment', `spec: { ${template} }`],
      ['apps/v1', 'StatefulSet', `spec: { ${template} }`],
      ['apps/v1', 'DaemonSet', `spec: { ${template} }`],
      ['apps/v1', 'ReplicaSet', `spec: { ${template} }`],
      ['batch/v1', 'Job', `spec: { ${template} }`],
      [
        'batch/v1',
        'CronJob',
        `spec: { schedule: "* * * * *", jobTemplate: { spec: { ${template} } } }`,
      ],
      ['argoproj.io/v1alpha1', 'Rollout', `spec: { ${template} }`],
    ];
    for (const [apiVersion, kind, spec] of cases) {
      const [resource] = objects(
        `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: w }\n${spec}\n`,
      );
      assert.ok(resource !== undefined);
      const pod = podTemplateOf(resource);
      assert.ok(pod !== undefined, kind);
      assert.equal(
        run(
          readOnlyRootFilesystem,
          `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: { name: w }\n${spec}\n`,
        ).status,
        'non-compliant',
        kind,
      );
    }
  });

  it('[S1][manifest] Rollout with workloadRef is not applicable', () => {
    const yaml = `
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: { name: r }
spec: { workloadRef: { apiVersion: apps/v1, kind: Deployment, name: web } }
`;
    assert.equal(run(readOnlyRootFilesystem, yaml).status, 'not-applicable');
  });

  it('[R6][manifest] empty selector selects every label set', () => {
    assert.equal(selectorMatches({}, {}), true);
    assert.equal(selectorMatches({}, { app: 'web' }), true);
    assert.equal(selectorMatches({ matchLabels: {}, matchExpressions: [] }, { app: 'web' }), true);
  });

  it('[R6][manifest] missing selector selects nothing', () => {
    assert.equal(selectorMatches(undefined, { app: 'web' }), false);
    assert.equal(selectorMatches(null, {}), false);
  });

  it('[R6][manifest] matchLabels and matchExpressions are ANDed', () => {
    const selector = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }],
    };
    assert.equal(selectorMatches(selector, { app: 'web', tier: 'front' }), true);
    assert.equal(selectorMatches(selector, { app: 'web', tier: 'back' }), false);
    assert.equal(selectorMatches(selector, { app: 'api', tier: 'front' }), false);
  });

  it('[R6][manifest] expression operators follow Kubernetes', () => {
    const labels = { app: 'web' };
    const expression = (operator: string, key = 'app', values?: string[]) => ({
      matchExpressions: [{ key, operator, ...(values ? { values } : {}) }],
    });
    assert.equal(selectorMatches(expression('In', 'app', ['web', 'api']), labels), true);
    assert.equal(selectorMatches(expression('In', 'app', ['api']), labels), false);
    assert.equal(selectorMatches(expression('NotIn', 'app', ['api']), labels), true);
    assert.equal(selectorMatches(expression('NotIn', 'app', ['web']), labels), false);
    assert.equal(selectorMatches(expression('NotIn', 'tier', ['x']), labels), true);
    assert.equal(selectorMatches(expression('Exists'), labels), true);
    assert.equal(selectorMatches(expression('Exists', 'tier'), labels), false);
    assert.equal(selectorMatches(expression('DoesNotExist', 'tier'), labels), true);
    assert.equal(selectorMatches(expression('DoesNotExist'), labels), false);
    assert.equal(selectorMatches(expression('Gt', 'app', ['1']), labels), false);
  });

  it('[R6][manifest] a PDB matches pod template labels, not the workload labels', () => {
    const withBudget = (selector: string): string => `
apiVersion: apps/v1
kind: Deployment
metadata: { name: web, namespace: a, labels: { team: x } }
spec:
  replicas: 2
  selector: { matchLabels: { app: web } }
  template: { metadata: { labels: { app: web } }, spec: { containers: [{ name: c, image: x }] } }
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: { name: web, namespace: a }
spec: { maxUnavailable: 1, selector: ${selector} }
`;
    assert.equal(
      run(pdbSelectsWorkload, withBudget('{ matchLabels: { app: web } }')).status,
      'compliant',
    );
    assert.equal(
      run(pdbSelectsWorkload, withBudget('{ matchLabels: { team: x } }')).status,
      'non-compliant',
    );
    assert.equal(run(pdbSelectsWorkload, withBudget('{}')).status, 'compliant');
    const v1beta1 = withBudget('{}').replace('policy/v1', 'policy/v1beta1');
    assert.equal(run(pdbSelectsWorkload, v1beta1).status, 'non-compliant');
  });

  it('[R6][manifest] a PDB in another namespace does not count', () => {
    const other = compliantDeployment().replace(
      'kind: PodDisruptionBudget\nmetadata: { name: web, namespace: a }',
      'kind: PodDisruptionBudget\nmetadata: { name: web, namespace: b }',
    );
    assert.equal(run(pdbSelectsWorkload, other).status, 'non-compliant');
  });

  it('[S3][manifest] registry matches whole host names only', () => {
    const allowed = 'registry.example';
    const allows = (image: string) => registryAllows(allowed, parseImageReference(image));
    assert.equal(allows('registry.example/team/app:1.0'), true);
    assert.equal(allows('REGISTRY.example/team/app:1.0'), true);
    assert.equal(allows('registry.example.evil.test/team/app:1.0'), false);
    assert.equal(allows('evil.test/registry.example/app:1.0'), false);
    assert.equal(allows('registry.example:5000/app:1.0'), false);
    assert.equal(allows('sub.registry.example/app:1.0'), false);
    assert.equal(allows('registry.example'), false);
  });

  it('[S3][manifest] registry prefix matches whole path segments', () => {
    const allows = (image: string) =>
      registryAllows('registry.example/team', parseImageReference(image));
    assert.equal(allows('registry.example/team/app:1.0'), true);
    assert.equal(allows('registry.example/teamx/app:1.0'), false);
  });

  it('[S3][manifest] Docker Hub short names are not a registry host', () => {
    assert.deepEqual(parseImageReference('nginx'), {
      host: 'docker.io',
      repository: 'library/nginx',
    });
    assert.deepEqual(parseImageReference('registry.example/nginx:1.0'), {
      host: 'registry.example',
      repository: 'nginx',
      tag: '1.0',
    });
    const yaml = `
apiVersion: v1
kind: Pod
metadata: { name: p }
spec: { containers: [{ name: app, image: "registry.example.evil.test/app:1.0" }] }
`;
    const settings = { ...TEST_SETTINGS, allowedRegistries: ['registry.example'] };
    assert.equal(run(imageAllowedRegistry, yaml, settings).status, 'non-compliant');
  });
});
