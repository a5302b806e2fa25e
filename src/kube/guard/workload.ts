/**
 * The guard's workload: a ServiceAccount without an API token, the Deployment, its Service and
 * its PodDisruptionBudget. The pod template meets the same rules the guard enforces.
 */
import type {
  V1Container,
  V1Deployment,
  V1PodDisruptionBudget,
  V1Probe,
  V1Service,
  V1ServiceAccount,
} from '@kubernetes/client-node';

import type { ResolvedGuard } from '../../model/guard.js';
import type { Manifest } from '../kube-object.js';
import { HOSTNAME_TOPOLOGY_KEY, ZONE_TOPOLOGY_KEY } from '../topology-spread.js';
import {
  GUARD_CONTAINER_PORT,
  GUARD_LIVENESS_PATH,
  GUARD_NAME,
  GUARD_PORT_NAME,
  GUARD_READINESS_PATH,
  GUARD_SERVICE_PORT,
  GUARD_TLS_MOUNT_PATH,
  GUARD_TLS_SECRET,
  guardSelector,
} from './names.js';

/**
 * Requests and limits of one replica. `kinko guard serve` loads the whole CLI: an idle process
 * holds about 280 MiB resident, and bench/guard.mjs measured a peak of 348 MiB at 200 reviews a
 * second (Node.js 24, x86_64). The limit leaves room above that peak. The CPU request is an
 * estimate: a review of a Deployment takes about 1.5 ms at p50 on one core.
 */
const GUARD_RESOURCES = {
  requests: { cpu: '100m', memory: '384Mi' },
  limits: { memory: '512Mi' },
};

/**
 * The guard reads its serving key pair from the Secret cert-manager writes in the cluster. The
 * key never leaves the cluster and is never in git, which is what the rule protects, so the
 * Deployment names the exception and its reason for `kinko check` and the auditors.
 */
const TLS_SECRET_SUPPRESSION = {
  'suppress.kinko.dev/secrets-via-csi':
    'The serving key pair is issued in the cluster by cert-manager and rotated by it; it is in no manifest and in no Secrets Manager secret.',
};

/** Size limit of the /tmp emptyDir; Node writes nothing there in normal operation. */
const TMP_SIZE_LIMIT = '16Mi';

/**
 * Builds the ServiceAccount. The guard needs no Kubernetes API access, because its rules read only
 * the object under review, so no Role is bound and no token is mounted.
 */
export function buildGuardServiceAccount(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1ServiceAccount> {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: GUARD_NAME, namespace: guard.namespace, labels: { ...labels } },
    automountServiceAccountToken: false,
  };
}

export function buildGuardService(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: GUARD_NAME, namespace: guard.namespace, labels: { ...labels } },
    spec: {
      type: 'ClusterIP',
      selector: guardSelector(),
      ports: [
        {
          name: GUARD_PORT_NAME,
          port: GUARD_SERVICE_PORT,
          targetPort: GUARD_PORT_NAME,
          protocol: 'TCP',
        },
      ],
    },
  };
}

/** Builds the budget: one replica at a time may be evicted, so a drain never takes the webhook down. */
export function buildGuardPodDisruptionBudget(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PodDisruptionBudget> {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: GUARD_NAME, namespace: guard.namespace, labels: { ...labels } },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: guardSelector() },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}

function buildProbe(path: string, periodSeconds: number): V1Probe {
  return {
    httpGet: { path, port: GUARD_PORT_NAME, scheme: 'HTTPS' },
    periodSeconds,
    timeoutSeconds: 2,
    failureThreshold: 3,
  };
}

/** Command-line arguments of `kinko guard serve` inside the pod. */
export function guardServeArguments(guard: ResolvedGuard): string[] {
  return [
    'guard',
    'serve',
    '--tls-cert',
    `${GUARD_TLS_MOUNT_PATH}/tls.crt`,
    '--tls-key',
    `${GUARD_TLS_MOUNT_PATH}/tls.key`,
    // The pod's address is not known in advance; the NetworkPolicy limits who reaches the port.
    '--listen',
    `0.0.0.0:${GUARD_CONTAINER_PORT}`,
    ...guard.allowedRegistries.flatMap((registry) => ['--allowed-registry', registry]),
    ...guard.systemGroups.flatMap(({ group, namespace }) => [
      '--system-group',
      `${group}=${namespace}`,
    ]),
  ];
}

/**
 * Builds the Deployment. Replicas spread over zones as a hard rule and over nodes as a soft one,
 * as the platform's apps do. The preStop sleep keeps a terminating replica serving while the
 * apiserver's endpoints drop it, and the grace period adds the webhook timeout (the longest a
 * review can last) and a margin for exit.
 * `kinko guard serve` polls its certificate files and serves a renewed pair without a restart.
 */
export function buildGuardDeployment(
  guard: ResolvedGuard,
  labels: Readonly<Record<string, string>>,
): Manifest<V1Deployment> {
  const selector = guardSelector();
  const spread = {
    maxSkew: 1,
    labelSelector: { matchLabels: selector },
    matchLabelKeys: ['pod-template-hash'],
    nodeTaintsPolicy: 'Honor',
  };

  const container: V1Container = {
    name: 'guard',
    image: guard.image,
    imagePullPolicy: 'IfNotPresent',
    args: guardServeArguments(guard),
    ports: [{ name: GUARD_PORT_NAME, containerPort: GUARD_CONTAINER_PORT, protocol: 'TCP' }],
    resources: {
      requests: { ...GUARD_RESOURCES.requests },
      limits: { ...GUARD_RESOURCES.limits },
    },
    securityContext: {
      runAsNonRoot: true,
      runAsUser: guard.runAsUser,
      runAsGroup: guard.runAsUser,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    },
    readinessProbe: buildProbe(GUARD_READINESS_PATH, 5),
    livenessProbe: buildProbe(GUARD_LIVENESS_PATH, 10),
    lifecycle: { preStop: { sleep: { seconds: guard.preStopSleepSeconds } } },
    volumeMounts: [
      { name: 'tls', mountPath: GUARD_TLS_MOUNT_PATH, readOnly: true },
      { name: 'tmp', mountPath: '/tmp' },
    ],
  };

  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: GUARD_NAME,
      namespace: guard.namespace,
      labels: { ...labels },
      annotations: { ...TLS_SECRET_SUPPRESSION },
    },
    spec: {
      replicas: guard.replicas,
      selector: { matchLabels: selector },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...labels, ...selector } },
        spec: {
          serviceAccountName: GUARD_NAME,
          automountServiceAccountToken: false,
          enableServiceLinks: false,
          terminationGracePeriodSeconds: guard.terminationGracePeriodSeconds,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: guard.runAsUser,
            runAsGroup: guard.runAsUser,
            fsGroup: guard.runAsUser,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            { ...spread, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule' },
            { ...spread, topologyKey: HOSTNAME_TOPOLOGY_KEY, whenUnsatisfiable: 'ScheduleAnyway' },
          ],
          containers: [container],
          volumes: [
            // 0440 with fsGroup: only the guard's group can read the key.
            { name: 'tls', secret: { secretName: GUARD_TLS_SECRET, defaultMode: 0o440 } },
            { name: 'tmp', emptyDir: { sizeLimit: TMP_SIZE_LIMIT } },
          ],
        },
      },
    },
  };
}
