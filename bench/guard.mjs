// Benchmark of `kinko guard`, in one run:
//   1. webhook latency: AdmissionReviews of the example platform's Deployments sent over HTTPS on
//      127.0.0.1 to `kinko guard serve` (a child process) at fixed request rates, open loop. Each
//      request is timed from the moment the schedule makes it due, so a stalled guard shows
//      as latency instead of as fewer requests (no coordinated omission).
//   2. apiserver create latency on the test bed: server-side dry-run creates of one compliant
//      Deployment, one after another, with (a) no admission policy, (b) Kinko's exported
//      ValidatingAdmissionPolicies, (c) the guard behind the synthesized webhook configuration.
//      Dry-run runs validation and every admission step but skips etcd, so the differences
//      between the legs are the admission costs. Each leg's time includes the same client cost.
//
//   npm run build && node bench/guard.mjs
//   BENCH_SECONDS=10 BENCH_RATES=50,200 BENCH_CREATES=300 change the durations and rates.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';

import {
  AdmissionregistrationV1Api,
  AppsV1Api,
  CoreV1Api,
  KubernetesObjectApi,
} from '@kubernetes/client-node';

const DIST = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, DIST).href);

const { loadPlatformConfig } = await load('src/config/load.js');
const { resolvePlatform } = await load('src/model/resolve.js');
const { buildManifests } = await load('src/kube/index.js');
const { buildGuardWebhookConfiguration } = await load('src/kube/guard/webhook.js');
const { DEFAULT_SETTINGS, settingsFromPlatform } = await load('src/policy/settings.js');
const { CertificateAuthority } = await load('test/support/testbed/pki.js');
const { startTestbed } = await load('test/support/testbed/index.js');

const CONFIG = 'examples/platform.yaml';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const RATES = (process.env.BENCH_RATES ?? '50,200').split(',').map(Number);
const CREATES = Number(process.env.BENCH_CREATES ?? 300);
const WARMUP_CREATES = 30;
const NAMESPACE = 'bench';
/** The namespace label the guard's webhook configuration selects. */
const SYSTEM_LABEL = 'kinko.dev/system';

function percentile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

function summary(samplesMs) {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const fixed = (value) => value.toFixed(2);
  return {
    n: sorted.length,
    p50: fixed(percentile(sorted, 0.5)),
    p99: fixed(percentile(sorted, 0.99)),
    max: fixed(sorted[sorted.length - 1]),
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// The example platform's Deployments, as the apiserver would send them in a CREATE review.
const platform = resolvePlatform(loadPlatformConfig(CONFIG));
const settings = { ...DEFAULT_SETTINGS, ...settingsFromPlatform(platform) };
const deployments = buildManifests(platform)
  .files.filter((file) => file.cluster === platform.clusters[0].name)
  .flatMap((file) => file.objects)
  .filter((object) => object.kind === 'Deployment');

function admissionReview(object, index) {
  return JSON.stringify({
    apiVersion: 'admission.k8s.io/v1',
    kind: 'AdmissionReview',
    request: {
      uid: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      kind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      resource: { group: 'apps', version: 'v1', resource: 'deployments' },
      requestKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
      requestResource: { group: 'apps', version: 'v1', resource: 'deployments' },
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      operation: 'CREATE',
      userInfo: { username: 'bench', groups: ['system:authenticated'] },
      object,
      oldObject: null,
      dryRun: false,
      options: { apiVersion: 'meta.k8s.io/v1', kind: 'CreateOptions' },
    },
  });
}
const reviews = deployments.map((object, index) => admissionReview(object, index));

const work = mkdtempSync(join(tmpdir(), 'kinko-bench-guard-'));
const authority = await CertificateAuthority.create(work, 'bench-ca');
const serving = await authority.issue({
  stem: 'guard',
  commonName: '127.0.0.1',
  usage: 'server',
  ipAddresses: ['127.0.0.1'],
});
const ca = readFileSync(authority.certPath);

const guard = spawn(
  process.execPath,
  [
    'dist/src/cli/main.js',
    'guard',
    'serve',
    '--tls-cert',
    serving.certPath,
    '--tls-key',
    serving.keyPath,
    '--listen',
    '127.0.0.1:0',
    ...settings.allowedRegistries.flatMap((registry) => ['--allowed-registry', registry]),
  ],
  { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
);
const port = await new Promise((resolve, reject) => {
  let stderr = '';
  guard.stderr.on('data', (chunk) => {
    stderr += chunk.toString('utf8');
    const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(stderr);
    if (match !== null) resolve(Number(match[1]));
  });
  guard.once('exit', (code) => reject(new Error(`kinko guard exited ${code}: ${stderr}`)));
});

const agent = new Agent({ keepAlive: true, maxSockets: 64, ca });

function post(body) {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/validate',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (answer.response?.allowed !== true) reject(new Error('the guard denied a review'));
          else resolve();
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Send `rate` reviews a second for `seconds`, open loop; returns latencies in ms. */
async function openLoop(rate, seconds) {
  const count = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const latencies = [];
  const pending = [];
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const due = start + i * intervalMs;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    pending.push(
      post(reviews[i % reviews.length]).then(() => latencies.push(performance.now() - due)),
    );
  }
  await Promise.all(pending);
  return latencies;
}

const loadBefore = loadavg();
const webhookRows = [];
for (const rate of RATES) {
  await openLoop(rate, 1); // warm-up at the same rate, not counted
  webhookRows.push({ rate, ...summary(await openLoop(rate, SECONDS)) });
}
agent.destroy();

// Apiserver legs.
const bed = await startTestbed({});
const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
const admission = bed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
const objects = KubernetesObjectApi.makeApiClient(bed.kubeConfig);
await bed.kubeConfig.makeApiClient(CoreV1Api).createNamespace({
  body: {
    metadata: {
      name: NAMESPACE,
      labels: { [SYSTEM_LABEL]: 'bench', 'pod-security.kubernetes.io/enforce': 'restricted' },
    },
  },
});
const compliant = {
  ...structuredClone(deployments[0]),
  metadata: { name: 'bench', namespace: NAMESPACE },
};
const privileged = structuredClone(compliant);
privileged.metadata.name = 'bench-privileged';
privileged.spec.template.spec.containers[0].securityContext.privileged = true;
delete privileged.spec.template.spec.containers[0].securityContext.allowPrivilegeEscalation;

/** Retry a dry-run create of the privileged Deployment until admission rejects it. */
async function waitUntilEnforced(what) {
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      await apps.createNamespacedDeployment({
        namespace: NAMESPACE,
        body: privileged,
        dryRun: 'All',
      });
    } catch {
      return;
    }
    await sleep(200);
  }
  throw new Error(`${what} never rejected a privileged Deployment`);
}

async function createLeg() {
  const latencies = [];
  for (let i = 0; i < WARMUP_CREATES + CREATES; i++) {
    const started = performance.now();
    await apps.createNamespacedDeployment({ namespace: NAMESPACE, body: compliant, dryRun: 'All' });
    if (i >= WARMUP_CREATES) latencies.push(performance.now() - started);
  }
  return summary(latencies);
}

/** Peak resident memory of a process (VmHWM, Linux only), in MiB. */
function peakMemoryMiB(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 'unknown' : (Number(match[1]) / 1024).toFixed(0);
  } catch {
    return 'unknown';
  }
}

let guardPeakMiB = 'unknown';
const apiserverRows = [];
try {
  apiserverRows.push({ admission: 'none', ...(await createLeg()) });

  let exportModule;
  try {
    exportModule = await load('src/policy/cel/export.js');
  } catch {
    exportModule = undefined;
  }
  if (exportModule?.buildValidatingAdmissionPolicies === undefined) {
    apiserverRows.push({ admission: 'ValidatingAdmissionPolicy', n: 'not available' });
  } else {
    const policies = exportModule.buildValidatingAdmissionPolicies(settings);
    const created = [];
    let failure;
    for (const object of policies) {
      try {
        created.push(await objects.create(object));
      } catch (error) {
        failure = `${object.kind} ${object.metadata.name} rejected by the apiserver (${error.code ?? error})`;
        break;
      }
    }
    const count = policies.filter((object) => object.kind === 'ValidatingAdmissionPolicy').length;
    if (failure === undefined) {
      await waitUntilEnforced('the ValidatingAdmissionPolicies');
      apiserverRows.push({
        admission: `ValidatingAdmissionPolicy (${count})`,
        ...(await createLeg()),
      });
    } else {
      apiserverRows.push({
        admission: 'ValidatingAdmissionPolicy',
        n: `not available: ${failure}`,
      });
    }
    for (const object of created) await objects.delete(object);
    // Wait until the apiserver's policy cache has dropped them, before the webhook leg.
    for (let attempt = 0; attempt < 150; attempt++) {
      try {
        await apps.createNamespacedDeployment({
          namespace: NAMESPACE,
          body: privileged,
          dryRun: 'All',
        });
        break;
      } catch {
        await sleep(200);
      }
    }
  }

  const guardConfig = platform.guard ?? {
    namespace: 'kinko-guard',
    timeoutSeconds: (await load('src/model/guard.js')).GUARD_TIMEOUT_SECONDS,
  };
  const configuration = buildGuardWebhookConfiguration(guardConfig, {});
  configuration.webhooks[0].clientConfig = {
    url: `https://127.0.0.1:${port}/validate`,
    caBundle: ca.toString('base64'),
  };
  await admission.createValidatingWebhookConfiguration({ body: configuration });
  await waitUntilEnforced('the guard webhook');
  apiserverRows.push({ admission: 'kinko guard webhook', ...(await createLeg()) });
} finally {
  guardPeakMiB = peakMemoryMiB(guard.pid);
  await bed.stop();
  guard.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`;
console.log(
  `command: BENCH_SECONDS=${SECONDS} BENCH_RATES=${RATES.join(',')} BENCH_CREATES=${CREATES} node bench/guard.mjs`,
);
console.log(`machine: ${machine}, Node.js ${process.version}`);
const loads = (values) => values.map((value) => value.toFixed(2)).join(', ');
console.log(`load average (1, 5, 15 min) before: ${loads(loadBefore)}; after: ${loads(loadavg())}`);
console.log(`\nwebhook latency, HTTPS on 127.0.0.1, ${SECONDS} s per rate, open loop (ms):`);
console.table(webhookRows);
console.log(`peak resident memory of kinko guard over the run: ${guardPeakMiB} MiB\n`);
console.log(`apiserver dry-run create latency, ${CREATES} sequential creates per leg (ms):`);
console.table(apiserverRows);
