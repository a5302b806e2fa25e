import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Service } from '@kubernetes/client-node';

import { buildManifests, ManifestBuildError } from '../../../src/kube/index.js';
import type { VirtualServer } from '../../../src/kube/virtual-server.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

describe('kube VirtualServer', () => {
  it('[manifest] route has an upstream and a path per app', () => {
    const { files } = buildManifests(kubeFixture());

    const route = findObject<VirtualServer>(files, 'VirtualServer', 'a', 'a');

    assert.equal(route.apiVersion, 'k8s.nginx.org/v1');
    assert.deepEqual(route.spec, {
      host: 'a.bank.example.co.jp',
      ingressClassName: 'nginx',
      upstreams: [
        { name: 'web', service: 'web', port: 8080 },
        { name: 'api', service: 'api', port: 8081 },
      ],
      routes: [
        { path: '/', action: { pass: 'web' } },
        { path: '/api', action: { pass: 'api' } },
      ],
    });
    assert.equal(findFile(files, 'a', '50-route.yaml').objects.length, 1);
  });

  it('[manifest] upstream port matches the Service port', () => {
    const { files } = buildManifests(kubeFixture());

    const route = findObject<VirtualServer>(files, 'VirtualServer', 'b', 'b');

    for (const upstream of route.spec.upstreams) {
      const service = findObject<V1Service>(files, 'Service', upstream.service, 'b');
      assert.equal(service.spec?.ports?.[0]?.port, upstream.port, upstream.name);
      assert.equal(service.spec?.type, 'ClusterIP');
    }
  });

  it('[manifest] two apps on one route path are rejected', () => {
    const platform = kubeFixture();
    const [systemA, systemB] = platform.systems;
    assert.ok(systemA);
    assert.ok(systemB);
    const apps = systemA.apps.map((app) => ({ ...app, routePath: '/' }));

    assert.throws(
      () => buildManifests({ ...platform, systems: [{ ...systemA, apps }, systemB] }),
      (error: unknown) =>
        error instanceof ManifestBuildError &&
        error.code === 'KUBE_DUPLICATE_ROUTE_PATH' &&
        error.message.includes('apps web and api'),
    );
  });
});
