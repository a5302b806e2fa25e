import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  type KubernetesObject,
  type V1Deployment,
  type V1ValidatingWebhookConfiguration,
} from '@kubernetes/client-node';

import { GUARD_TLS_SECRET, GUARD_WEBHOOK_NAME } from '../../src/kube/guard/names.js';
import { apiMessage, applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { synth } from '../../src/synth/synth.js';
import { CertificateAuthority } from '../support/testbed/pki.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';

const CLI = 'dist/src/cli/main.js';
const EXAMPLE = 'examples/platform.yaml';
const CLUSTER = 'kinko-demo-blue';
const GUARD_NAMESPACE = 'kinko-guard';
const SYSTEM_NAMESPACE = 'a';
/** A digest of the right form; no image is pulled, since kwok pods run no containers. */
const GUARD_DIGEST = `sha256:${'7'.repeat(64)}`;
const DENIED = `admission webhook "${GUARD_WEBHOOK_NAME}" denied the request`;
const UNREACHABLE = `failed calling webhook "${GUARD_WEBHOOK_NAME}"`;

/** Writes the example platform with the guard declared into `work` and returns its path. */
function writeGuardConfig(work: string): string {
  const path = join(work, 'platform.yaml');
  const guard = `\nguard:\n  image:\n    digest: ${GUARD_DIGEST}\n`;
  writeFileSync(path, readFileSync(EXAMPLE, 'utf8') + guard);
  return path;
}

function kinko(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, LANG: 'C' },
  });
}

describe('kinko check on the guard’s own deployment', () => {
  let work: string;
  let config: string;

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-guard-check-'));
    config = writeGuardConfig(work);
    synth({ configFile: config, outDir: join(work, 'out') });
  });

  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S2][check] synthesized guard manifests have no finding', () => {
    const folder = join(work, 'out', 'k8s', CLUSTER, GUARD_NAMESPACE);
    const result = kinko(['check', '--config', config, '--fail-on', 'info', folder]);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, / 0 error\(s\), 0 warning\(s\), 0 info, 1 suppressed, 0 input /);
    assert.equal(result.status, 0);
  });

  it('[S4][check] guard suppresses only the TLS Secret volume', () => {
    const folder = join(work, 'out', 'k8s', CLUSTER, GUARD_NAMESPACE);
    const result = kinko(['check', '--config', config, '--format', 'json', folder]);
    const report = JSON.parse(result.stdout) as { suppressed: { rule: string }[] };
    assert.deepEqual(
      report.suppressed.map((entry) => entry.rule),
      ['secrets-via-csi'],
    );
  });

  it('[S1][check] guard Dockerfile has no finding', () => {
    const result = kinko(['check', '--fail-on', 'info', 'deploy/guard/Dockerfile']);
    assert.match(result.stdout, / 0 error\(s\), 0 warning\(s\), 0 info, 0 suppressed, 0 input /);
    assert.equal(result.status, 0);
  });

  it('[S4][manifest] guard output carries no Secret and no private key', () => {
    const objects = readManifestSet(join(work, 'out', 'k8s', CLUSTER, GUARD_NAMESPACE));
    assert.deepEqual(
      objects.filter((entry) => entry.object.kind === 'Secret'),
      [],
    );
    for (const entry of objects) {
      assert.doesNotMatch(JSON.stringify(entry.object), /PRIVATE KEY/);
    }
  });
});

describe('kinko guard behind its synthesized webhook configuration', () => {
  let bed: Testbed;
  let work: string;
  let out: string;
  let guard: ChildProcess | undefined;
  let port = 0;
  let authority: CertificateAuthority;
  let serving: { certPath: string; keyPath: string };
  const logLines: string[] = [];

  /** Returns the synthesized Deployment's arguments with the local certificate files and address. */
  function localArguments(deployment: V1Deployment, certPath: string, keyPath: string): string[] {
    const args = [...(deployment.spec?.template.spec?.containers[0]?.args ?? [])];
    const replace = (flag: string, value: string): void => {
      const index = args.indexOf(flag);
      assert.ok(index >= 0, `the guard's Deployment passes ${flag}`);
      args[index + 1] = value;
    };
    replace('--tls-cert', certPath);
    replace('--tls-key', keyPath);
    replace('--listen', '127.0.0.1:0');
    return args;
  }

  function synthesized<T extends KubernetesObject>(kind: string, folder = GUARD_NAMESPACE): T {
    const found = readManifestSet(join(out, 'k8s', CLUSTER, folder)).find(
      (entry) => entry.object.kind === kind,
    );
    assert.ok(found, `the output has a ${kind} in ${folder}`);
    return structuredClone(found.object) as T;
  }

  /** Copies system A's first synthesized Deployment under a new name, privileged on request. */
  function appDeployment(namespace: string, name: string, privileged: boolean): V1Deployment {
    const copy = synthesized<V1Deployment & KubernetesObject>('Deployment', SYSTEM_NAMESPACE);
    copy.metadata = { name, namespace };
    const container = copy.spec?.template.spec?.containers[0];
    assert.ok(container?.securityContext);
    if (privileged) {
      // The apiserver rejects privileged with allowPrivilegeEscalation false before admission.
      container.securityContext.privileged = true;
      delete container.securityContext.allowPrivilegeEscalation;
    }
    return copy;
  }

  /** `name verdict` of each review the guard logged for `namespace`. */
  function reviewsOf(namespace: string): string[] {
    return logLines
      .map(
        (line) =>
          JSON.parse(line) as { msg: string; namespace?: string; name?: string; verdict?: string },
      )
      .filter((line) => line.msg === 'review' && line.namespace === namespace)
      .map((line) => `${line.name ?? ''} ${line.verdict ?? ''}`);
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-guard-deploy-'));
    out = join(work, 'out');
    synth({ configFile: writeGuardConfig(work), outDir: out });

    // The serving certificate names 127.0.0.1 because the webhook is reached by URL below; the
    // one cert-manager issues in a cluster names the Service's DNS names.
    authority = await CertificateAuthority.create(work, 'guard-ca');
    serving = await authority.issue({
      stem: 'guard',
      commonName: '127.0.0.1',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const deployment = synthesized<V1Deployment & KubernetesObject>('Deployment');
    guard = spawn(
      process.execPath,
      [CLI, ...localArguments(deployment, serving.certPath, serving.keyPath)],
      { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let rest = '';
    guard.stdout?.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      logLines.push(...parts);
    });
    port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      guard?.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(stderr);
        if (match !== null) resolve(Number(match[1]));
      });
      guard?.once('exit', (code) => reject(new Error(`kinko guard exited ${code}: ${stderr}`)));
    });

    bed = await startTestbed();
    // On EKS the Argo CD capability creates its namespace; here the test does.
    await bed.kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'argocd' } } });
  });

  after(async () => {
    if (guard !== undefined && guard.exitCode === null) {
      const exited = new Promise((resolve) => guard?.once('exit', resolve));
      guard.kill('SIGTERM');
      await exited;
    }
    await bed?.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('[S2][apiserver] kinko apply creates every synthesized object', async () => {
    const objects = readManifestSet(clusterManifestDir(out, CLUSTER));
    const result = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects,
      dryRun: false,
      prune: false,
    });
    assert.equal(result.changes.length, objects.length);

    const certificates = await bed.kubeConfig
      .makeApiClient(CustomObjectsApi)
      .listNamespacedCustomObject({
        group: 'cert-manager.io',
        version: 'v1',
        namespace: GUARD_NAMESPACE,
        plural: 'certificates',
      });
    const names = (certificates as { items: KubernetesObject[] }).items
      .map((item) => item.metadata?.name)
      .sort();
    assert.deepEqual(names, ['kinko-guard-ca', 'kinko-guard-serving']);
  });

  it('[S2][apiserver] webhook configuration is stored as synthesized', async () => {
    const stored = await bed.kubeConfig
      .makeApiClient(AdmissionregistrationV1Api)
      .readValidatingWebhookConfiguration({ name: 'kinko-guard' });
    const webhook = stored.webhooks?.[0];
    assert.equal(webhook?.failurePolicy, 'Fail');
    assert.equal(webhook?.matchPolicy, 'Equivalent');
    assert.equal(webhook?.sideEffects, 'None');
    assert.equal(webhook?.timeoutSeconds, 5);
    assert.deepEqual(webhook?.admissionReviewVersions, ['v1']);
    assert.deepEqual(
      { ...webhook?.clientConfig.service },
      { namespace: GUARD_NAMESPACE, name: 'kinko-guard', path: '/validate', port: 443 },
    );
  });

  it('[S2][apiserver] denies a privileged Deployment in a system namespace', async () => {
    // cert-manager does not run in the test bed, so the test does its two jobs: it writes the
    // serving key pair into the Secret the Certificate names, and the CA into the webhook's
    // caBundle, as the CA injector would. The only other change to the synthesized webhook
    // configuration is its address: kwok pods run no process, so the guard runs here.
    const ca = readFileSync(authority.certPath);
    await bed.kubeConfig.makeApiClient(CoreV1Api).createNamespacedSecret({
      namespace: GUARD_NAMESPACE,
      body: {
        metadata: { name: GUARD_TLS_SECRET },
        type: 'kubernetes.io/tls',
        data: {
          'tls.crt': readFileSync(serving.certPath).toString('base64'),
          'tls.key': readFileSync(serving.keyPath).toString('base64'),
          'ca.crt': ca.toString('base64'),
        },
      },
    });
    const configuration = synthesized<V1ValidatingWebhookConfiguration & KubernetesObject>(
      'ValidatingWebhookConfiguration',
    );
    const webhook = configuration.webhooks?.[0];
    assert.ok(webhook);
    webhook.clientConfig = {
      url: `https://127.0.0.1:${port}/validate`,
      caBundle: ca.toString('base64'),
    };
    const admission = bed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
    const stored = await admission.readValidatingWebhookConfiguration({ name: 'kinko-guard' });
    configuration.metadata = {
      ...configuration.metadata,
      resourceVersion: stored.metadata?.resourceVersion,
    };
    await admission.replaceValidatingWebhookConfiguration({
      name: 'kinko-guard',
      body: configuration,
    });

    // The exported ValidatingAdmissionPolicies in the same output run before webhooks, so they
    // would reject the privileged Deployment first. Their bindings are deleted to let the guard decide.
    const bindings = readManifestSet(join(out, 'k8s', CLUSTER, GUARD_NAMESPACE))
      .map((entry) => entry.object)
      .filter((object) => object.kind === 'ValidatingAdmissionPolicyBinding');
    for (const binding of bindings) {
      await admission.deleteValidatingAdmissionPolicyBinding({
        name: binding.metadata?.name ?? '',
      });
    }

    // The apiserver reloads webhook configurations shortly after a change, so retry until the guard responds.
    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    const body = appDeployment(SYSTEM_NAMESPACE, 'privileged', true);
    let message = '';
    for (let attempt = 0; attempt <= 100 && !message.includes(DENIED); attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      try {
        await apps.createNamespacedDeployment({ namespace: SYSTEM_NAMESPACE, body, dryRun: 'All' });
        message = 'admitted';
      } catch (error) {
        message = apiMessage(error);
      }
    }
    assert.match(message, new RegExp(DENIED));
    assert.match(message, /\[no-privileged\] /);
  });

  it('[S2][apiserver] admits a compliant Deployment in a system namespace', async () => {
    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    const created = await apps.createNamespacedDeployment({
      namespace: SYSTEM_NAMESPACE,
      body: appDeployment(SYSTEM_NAMESPACE, 'compliant', false),
      dryRun: 'All',
    });
    assert.equal(created.metadata?.name, 'compliant');
    assert.ok(reviewsOf(SYSTEM_NAMESPACE).includes('compliant allowed'));
  });

  it('[S2][apiserver] kube-system is not sent to the guard', async () => {
    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    const created = await apps.createNamespacedDeployment({
      namespace: 'kube-system',
      body: appDeployment('kube-system', 'privileged', true),
      dryRun: 'All',
    });
    assert.equal(created.metadata?.name, 'privileged');
    assert.deepEqual(reviewsOf('kube-system'), []);
  });

  it('[S2][apiserver] guard down rejects system namespaces only', async () => {
    const exited = new Promise((resolve) => guard?.once('exit', resolve));
    guard?.kill('SIGTERM');
    await exited;

    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    await assert.rejects(
      apps.createNamespacedDeployment({
        namespace: SYSTEM_NAMESPACE,
        body: appDeployment(SYSTEM_NAMESPACE, 'while-down', false),
        dryRun: 'All',
      }),
      (error: unknown) => apiMessage(error).includes(UNREACHABLE),
    );
    const created = await apps.createNamespacedDeployment({
      namespace: 'default',
      body: appDeployment('default', 'while-down', true),
      dryRun: 'All',
    });
    assert.equal(created.metadata?.name, 'while-down');
  });
});
