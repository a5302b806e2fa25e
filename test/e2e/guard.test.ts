import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AdmissionregistrationV1Api,
  ApiException,
  AppsV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  type KubernetesObject,
} from '@kubernetes/client-node';

import { loadPlatformConfig } from '../../src/config/load.js';
import { createAdmissionRegistry } from '../../src/guard/rules.js';
import { judgeObject } from '../../src/guard/verdict.js';
import { resolvePlatform } from '../../src/model/resolve.js';
import { apiMessage, applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { parseManifests } from '../../src/policy/input/parse.js';
import { recordAt, toResource, type KubeResource } from '../../src/policy/resource.js';
import { DEFAULT_SETTINGS, settingsFromPlatform } from '../../src/policy/settings.js';
import { synth } from '../../src/synth/synth.js';
import { CertificateAuthority } from '../support/testbed/pki.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';

const CLI = 'dist/src/cli/main.js';
const CONFIG = 'examples/platform.yaml';
const CORPUS = '../shared/corpora/manifests';
/** The corpus's images come from Docker Hub; allowing it lets the other rules decide. */
const EXTRA_REGISTRY = 'docker.io';
const WEBHOOK = 'guard.kinko.dev';
const DENIED = `admission webhook "${WEBHOOK}" denied the request`;
/** Kinds the webhook configuration sends to the guard, by API version. */
const INTERCEPTED: Record<string, readonly string[]> = {
  v1: ['Pod'],
  'apps/v1': ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'],
  'batch/v1': ['Job', 'CronJob'],
};
const SAMPLE_SIZE = 60;

interface HttpAnswer {
  status: number;
  body: string;
}

/** Send a GET (empty body) or a POST to the guard over HTTPS, trusting `ca`. */
function send(port: number, ca: Buffer, path: string, body: string | Buffer): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: body === '' ? 'GET' : 'POST',
        ca,
        headers: body === '' ? {} : { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry) ? [path] : [];
    });
}

/** Pick an evenly spaced sample of the corpus's objects of intercepted kinds, placed in `namespace`. */
function corpusSample(namespace: string): KubeResource[] {
  const candidates: KubeResource[] = [];
  for (const file of yamlFiles(CORPUS)) {
    const parsed = parseManifests(readFileSync(file, 'utf8'), file);
    for (const resource of parsed.resources) {
      if (!(INTERCEPTED[resource.apiVersion] ?? []).includes(resource.kind)) continue;
      const body = structuredClone(resource.body) as Record<string, unknown>;
      delete body.status;
      const metadata = { ...recordAt(body, 'metadata') };
      for (const key of ['resourceVersion', 'uid', 'creationTimestamp']) delete metadata[key];
      const placed = toResource({ ...body, metadata: { ...metadata, namespace } });
      if (placed !== undefined && resource.source !== undefined) {
        candidates.push({ ...placed, source: resource.source });
      }
    }
  }
  const step = Math.max(1, Math.floor(candidates.length / SAMPLE_SIZE));
  return candidates.filter((_, index) => index % step === 0).slice(0, SAMPLE_SIZE);
}

const GRACE_RULE = 'grace-period-exceeds-prestop';

function podSpecOf(resource: KubeResource): Record<string, unknown> | undefined {
  const spec = recordAt(resource.body, 'spec');
  if (resource.kind === 'Pod') return spec;
  const template =
    resource.kind === 'CronJob'
      ? recordAt(recordAt(recordAt(spec, 'jobTemplate'), 'spec'), 'template')
      : recordAt(spec, 'template');
  return recordAt(template, 'spec');
}

function omitsGracePeriod(resource: KubeResource): boolean {
  return podSpecOf(resource)?.terminationGracePeriodSeconds === undefined;
}

/** ServiceAccounts the sample's pods run as, `default` included. */
function serviceAccountsOf(sample: readonly KubeResource[]): string[] {
  const names = new Set(['default']);
  for (const resource of sample) {
    const spec = podSpecOf(resource);
    const name: unknown = spec?.serviceAccountName ?? spec?.serviceAccount;
    if (typeof name === 'string' && name !== '') names.add(name);
  }
  return [...names].sort();
}

/** Rule ids named `[rule-id]` in a denial message. */
function rulesIn(message: string): string[] {
  return [...message.matchAll(/\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\] /g)]
    .map((match) => match[1] ?? '')
    .sort();
}

describe('kinko guard as a validating webhook of the real apiserver', () => {
  let bed: Testbed;
  let work: string;
  let child: ChildProcess | undefined;
  let port = 0;
  let ca: Buffer;
  const logLines: string[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-guard-'));
    const authority = await CertificateAuthority.create(work, 'guard-ca');
    const serving = await authority.issue({
      stem: 'guard',
      commonName: '127.0.0.1',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    ca = readFileSync(authority.certPath);

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
        '--allowed-registry',
        EXTRA_REGISTRY,
      ],
      { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdoutRest = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      const parts = (stdoutRest + chunk.toString('utf8')).split('\n');
      stdoutRest = parts.pop() ?? '';
      logLines.push(...parts);
    });
    port = await new Promise<number>((resolve, reject) => {
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
    // On EKS the Argo CD capability creates its namespace; here the test does.
    await core.createNamespace({ body: { metadata: { name: 'argocd' } } });
    await core.createNamespace({ body: { metadata: { name: 'guard-test' } } });
    // Pod Security admission runs before webhooks; `privileged` leaves every pod to the guard.
    await core.createNamespace({
      body: {
        metadata: {
          name: 'guard-corpus',
          labels: { 'pod-security.kubernetes.io/enforce': 'privileged' },
        },
      },
    });

    const operations = ['CREATE', 'UPDATE'];
    await bed.kubeConfig
      .makeApiClient(AdmissionregistrationV1Api)
      .createValidatingWebhookConfiguration({
        body: {
          metadata: { name: 'kinko-guard' },
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
                    values: ['kube-system'],
                  },
                ],
              },
              rules: [
                { apiGroups: [''], apiVersions: ['v1'], resources: ['pods'], operations },
                {
                  apiGroups: ['apps'],
                  apiVersions: ['v1'],
                  resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'],
                  operations,
                },
                {
                  apiGroups: ['batch'],
                  apiVersions: ['v1'],
                  resources: ['jobs', 'cronjobs'],
                  operations,
                },
                {
                  apiGroups: ['argoproj.io'],
                  apiVersions: ['v1alpha1'],
                  resources: ['rollouts'],
                  operations,
                },
              ],
            },
          ],
        },
      });

    // The apiserver picks up a new webhook configuration within a moment; wait until it calls the guard.
    const probe = privilegedDeployment('guard-test', 'probe');
    const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);
    for (let attempt = 0; ; attempt++) {
      try {
        await objects.create(probe, undefined, 'All');
      } catch (error) {
        if (apiMessage(error).includes(DENIED)) break;
        throw error;
      }
      if (attempt > 100) assert.fail('the apiserver never called kinko guard');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
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

  function privilegedDeployment(namespace: string, name: string): KubernetesObject {
    const resource = readManifestSet(clusterManifestDir(join(work, 'out'), 'kinko-demo-blue'))
      .map((entry) => entry.object)
      .find((object) => object.kind === 'Deployment');
    assert.ok(resource, 'the example platform has a Deployment');
    const copy = structuredClone(resource) as KubernetesObject & { spec?: unknown };
    copy.metadata = { name, namespace };
    const pod = recordAt(recordAt(copy.spec, 'template'), 'spec');
    const container: unknown = (pod?.containers as unknown[] | undefined)?.[0];
    const securityContext = recordAt(container, 'securityContext');
    assert.ok(securityContext);
    // The apiserver itself rejects privileged with allowPrivilegeEscalation false (422, before
    // admission), so the privileged container leaves allowPrivilegeEscalation unset.
    securityContext.privileged = true;
    delete securityContext.allowPrivilegeEscalation;
    return copy as KubernetesObject;
  }

  it('[S1][apiserver] admits every synthesized manifest of the example platform', async () => {
    const objects = readManifestSet(clusterManifestDir(join(work, 'out'), 'kinko-demo-blue'));
    const before = logLines.length;
    const result = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects,
      dryRun: false,
      prune: false,
    });
    assert.equal(result.changes.length, objects.length);
    const reviews = logLines
      .slice(before)
      .map((line) => JSON.parse(line) as { verdict: string; kind: string; rules: string[] });
    assert.ok(reviews.some((review) => review.kind === 'Deployment'));
    assert.deepEqual(
      reviews.filter((review) => review.verdict !== 'allowed'),
      [],
    );
  });

  it('[S1][apiserver] denies a privileged Deployment with the rule’s message', async () => {
    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    const body = privilegedDeployment('guard-test', 'privileged') as never;
    await assert.rejects(
      apps.createNamespacedDeployment({ namespace: 'guard-test', body }),
      (error) => {
        assert.ok(error instanceof ApiException);
        assert.equal(error.code, 403);
        const message = apiMessage(error);
        assert.ok(
          message.startsWith(`${DENIED}: kinko guard denied the request (2 rule violations): `),
          message,
        );
        assert.deepEqual(rulesIn(message), ['no-privilege-escalation', 'no-privileged']);
        return true;
      },
    );
    const line = logLines
      .map((entry) => JSON.parse(entry) as Record<string, unknown>)
      .find((entry) => entry.name === 'privileged');
    assert.ok(line);
    assert.equal(line.verdict, 'denied');
    assert.deepEqual(line.rules, ['no-privilege-escalation', 'no-privileged']);
    assert.equal(line.namespace, 'guard-test');
    assert.equal(typeof line.duration_ms, 'number');
    assert.equal('object' in line, false);
  });

  it('[S1][apiserver] answers malformed, oversized and unknown-kind reviews and keeps serving', async () => {
    const malformed = await send(port, ca, '/validate', '{"apiVersion":');
    assert.equal(malformed.status, 400);
    const oversized = await send(port, ca, '/validate', Buffer.alloc(5 * 1024 * 1024, 0x20));
    assert.equal(oversized.status, 413);
    const unknown = await send(
      port,
      ca,
      '/validate',
      JSON.stringify({
        apiVersion: 'admission.k8s.io/v1',
        kind: 'AdmissionReview',
        request: {
          uid: 'u-7',
          operation: 'CREATE',
          kind: { group: 'example.test', version: 'v1', kind: 'Widget' },
          object: { apiVersion: 'example.test/v1', kind: 'Widget', metadata: { name: 'w' } },
        },
      }),
    );
    assert.equal(unknown.status, 200);
    const response = (JSON.parse(unknown.body) as { response: Record<string, unknown> }).response;
    assert.equal(response.uid, 'u-7');
    assert.equal(response.allowed, true);
    assert.equal((response.warnings as string[]).length, 1);

    assert.equal((await send(port, ca, '/healthz', '')).status, 200);
    assert.equal((await send(port, ca, '/readyz', '')).status, 200);
    const metrics = await send(port, ca, '/metrics', '');
    assert.match(metrics.body, /^kinko_guard_reviews_total\{verdict="invalid"\} [1-9]\d*$/m);
    assert.match(
      metrics.body,
      /^kinko_guard_rule_findings_total\{verdict="denied",rule="no-privileged"\} [1-9]\d*$/m,
    );
    assert.match(metrics.body, /^kinko_guard_review_duration_seconds_count [1-9]\d*$/m);
    assert.equal(child?.exitCode, null);
  });

  it(
    '[S1][apiserver] the guard on the apiserver agrees with the engine on corpus objects',
    {
      skip: existsSync(CORPUS)
        ? false
        : `corpus ${CORPUS} is absent (it sits beside the repository)`,
    },
    async () => {
      const platform = resolvePlatform(loadPlatformConfig(CONFIG));
      const fromPlatform = settingsFromPlatform(platform);
      const settings = {
        ...DEFAULT_SETTINGS,
        ...fromPlatform,
        allowedRegistries: [...fromPlatform.allowedRegistries, EXTRA_REGISTRY],
      };
      const registry = createAdmissionRegistry();
      const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);
      const sample = corpusSample('guard-corpus');
      assert.ok(sample.length >= 30, `only ${sample.length} corpus objects of intercepted kinds`);

      // Pods name their ServiceAccount; the apiserver refuses a pod whose account does not exist.
      const core = bed.kubeConfig.makeApiClient(CoreV1Api);
      for (const name of serviceAccountsOf(sample)) {
        await core.createNamespacedServiceAccount({
          namespace: 'guard-corpus',
          body: { metadata: { name } },
        });
      }

      const disagreements: string[] = [];
      const differByNature: string[] = [];
      const rejectedBeforeAdmission: string[] = [];
      let compared = 0;
      for (const resource of sample) {
        const label = `${resource.source?.file ?? ''} ${resource.kind} ${resource.name}`;
        const expected = judgeObject(resource, registry, settings)
          .denials.map((entry) => entry.rule)
          .sort();
        let actual: string[];
        try {
          await objects.create(resource.body as KubernetesObject, undefined, 'All');
          actual = [];
        } catch (error) {
          const message = apiMessage(error);
          if (!message.includes(DENIED)) {
            rejectedBeforeAdmission.push(`${label}: ${message}`);
            continue;
          }
          actual = rulesIn(message);
        }
        compared += 1;
        let unique = [...new Set(expected)];
        // The apiserver defaults terminationGracePeriodSeconds to 30 before admission, so a
        // manifest without it is judged on the default at admission and on its absence by check.
        if (
          unique.includes(GRACE_RULE) &&
          !actual.includes(GRACE_RULE) &&
          omitsGracePeriod(resource)
        ) {
          differByNature.push(`${label}: ${GRACE_RULE}`);
          unique = unique.filter((rule) => rule !== GRACE_RULE);
        }
        if (JSON.stringify(unique) !== JSON.stringify([...new Set(actual)])) {
          disagreements.push(`${label}: engine ${unique.join(',')} / webhook ${actual.join(',')}`);
        }
      }
      // Printed so the run shows which objects the apiserver refused before admission.
      console.log(
        `compared ${compared} of ${sample.length}; rejected before admission: ${JSON.stringify(rejectedBeforeAdmission, null, 1)}; differ by nature: ${JSON.stringify(differByNature, null, 1)}`,
      );
      assert.deepEqual(disagreements, []);
      assert.ok(compared >= 30, `only ${compared} objects reached the webhook`);
    },
  );
});
