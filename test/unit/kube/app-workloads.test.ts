import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

import type { V1Deployment, V1PodDisruptionBudget, V1Service } from '@kubernetes/client-node';
import { parseDocument } from 'yaml';

import { ConfigError, parsePlatformConfig } from '../../../src/config/load.js';
import { buildManifests, manifestFilePath, renderManifestFile } from '../../../src/kube/index.js';
import type { Application } from '../../../src/kube/argocd-types.js';
import type { ManifestFile } from '../../../src/kube/manifest-file.js';
import type { Rollout } from '../../../src/kube/rollout.js';
import type { VirtualServer } from '../../../src/kube/virtual-server.js';
import type { ResolvedPlatform } from '../../../src/model/platform.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import { evaluate } from '../../../src/policy/engine.js';
import { parseManifests } from '../../../src/policy/input/parse.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import { DEFAULT_SETTINGS, settingsFromPlatform } from '../../../src/policy/settings.js';
import { allObjects, findObject } from '../../support/kube-find.js';

const EXAMPLE = readFileSync('examples/platform.yaml', 'utf8');

/** Resolves the example platform with `blueGreen` set on a/web, a/api and b/trade. */
function platformWith(blueGreen: {
  web?: Record<string, unknown>;
  api?: Record<string, unknown>;
  trade?: Record<string, unknown>;
}): ResolvedPlatform {
  const document = parseDocument(EXAMPLE);
  const paths = { web: [0, 0], api: [0, 1], trade: [1, 0] } as const;
  for (const [app, value] of Object.entries(blueGreen)) {
    const [system, index] = paths[app as keyof typeof paths];
    document.setIn(['systems', system, 'apps', index, 'blueGreen'], document.createNode(value));
  }
  return resolvePlatform(parsePlatformConfig(document.toString(), 'platform.yaml'));
}

function filesOfFirstCluster(platform: ResolvedPlatform): ManifestFile[] {
  const first = platform.clusters[0]?.name;
  return buildManifests(platform).files.filter((file) => file.cluster === first);
}

function kindsAndNames(files: ManifestFile[], namespace: string, fileName: string): string[] {
  const file = files.find((f) => f.namespace === namespace && f.fileName === fileName);
  return (file?.objects ?? []).map((object) => `${object.kind} ${object.metadata.name}`);
}

describe('kube app blue/green objects', () => {
  it('[R3][manifest] app without blueGreen keeps one Deployment', () => {
    const files = filesOfFirstCluster(platformWith({}));

    assert.deepEqual(kindsAndNames(files, 'a', '40-web.yaml'), [
      'Deployment web',
      'Service web',
      'PodDisruptionBudget web',
    ]);
  });

  it('[R3][manifest] service method runs both colours', () => {
    const files = filesOfFirstCluster(
      platformWith({ web: { method: 'service', previewImage: { tag: '1.5.0' } } }),
    );

    assert.deepEqual(kindsAndNames(files, 'a', '40-web.yaml'), [
      'Deployment web-blue',
      'Deployment web-green',
      'Service web',
      'Service web-preview',
      'PodDisruptionBudget web-blue',
      'PodDisruptionBudget web-green',
    ]);
    const blue = findObject<V1Deployment>(files, 'Deployment', 'web-blue', 'a');
    const green = findObject<V1Deployment>(files, 'Deployment', 'web-green', 'a');
    assert.equal(blue.spec?.selector.matchLabels?.['kinko.dev/colour'], 'blue');
    assert.equal(blue.spec?.template.metadata?.labels?.['kinko.dev/colour'], 'blue');
    assert.match(blue.spec?.template.spec?.containers[0]?.image ?? '', /\/a\/web:1\.4\.2$/);
    assert.match(green.spec?.template.spec?.containers[0]?.image ?? '', /\/a\/web:1\.5\.0$/);
    const live = findObject<V1Service>(files, 'Service', 'web', 'a');
    const preview = findObject<V1Service>(files, 'Service', 'web-preview', 'a');
    assert.equal(live.spec?.selector?.['kinko.dev/colour'], 'blue');
    assert.equal(preview.spec?.selector?.['kinko.dev/colour'], 'green');
    const budget = findObject<V1PodDisruptionBudget>(
      files,
      'PodDisruptionBudget',
      'web-green',
      'a',
    );
    assert.equal(budget.spec?.selector?.matchLabels?.['kinko.dev/colour'], 'green');
  });

  it('[R3][manifest] live green puts the preview image on blue', () => {
    const files = filesOfFirstCluster(
      platformWith({ web: { method: 'service', live: 'green', previewImage: { tag: '1.5.0' } } }),
    );

    const blue = findObject<V1Deployment>(files, 'Deployment', 'web-blue', 'a');
    const live = findObject<V1Service>(files, 'Service', 'web', 'a');
    assert.match(blue.spec?.template.spec?.containers[0]?.image ?? '', /:1\.5\.0$/);
    assert.equal(live.spec?.selector?.['kinko.dev/colour'], 'green');
  });

  it('[R3][manifest] upstream method routes to the live colour', () => {
    const files = filesOfFirstCluster(platformWith({ api: { method: 'upstream' } }));

    assert.deepEqual(kindsAndNames(files, 'a', '40-api.yaml'), [
      'Deployment api-blue',
      'Deployment api-green',
      'Service api-blue',
      'Service api-green',
      'PodDisruptionBudget api-blue',
      'PodDisruptionBudget api-green',
    ]);
    const route = findObject<VirtualServer>(files, 'VirtualServer', 'a', 'a');
    assert.deepEqual(route.spec.upstreams, [
      { name: 'web', service: 'web', port: 8080 },
      { name: 'api-blue', service: 'api-blue', port: 8081 },
      { name: 'api-green', service: 'api-green', port: 8081 },
    ]);
    assert.deepEqual(route.spec.routes, [
      { path: '/', action: { pass: 'web' } },
      { path: '/api', action: { pass: 'api-blue' } },
    ]);
  });

  it('[R3][manifest] rollout method emits an Argo Rollout', () => {
    const files = filesOfFirstCluster(platformWith({ trade: { method: 'rollout' } }));

    assert.deepEqual(kindsAndNames(files, 'b', '40-trade.yaml'), [
      'Rollout trade',
      'Service trade',
      'Service trade-preview',
      'PodDisruptionBudget trade',
    ]);
    const rollout = findObject<Rollout>(files, 'Rollout', 'trade', 'b');
    assert.equal(rollout.apiVersion, 'argoproj.io/v1alpha1');
    assert.deepEqual(rollout.spec.strategy, {
      blueGreen: {
        activeService: 'trade',
        previewService: 'trade-preview',
        autoPromotionEnabled: false,
      },
    });
    for (const constraint of rollout.spec.template.spec?.topologySpreadConstraints ?? []) {
      assert.deepEqual(constraint.matchLabelKeys, ['rollouts-pod-template-hash']);
    }
    assert.equal(
      allObjects(files).some(
        (object) => object.kind === 'Deployment' && object.metadata.name === 'trade',
      ),
      false,
    );
  });

  it('[R3][manifest] every method passes every rule', () => {
    const platform = platformWith({
      web: { method: 'service', previewImage: { tag: '1.5.0' }, smokeCheck: {} },
      api: { method: 'upstream' },
      trade: { method: 'rollout' },
    });
    const resources = filesOfFirstCluster(platform)
      .filter((file) => file.namespace === 'a' || file.namespace === 'b')
      .flatMap(
        (file) => parseManifests(renderManifestFile(file), manifestFilePath(file)).resources,
      );

    const result = evaluate(resources, createKinkoRegistry(), {
      ...DEFAULT_SETTINGS,
      ...settingsFromPlatform(platform),
    });

    assert.deepEqual(
      result.findings.map((f) => `${f.rule.id} ${f.resource.kind} ${f.resource.name}`),
      [],
    );
    assert.ok(resources.some((resource) => resource.kind === 'Rollout'));
  });

  it('[R3][manifest] ledger records the object each switch patches', () => {
    const platform = platformWith({
      web: { method: 'service' },
      api: { method: 'upstream' },
      trade: { method: 'rollout' },
    });
    const first = platform.clusters[0]?.name;

    const entries = buildManifests(platform)
      .ledger.filter((entry) => entry.practice === 'R3' && entry.cluster === first)
      .map((entry) => `${entry.kind} ${entry.namespace ?? ''}/${entry.name} ${entry.file}`);

    assert.deepEqual(entries, [
      `Service a/web k8s/${first}/a/40-web.yaml`,
      `VirtualServer a/a k8s/${first}/a/50-route.yaml`,
      `Rollout b/trade k8s/${first}/b/40-trade.yaml`,
    ]);
  });

  it('[R3][unit] smoke check path defaults to the health check path', () => {
    const platform = platformWith({ web: { method: 'service', smokeCheck: {} } });

    const web = platform.systems[0]?.apps[0];
    assert.deepEqual(web?.blueGreen?.smokeCheck, {
      path: '/healthz',
      expectStatus: 200,
      timeoutSeconds: 10,
    });
    assert.equal(web?.blueGreen?.previewImage, web?.image);
  });

  it('[R3][unit] preview image with rollout is rejected', () => {
    assert.throws(
      () => platformWith({ trade: { method: 'rollout', previewImage: { tag: '3.3.0' } } }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.problems.some(
          (problem) => problem.messageId === 'config.blueGreen.previewImageWithRollout',
        ),
    );
  });

  it('[R3][manifest] Argo CD keeps the colour a switch wrote', () => {
    const files = filesOfFirstCluster(
      platformWith({ web: { method: 'service' }, api: { method: 'upstream' } }),
    );
    const application = findObject<Application>(files, 'Application', 'a', 'argocd');

    assert.ok(application.spec.syncPolicy.syncOptions.includes('RespectIgnoreDifferences=true'));
    assert.deepEqual(application.spec.ignoreDifferences, [
      {
        group: '',
        kind: 'Service',
        name: 'web',
        namespace: 'a',
        jqPathExpressions: ['.spec.selector["kinko.dev/colour"]'],
      },
      {
        group: '',
        kind: 'Service',
        name: 'web-preview',
        namespace: 'a',
        jqPathExpressions: ['.spec.selector["kinko.dev/colour"]'],
      },
      {
        group: 'k8s.nginx.org',
        kind: 'VirtualServer',
        name: 'a',
        namespace: 'a',
        jqPathExpressions: ['.spec.routes[] | select(.path == "/api") | .action.pass'],
      },
    ]);
  });

  it('[R3][manifest] a system without blueGreen apps ignores no field', () => {
    const files = filesOfFirstCluster(platformWith({ web: { method: 'service' } }));
    const application = findObject<Application>(files, 'Application', 'b', 'argocd');

    assert.equal(application.spec.ignoreDifferences, undefined);
    assert.ok(!application.spec.syncPolicy.syncOptions.includes('RespectIgnoreDifferences=true'));
  });
});
