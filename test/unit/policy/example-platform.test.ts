import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { buildManifests, renderManifestFile, manifestFilePath } from '../../../src/kube/index.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { evaluate } from '../../../src/policy/engine.js';
import { parseManifests } from '../../../src/policy/input/parse.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { DEFAULT_SETTINGS, settingsFromPlatform } from '../../../src/policy/settings.js';

describe("Kinko's own manifests", () => {
  it('[S2][manifest] example platform passes every rule', () => {
    const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));
    const { files } = buildManifests(platform);
    const resources = files.flatMap((file) => {
      const parsed = parseManifests(renderManifestFile(file), manifestFilePath(file));
      assert.deepEqual(parsed.problems, []);
      return parsed.resources;
    });
    const result = evaluate(resources, createKinkoRegistry(), {
      ...DEFAULT_SETTINGS,
      ...settingsFromPlatform(platform),
    });

    assert.deepEqual(
      result.findings.map(
        (finding) => `${finding.rule.id} ${finding.resource.kind} ${finding.resource.name}`,
      ),
      [],
    );
    // Each cluster's Argo CD registration is a Secret by Argo CD's design. The Argo CD capability
    // reads every resource of the listed API groups and writes any kind in the chart namespaces.
    // The mesh namespace runs Istio's privileged node agents. All are suppressed with reasons.
    assert.deepEqual(
      result.suppressed.map(
        (entry) => `${entry.rule.id} ${entry.resource.kind} ${entry.resource.name}`,
      ),
      platform.clusters.flatMap((cluster) => [
        `no-secret-data Secret cluster-${cluster.name}`,
        'no-rbac-wildcards ClusterRole kinko-argocd-read',
        'no-rbac-wildcards Role kinko-argocd-deploy',
        'no-rbac-wildcards Role kinko-argocd-deploy',
        'namespace-pod-security Namespace istio-system',
        'namespace-default-deny Namespace istio-system',
      ]),
    );
    assert.ok(resources.some((resource) => resource.kind === 'Deployment'));
  });
});
