/**
 * An app's Deployment: the hardened pod template (security contexts, read-only root with an
 * emptyDir for /tmp, the secrets volume, probes), spread over zones and hosts, with a preStop
 * sleep under an explicit termination grace period.
 */
import type {
  V1Container,
  V1Deployment,
  V1Probe,
  V1Volume,
  V1VolumeMount,
} from '@kubernetes/client-node';

import type { ResolvedApp, ResolvedSystem } from '../model/platform.js';
import { efsPodVolumes } from './efs.js';
import { ManifestBuildError } from './errors.js';
import type { Manifest } from './kube-object.js';
import {
  HTTP_PORT_NAME,
  SECRETS_MOUNT_PATH,
  VOLUME_SECRETS,
  VOLUME_SHARED_FILES,
  VOLUME_TMP,
  secretProviderClassName,
} from './names.js';
import { buildContainerSecurityContext, buildPodSecurityContext } from './security-context.js';
import { buildTopologySpreadConstraints } from './topology-spread.js';

/** Size limit of the /tmp emptyDir on the node's ephemeral storage; the kubelet evicts beyond it. */
const TMP_SIZE_LIMIT = '64Mi';

/** Startup may take up to 5 s × 30 = 150 s before liveness checks begin. */
function buildProbes(
  app: ResolvedApp,
): Pick<V1Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> {
  const httpGet = { path: app.healthCheckPath, port: HTTP_PORT_NAME };
  const startupProbe: V1Probe = {
    httpGet,
    periodSeconds: 5,
    timeoutSeconds: 2,
    failureThreshold: 30,
  };
  const readinessProbe: V1Probe = {
    httpGet,
    periodSeconds: 5,
    timeoutSeconds: 2,
    failureThreshold: 3,
  };
  const livenessProbe: V1Probe = {
    httpGet,
    periodSeconds: 10,
    timeoutSeconds: 2,
    failureThreshold: 3,
  };
  return { startupProbe, readinessProbe, livenessProbe };
}

/**
 * Checks the timing invariants the pod template relies on. The grace period bounds the whole
 * shutdown, preStop included, so a sleep as long as the grace period leaves the app no time to
 * stop and ends in SIGKILL.
 */
function checkTimings(system: ResolvedSystem, app: ResolvedApp): void {
  const { preStopSleepSeconds, terminationGracePeriodSeconds } = app;
  if (
    !Number.isInteger(terminationGracePeriodSeconds) ||
    !Number.isInteger(preStopSleepSeconds) ||
    terminationGracePeriodSeconds <= preStopSleepSeconds
  ) {
    throw new ManifestBuildError(
      'KUBE_GRACE_PERIOD_NOT_ABOVE_PRESTOP',
      `app ${system.name}/${app.name}: terminationGracePeriodSeconds (${terminationGracePeriodSeconds} s) ` +
        `must be an integer greater than preStopSleepSeconds (${preStopSleepSeconds} s); ` +
        'raise the grace period or shorten the sleep',
    );
  }
}

function buildVolumes(system: ResolvedSystem): V1Volume[] {
  const volumes: V1Volume[] = [
    { name: VOLUME_TMP, emptyDir: { sizeLimit: TMP_SIZE_LIMIT } },
    {
      name: VOLUME_SECRETS,
      csi: {
        driver: 'secrets-store.csi.k8s.io',
        readOnly: true,
        volumeAttributes: { secretProviderClass: secretProviderClassName(system) },
      },
    },
  ];
  if (system.sharedFiles !== undefined) {
    volumes.push({
      name: VOLUME_SHARED_FILES,
      persistentVolumeClaim: { claimName: system.sharedFiles.persistentVolumeClaimName },
    });
  }
  volumes.push(...efsPodVolumes(system).volumes);
  return volumes;
}

function buildVolumeMounts(system: ResolvedSystem): V1VolumeMount[] {
  const mounts: V1VolumeMount[] = [
    { name: VOLUME_TMP, mountPath: '/tmp' },
    { name: VOLUME_SECRETS, mountPath: SECRETS_MOUNT_PATH, readOnly: true },
  ];
  if (system.sharedFiles !== undefined) {
    mounts.push({ name: VOLUME_SHARED_FILES, mountPath: system.sharedFiles.mountPath });
  }
  mounts.push(...efsPodVolumes(system).mounts);
  return mounts;
}

/**
 * One colour of a blue/green app: the Deployment's name, its selector (the app's selector plus
 * the colour label) and its image.
 */
export interface DeploymentVariant {
  readonly name: string;
  readonly selector: Readonly<Record<string, string>>;
  readonly image: string;
}

/**
 * Builds the Deployment, or with `variant` one colour of a blue/green app.
 *
 * The preStop hook uses the kubelet's own `sleep` action (GA in Kubernetes 1.34) instead of
 * `exec: [sleep, N]`, because distroless and scratch images have no sleep binary and an exec
 * hook that fails ends at once, with no delay at all. While the hook sleeps, the pod is removed
 * from its EndpointSlices and the ingress controller drops it from the upstream, so new
 * requests stop arriving while the app still serves the ones in flight.
 */
export function buildDeployment(
  system: ResolvedSystem,
  app: ResolvedApp,
  labels: Readonly<Record<string, string>>,
  variant?: DeploymentVariant,
): Manifest<V1Deployment> {
  checkTimings(system, app);

  const container: V1Container = {
    name: app.name,
    image: variant?.image ?? app.image,
    imagePullPolicy: 'IfNotPresent',
    ports: [{ name: HTTP_PORT_NAME, containerPort: app.containerPort, protocol: 'TCP' }],
    resources: {
      requests: { ...app.resources.requests },
      limits: { ...app.resources.limits },
    },
    securityContext: buildContainerSecurityContext(app),
    ...buildProbes(app),
    lifecycle: { preStop: { sleep: { seconds: app.preStopSleepSeconds } } },
    volumeMounts: buildVolumeMounts(system),
  };

  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: variant?.name ?? app.name,
      namespace: system.namespace,
      labels: { ...labels },
    },
    spec: {
      replicas: app.replicas,
      selector: { matchLabels: { ...(variant?.selector ?? app.selector) } },
      // A new pod is ready before an old one stops, so capacity never drops during a rollout.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { ...labels } },
        spec: {
          serviceAccountName: system.serviceAccountName,
          automountServiceAccountToken: false,
          // Service links inject an environment variable per Service in the namespace; the apps
          // use DNS names instead, and the variables leak the namespace's layout.
          enableServiceLinks: false,
          terminationGracePeriodSeconds: app.terminationGracePeriodSeconds,
          securityContext: buildPodSecurityContext(app),
          topologySpreadConstraints: buildTopologySpreadConstraints(app),
          containers: [container],
          volumes: buildVolumes(system),
        },
      },
    },
  };
}
