import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { meshEnrolled } from '../../../src/policy/rules/mesh-enrolled.js';
import { meshPodCapture } from '../../../src/policy/rules/mesh-pod-capture.js';
import { mtlsStrict } from '../../../src/policy/rules/mtls-strict.js';
import { namespaceMtlsStrict } from '../../../src/policy/rules/namespace-mtls-strict.js';
import { DEFAULT_SETTINGS } from '../../../src/policy/settings.js';
import { compliantDeployment, run, summary } from './fixtures.js';

function namespace(name: string, labels: string): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: { name: ${name}, labels: { ${labels} } }\n`;
}

function peerAuthentication(namespaceName: string, spec: string, name = 'default'): string {
  return `---\napiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: { name: ${name}, namespace: ${namespaceName} }\nspec: ${spec}\n`;
}

const AMBIENT = 'istio.io/dataplane-mode: ambient';

/** Render the compliant Deployment with `metadata` as its pod template's metadata. */
function deploymentWithPodMetadata(metadata: string, namespaceName = 'a'): string {
  return compliantDeployment()
    .replace('metadata: { labels: { app: web, tier: front } }', `metadata: ${metadata}`)
    .replace(
      'metadata: { name: web, namespace: a }',
      `metadata: { name: web, namespace: ${namespaceName} }`,
    );
}

describe('S5 mesh rules', () => {
  it('[S5][manifest] mesh-enrolled: ambient system namespace passes', () => {
    assert.equal(run(meshEnrolled, namespace('a', AMBIENT)).status, 'compliant');
  });

  it('[S5][manifest] mesh-enrolled: unlabelled system namespace fails', () => {
    assert.deepEqual(summary(run(meshEnrolled, namespace('a', ''))), {
      status: 'non-compliant',
      violations: [
        { params: { namespace: 'a', label: 'istio.io/dataplane-mode', value: 'unset' } },
      ],
    });
  });

  it('[S5][manifest] mesh-enrolled: dataplane-mode none fails', () => {
    const outcome = summary(run(meshEnrolled, namespace('b', 'istio.io/dataplane-mode: none')));
    assert.equal(outcome.status, 'non-compliant');
    assert.deepEqual(outcome.violations?.[0]?.params, {
      namespace: 'b',
      label: 'istio.io/dataplane-mode',
      value: 'none',
    });
  });

  it('[S5][manifest] mesh-enrolled: sidecar injection label fails', () => {
    const outcome = summary(
      run(meshEnrolled, namespace('a', `${AMBIENT}, istio-injection: enabled`)),
    );
    assert.deepEqual(outcome, {
      status: 'non-compliant',
      violations: [
        {
          variant: 'sidecar',
          params: { namespace: 'a', label: 'istio-injection', value: 'enabled' },
        },
      ],
    });
  });

  it('[S5][manifest] mesh-enrolled: revision label fails', () => {
    const outcome = summary(run(meshEnrolled, namespace('b', `${AMBIENT}, istio.io/rev: stable`)));
    assert.deepEqual(outcome.violations, [
      { variant: 'sidecar', params: { namespace: 'b', label: 'istio.io/rev', value: 'stable' } },
    ]);
  });

  it('[S5][manifest] mesh-enrolled: injection disabled passes', () => {
    const yaml = namespace('a', `${AMBIENT}, istio-injection: disabled`);
    assert.equal(run(meshEnrolled, yaml).status, 'compliant');
  });

  it('[S5][manifest] mesh-enrolled: non-system namespace is not applicable', () => {
    assert.equal(run(meshEnrolled, namespace('tools', '')).status, 'not-applicable');
  });

  it('[S5][manifest] mesh-enrolled: without systems nothing applies', () => {
    assert.equal(run(meshEnrolled, namespace('a', ''), DEFAULT_SETTINGS).status, 'not-applicable');
  });

  it('[S5][manifest] mesh-pod-capture: plain pod template passes', () => {
    assert.equal(run(meshPodCapture, compliantDeployment()).status, 'compliant');
  });

  it('[S5][manifest] mesh-pod-capture: pod label none fails', () => {
    const yaml = deploymentWithPodMetadata(
      "{ labels: { app: web, tier: front, 'istio.io/dataplane-mode': none } }",
    );
    assert.deepEqual(summary(run(meshPodCapture, yaml)), {
      status: 'non-compliant',
      violations: [{ params: { namespace: 'a', label: 'istio.io/dataplane-mode', value: 'none' } }],
    });
  });

  it('[S5][manifest] mesh-pod-capture: inbound bypass annotation fails', () => {
    const yaml = deploymentWithPodMetadata(
      "{ labels: { app: web, tier: front }, annotations: { 'ambient.istio.io/bypass-inbound-capture': 'true' } }",
    );
    assert.deepEqual(summary(run(meshPodCapture, yaml)), {
      status: 'non-compliant',
      violations: [
        {
          variant: 'bypass',
          params: { namespace: 'a', annotation: 'ambient.istio.io/bypass-inbound-capture' },
        },
      ],
    });
  });

  it('[S5][manifest] mesh-pod-capture: explicit ambient pod label passes', () => {
    const yaml = deploymentWithPodMetadata(
      "{ labels: { app: web, tier: front, 'istio.io/dataplane-mode': ambient } }",
    );
    assert.equal(run(meshPodCapture, yaml).status, 'compliant');
  });

  it('[S5][manifest] mesh-pod-capture: bypass outside systems is not applicable', () => {
    const yaml = deploymentWithPodMetadata(
      "{ labels: { app: web }, annotations: { 'ambient.istio.io/bypass-inbound-capture': 'true' } }",
      'nginx-ingress',
    );
    assert.equal(run(meshPodCapture, yaml).status, 'not-applicable');
  });

  it('[S5][manifest] mtls-strict: STRICT in a system namespace passes', () => {
    const yaml = peerAuthentication('a', '{ mtls: { mode: STRICT } }');
    assert.equal(run(mtlsStrict, yaml).status, 'compliant');
  });

  it('[S5][manifest] mtls-strict: PERMISSIVE in a system namespace fails', () => {
    const yaml = peerAuthentication('a', '{ mtls: { mode: PERMISSIVE } }');
    assert.deepEqual(summary(run(mtlsStrict, yaml)), {
      status: 'non-compliant',
      violations: [{ params: { namespace: 'a', mode: 'PERMISSIVE' } }],
    });
  });

  it('[S5][manifest] mtls-strict: DISABLE in a system namespace fails', () => {
    const yaml = peerAuthentication('b', '{ mtls: { mode: DISABLE } }');
    assert.deepEqual(summary(run(mtlsStrict, yaml)).violations, [
      { params: { namespace: 'b', mode: 'DISABLE' } },
    ]);
  });

  it('[S5][manifest] mtls-strict: permissive port under STRICT fails', () => {
    const yaml = peerAuthentication(
      'a',
      '{ selector: { matchLabels: { app: web } }, mtls: { mode: STRICT }, portLevelMtls: { 8080: { mode: PERMISSIVE }, 9090: { mode: STRICT } } }',
    );
    assert.deepEqual(summary(run(mtlsStrict, yaml)), {
      status: 'non-compliant',
      violations: [
        { variant: 'port', params: { namespace: 'a', mode: 'PERMISSIVE', port: '8080' } },
      ],
    });
  });

  it('[S5][manifest] mtls-strict: UNSET inherits and passes', () => {
    const yaml = peerAuthentication('a', '{ mtls: { mode: UNSET } }');
    assert.equal(run(mtlsStrict, yaml).status, 'compliant');
  });

  it('[S5][manifest] mtls-strict: PERMISSIVE outside systems is not applicable', () => {
    const yaml = peerAuthentication('nginx-ingress', '{ mtls: { mode: PERMISSIVE } }');
    assert.equal(run(mtlsStrict, yaml).status, 'not-applicable');
  });

  it('[S5][manifest] mtls-strict: foreign API group is not applicable', () => {
    const yaml =
      '---\napiVersion: example.test/v1\nkind: PeerAuthentication\nmetadata: { name: x, namespace: a }\nspec: { mtls: { mode: DISABLE } }\n';
    assert.equal(run(mtlsStrict, yaml).status, 'not-applicable');
  });

  it('[S5][manifest] namespace-mtls-strict: namespace STRICT policy passes', () => {
    const yaml = namespace('a', AMBIENT) + peerAuthentication('a', '{ mtls: { mode: STRICT } }');
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: mesh-wide STRICT covers the namespace', () => {
    const yaml =
      namespace('a', AMBIENT) + peerAuthentication('istio-system', '{ mtls: { mode: STRICT } }');
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: no policy at all fails', () => {
    assert.deepEqual(summary(run(namespaceMtlsStrict, namespace('a', AMBIENT))), {
      status: 'non-compliant',
      violations: [{ params: { namespace: 'a', root: 'istio-system' } }],
    });
  });

  it('[S5][manifest] namespace-mtls-strict: selector-only STRICT does not cover', () => {
    const yaml =
      namespace('a', AMBIENT) +
      peerAuthentication(
        'a',
        '{ selector: { matchLabels: { app: web } }, mtls: { mode: STRICT } }',
      );
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'non-compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: namespace PERMISSIVE overrides mesh', () => {
    const yaml =
      namespace('a', AMBIENT) +
      peerAuthentication('istio-system', '{ mtls: { mode: STRICT } }') +
      peerAuthentication('a', '{ mtls: { mode: PERMISSIVE } }');
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'non-compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: namespace UNSET inherits mesh STRICT', () => {
    const yaml =
      namespace('a', AMBIENT) +
      peerAuthentication('istio-system', '{ mtls: { mode: STRICT } }') +
      peerAuthentication('a', '{ mtls: { mode: UNSET } }');
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: mesh-wide PERMISSIVE fails', () => {
    const yaml =
      namespace('b', AMBIENT) +
      peerAuthentication('istio-system', '{ mtls: { mode: PERMISSIVE } }');
    assert.equal(run(namespaceMtlsStrict, yaml).status, 'non-compliant');
  });

  it('[S5][manifest] namespace-mtls-strict: STRICT default beside a PERMISSIVE one is ambiguous', () => {
    const yaml =
      namespace('a', AMBIENT) +
      peerAuthentication('a', '{ mtls: { mode: STRICT } }') +
      peerAuthentication('a', '{ mtls: { mode: PERMISSIVE } }', 'legacy');
    assert.deepEqual(summary(run(namespaceMtlsStrict, yaml)), {
      status: 'non-compliant',
      violations: [
        {
          variant: 'ambiguous',
          params: {
            namespace: 'a',
            root: 'istio-system',
            policies: 'default (STRICT), legacy (PERMISSIVE)',
          },
        },
      ],
    });
  });

  it('[S5][manifest] namespace-mtls-strict: the message names the looser mode at mesh level', () => {
    const yaml =
      namespace('b', AMBIENT) + peerAuthentication('istio-system', '{ mtls: { mode: DISABLE } }');
    assert.deepEqual(summary(run(namespaceMtlsStrict, yaml)), {
      status: 'non-compliant',
      violations: [
        {
          variant: 'meshNotStrict',
          params: { namespace: 'b', root: 'istio-system', policies: 'default (DISABLE)' },
        },
      ],
    });
  });

  it('[S5][manifest] namespace-mtls-strict: non-system namespace is not applicable', () => {
    assert.equal(run(namespaceMtlsStrict, namespace('tools', '')).status, 'not-applicable');
  });
});
