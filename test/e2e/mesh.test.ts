import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AdmissionregistrationV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';

import { apiMessage, applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { synth } from '../../src/synth/synth.js';
import { CertificateAuthority } from '../support/testbed/pki.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';

const CLI = 'dist/src/cli/main.js';
const CONFIG = 'examples/platform.yaml';
const CLUSTER = 'kinko-demo-blue';
const SYSTEM_NAMESPACES = ['a', 'b'];
const WEBHOOK = 'guard.kinko.dev';
const DENIED = `admission webhook "${WEBHOOK}" denied the request`;
const PEER_AUTHENTICATIONS = {
  group: 'security.istio.io',
  version: 'v1',
  plural: 'peerauthentications',
};

function peerAuthentication(namespace: string, name: string, mode: string): KubernetesObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name, namespace },
    spec: { mtls: { mode } },
  } as KubernetesObject;
}

/** Rule ids named `[rule-id]` in a denial message. */
function rulesIn(message: string): string[] {
  return [...message.matchAll(/\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\] /g)]
    .map((match) => match[1] ?? '')
    .sort();
}

/** Run `create` and return the guard's denial message; fail when the API server admits it. */
async function denial(create: () => Promise<unknown>): Promise<string> {
  try {
    await create();
  } catch (error) {
    return apiMessage(error);
  }
  return assert.fail('the API server admitted the object');
}

describe('service mesh on the real apiserver with Istio CRDs', () => {
  let bed: Testbed;
  let work: string;
  let child: ChildProcess | undefined;
  const logLines: string[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-mesh-'));
    const authority = await CertificateAuthority.create(work, 'guard-ca');
    const serving = await authority.issue({
      stem: 'guard',
      commonName: '127.0.0.1',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const ca = readFileSync(authority.certPath);

    child = spawn(
      process.execPath,
      [
        CLI,
        'guard',
        'serve',
        '--tls-cert',
        serving.certPath,
        '--tls-key',
        serving.keyPath,
        '--listen',
        '127.0.0.1:0',
        '--config',
        CONFIG,
      ],
      { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    });
    const port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      child?.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(stderr);
        if (match !== null) resolve(Number(match[1]));
      });
      child?.once('exit', (code) => reject(new Error(`kinko guard exited ${code}: ${stderr}`)));
    });

    synth({ configFile: CONFIG, outDir: join(work, 'out') });
    bed = await startTestbed();
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    // On EKS the Argo CD capability creates its namespace; here the test does, before the guard
    // judges Namespaces.
    await core.createNamespace({ body: { metadata: { name: 'argocd' } } });

    const operations = ['CREATE', 'UPDATE'];
    await bed.kubeConfig
      .makeApiClient(AdmissionregistrationV1Api)
      .createValidatingWebhookConfiguration({
        body: {
          metadata: { name: 'kinko-guard-mesh' },
          webhooks: [
            {
              name: WEBHOOK,
              admissionReviewVersions: ['v1'],
              sideEffects: 'None',
              failurePolicy: 'Fail',
              timeoutSeconds: 5,
              clientConfig: {
                url: `https://127.0.0.1:${port}/validate`,
                caBundle: ca.toString('base64'),
              },
              namespaceSelector: {
                matchExpressions: [
                  {
                    key: 'kubernetes.io/metadata.name',
                    operator: 'NotIn',
                    values: ['kube-system', 'kube-public', 'kube-node-lease', 'default', 'argocd'],
                  },
                ],
              },
              rules: [
                { apiGroups: [''], apiVersions: ['v1'], resources: ['namespaces'], operations },
                {
                  apiGroups: ['apps'],
                  apiVersions: ['v1'],
                  resources: ['deployments'],
                  operations,
                },
                {
                  apiGroups: [PEER_AUTHENTICATIONS.group],
                  apiVersions: [PEER_AUTHENTICATIONS.version],
                  resources: [PEER_AUTHENTICATIONS.plural],
                  operations,
                },
              ],
            },
          ],
        },
      });

    // The apiserver picks up a new webhook configuration within a moment; a Namespace without
    // Pod Security labels shows when the guard is being called.
    for (let attempt = 0; ; attempt++) {
      const name = `probe-${attempt}`;
      try {
        await core.createNamespace({ body: { metadata: { name } } });
      } catch (error) {
        if (apiMessage(error).includes(DENIED)) break;
        throw error;
      }
      await core.deleteNamespace({ name });
      if (attempt > 100) assert.fail('the apiserver never called kinko guard');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const objects = readManifestSet(clusterManifestDir(join(work, 'out'), CLUSTER));
    await applyManifests({ kubeConfig: bed.kubeConfig, objects, dryRun: false, prune: false });
  });

  after(async () => {
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await bed?.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('[S5][apiserver] system namespaces are ambient and STRICT', async () => {
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    const custom = bed.kubeConfig.makeApiClient(CustomObjectsApi);

    for (const namespace of [...SYSTEM_NAMESPACES, 'istio-system']) {
      const policy = (await custom.getNamespacedCustomObject({
        ...PEER_AUTHENTICATIONS,
        namespace,
        name: 'default',
      })) as { spec: { mtls: { mode: string } } };
      assert.equal(policy.spec.mtls.mode, 'STRICT', namespace);
    }
    for (const namespace of [...SYSTEM_NAMESPACES, 'nginx-ingress']) {
      const read = await core.readNamespace({ name: namespace });
      assert.equal(read.metadata?.labels?.['istio.io/dataplane-mode'], 'ambient', namespace);
    }
    const mesh = await core.readNamespace({ name: 'istio-system' });
    assert.equal(mesh.metadata?.labels?.['pod-security.kubernetes.io/enforce'], 'privileged');
  });

  it('[S5][apiserver] guard admits the synthesized mesh objects', () => {
    const reviews = logLines
      .map((line) => JSON.parse(line) as { verdict: string; kind: string; name: string })
      .filter((review) => review.kind === 'PeerAuthentication' || review.kind === 'Namespace')
      .filter((review) => !review.name.startsWith('probe-'));
    assert.ok(reviews.some((review) => review.kind === 'PeerAuthentication'));
    assert.deepEqual(
      reviews.filter((review) => review.verdict === 'denied'),
      [],
    );
  });

  it('[S5][apiserver] guard denies PERMISSIVE mTLS in a system', async () => {
    const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);

    const message = await denial(() =>
      objects.create(peerAuthentication('a', 'loose', 'PERMISSIVE')),
    );

    assert.ok(message.includes(DENIED), message);
    assert.deepEqual(rulesIn(message), ['mtls-strict']);
    assert.match(message, /\(HTTP 403\)$/);
  });

  it('[S5][apiserver] guard admits PERMISSIVE mTLS outside systems', async () => {
    const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);

    const created = await objects.create(peerAuthentication('nginx-ingress', 'edge', 'PERMISSIVE'));

    assert.equal(created.metadata?.name, 'edge');
  });

  it('[S5][apiserver] guard denies relabelling out of the mesh', async () => {
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    const namespace = await core.readNamespace({ name: 'b' });
    namespace.metadata = {
      ...namespace.metadata,
      labels: { ...namespace.metadata?.labels, 'istio.io/dataplane-mode': 'none' },
    };

    const message = await denial(() => core.replaceNamespace({ name: 'b', body: namespace }));

    assert.ok(message.includes(DENIED), message);
    assert.deepEqual(rulesIn(message), ['mesh-enrolled']);
    const unchanged = await core.readNamespace({ name: 'b' });
    assert.equal(unchanged.metadata?.labels?.['istio.io/dataplane-mode'], 'ambient');
  });

  it('[S5][apiserver] guard denies a Deployment bypassing inbound capture', async () => {
    const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);
    const synthesized = readManifestSet(clusterManifestDir(join(work, 'out'), CLUSTER))
      .map((entry) => entry.object)
      .find((object) => object.kind === 'Deployment' && object.metadata?.namespace === 'a');
    assert.ok(synthesized, 'the example platform has a Deployment in namespace a');
    const copy = structuredClone(synthesized) as KubernetesObject & {
      spec: { template: { metadata: { annotations?: Record<string, string> } } };
    };
    copy.metadata = { name: 'bypass', namespace: 'a' };
    copy.spec.template.metadata.annotations = {
      ...copy.spec.template.metadata.annotations,
      'ambient.istio.io/bypass-inbound-capture': 'true',
    };

    const message = await denial(() => objects.create(copy));

    assert.ok(message.includes(DENIED), message);
    assert.deepEqual(rulesIn(message), ['mesh-pod-capture']);
  });

  it('[S5][manifest] kinko check flags the same objects', () => {
    const file = join(work, 'weakened.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Namespace',
        'metadata:',
        '  name: b',
        '  labels:',
        '    pod-security.kubernetes.io/enforce: restricted',
        '    istio.io/dataplane-mode: none',
        '---',
        'apiVersion: security.istio.io/v1',
        'kind: PeerAuthentication',
        'metadata:',
        '  name: default',
        '  namespace: b',
        'spec:',
        '  mtls:',
        '    mode: PERMISSIVE',
        '',
      ].join('\n'),
    );

    const result = spawnSync(
      process.execPath,
      [CLI, 'check', file, '--config', CONFIG, '--format', 'json'],
      { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } },
    );

    assert.equal(result.status, 1, result.stderr);
    const report = JSON.parse(result.stdout) as { findings: { rule: string }[] };
    const meshRules = report.findings
      .map((finding) => finding.rule)
      .filter((rule) => ['mesh-enrolled', 'mtls-strict', 'namespace-mtls-strict'].includes(rule))
      .sort();
    assert.deepEqual(meshRules, ['mesh-enrolled', 'mtls-strict', 'namespace-mtls-strict']);
  });
});
