/**
 * The Kubernetes audit events of Falco's former k8s_audit test fixtures (Apache-2.0), labelled
 * against Kinko's detections: for each file, the exact alerts Kinko must raise. Where Kinko
 * differs from Falco's rule for the same file, a comment gives the reason.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import { DETECTIONS } from '../../../src/audit/detections/index.js';
import { Detector } from '../../../src/audit/detector.js';
import { SILENT_LOG } from '../../../src/audit/log.js';
import { RepeatLimiter } from '../../../src/audit/output/repeats.js';
import { FileSource } from '../../../src/audit/readers/file.js';
import { runAudit } from '../../../src/audit/run.js';
import { testContext } from './events.js';
import { CollectingSink } from './sinks.js';

/** The corpus sits beside the repository: ../shared/corpora/audit/falco-fixtures. */
const CORPUS = fileURLToPath(
  new URL('../../../../../shared/corpora/audit/falco-fixtures/', import.meta.url),
);

/** Expected alerts per file, as `detection` or `detection key=value ...`; absent files raise none. */
const EXPECTED: Readonly<Record<string, readonly string[]>> = {
  'anonymous_creates_namespace_foo.json': ['anonymous-allowed'],
  'attach_cluster_admin_role.json': [
    'binding-cluster-admin roleRef=cluster-admin subjects=User:minikube',
  ],
  'attach_pod.json': ['pod-exec'],
  'exec_pod.json': ['pod-exec'],
  'create_cluster_role_pod_exec.json': ['role-risky-rules risks=pods-exec'],
  'create_cluster_role_wildcard_resources.json': ['role-risky-rules risks=wildcard-resources'],
  'create_cluster_role_wildcard_verbs.json': ['role-risky-rules risks=wildcard-verbs'],
  'create_nginx_pod_hostnetwork.json': ['pod-host-namespace hostNamespaces=hostNetwork'],
  'create_nginx_pod_privileged.json': ['pod-privileged containers=nginx'],
  'create_nginx_pod_privileged_2nd_container.json': ['pod-privileged containers=mysql'],
  'create_nginx_pod_no_secctx_1st_container_privileged_2nd_container.json': [
    'pod-privileged containers=mysql',
  ],
  'create_nginx_pod_sensitive_mount.json': ['pod-host-path hostPaths=/etc'],
  'create_nginx_pod_sensitive_mount_2nd_container.json': ['pod-host-path hostPaths=/etc'],
  // Files where Falco's rule fires and Kinko's detections deliberately do not:
  // - create_pod_kube_{system,public}_namespace.json: the pod is created by the ReplicaSet
  //   controller, a control-plane component, which kube-system-workload leaves out.
  // - create_cluster_role_write_privileges.json: write verbs on named resources are no wildcard,
  //   exec, escalate, bind or impersonate right.
  // - create_nginx_pod_unsensitive_mount.json: a `get` of an existing pod, not a change.
  // - Namespace, ConfigMap, Service and ServiceAccount creations and deletions: Falco's
  //   informational rules; Kinko reports only suspicious actions.
};

function label(alert: {
  detection: string;
  fields: Readonly<Record<string, string | number>>;
}): string {
  const fields = Object.entries(alert.fields).map(([key, value]) => `${key}=${value}`);
  return [alert.detection, ...fields].join(' ');
}

async function detectFile(file: string) {
  const sink = new CollectingSink();
  const context = testContext();
  const stats = await runAudit({
    sources: [new FileSource({ path: `${CORPUS}${file}`, follow: false })],
    detector: new Detector(DETECTIONS, context),
    repeats: new RepeatLimiter(0),
    sinks: [sink],
    log: SILENT_LOG,
    signal: new AbortController().signal,
  });
  return { alerts: sink.alerts.map(label), stats };
}

describe('Falco k8s_audit fixtures labelled against Kinko', () => {
  const files = readdirSync(CORPUS)
    .filter((file) => file.endsWith('.json'))
    .sort();

  it('[S12][unit] corpus holds 47 files', () => {
    assert.equal(files.length, 47);
  });

  for (const file of files) {
    it(`[S12][unit] ${file}`, async () => {
      const { alerts } = await detectFile(file);
      assert.deepEqual(alerts, EXPECTED[file] ?? []);
    });
  }

  it('[S12][unit] malformed fal_01_003 is counted and skipped', async () => {
    const { alerts, stats } = await detectFile('fal_01_003.json');
    assert.deepEqual(alerts, []);
    assert.equal(stats.malformed, 1);
    assert.equal(stats.events, 0);
  });

  it('[S12][unit] 51 events in all, v1 and v1beta1 alike', async () => {
    let events = 0;
    for (const file of files) events += (await detectFile(file)).stats.events;
    assert.equal(events, 51);
  });
});
