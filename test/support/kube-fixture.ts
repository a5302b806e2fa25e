/**
 * A resolved two-system platform for the manifest tests. It is written out by hand, so the tests
 * do not depend on the config loader or the resolver. Systems `a` (two apps, shared files) and
 * `b` (one app) run on cluster `main`, Kubernetes 1.37, in ap-northeast-1, with a DR region.
 * Timings follow the reference talk: preStop sleep 160 s under a grace period of 180 s.
 */
import {
  LABEL_MANAGED_BY,
  LABEL_NAME,
  LABEL_PART_OF,
  LABEL_SYSTEM,
  MANAGED_BY,
  type ResolvedApp,
  type ResolvedPlatform,
  type ResolvedSystem,
} from '../../src/model/platform.js';

const PLATFORM_NAME = 'kinko-demo';
const ACCOUNT = '111122223333';
const REGION = 'ap-northeast-1';
const REGISTRY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;

function systemLabels(system: string): Record<string, string> {
  return { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_PART_OF]: PLATFORM_NAME, [LABEL_SYSTEM]: system };
}

function app(
  system: string,
  name: string,
  fields: { port: number; routePath: string; tag: string; runAsUser: number },
): ResolvedApp {
  const selector = { [LABEL_SYSTEM]: system, [LABEL_NAME]: name };
  const repositoryName = `${PLATFORM_NAME}/${system}/${name}`;
  return {
    name,
    repositoryName,
    image: `${REGISTRY}/${repositoryName}:${fields.tag}`,
    containerPort: fields.port,
    replicas: 3,
    resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '512Mi' } },
    runAsUser: fields.runAsUser,
    runAsGroup: fields.runAsUser,
    preStopSleepSeconds: 160,
    terminationGracePeriodSeconds: 180,
    healthCheckPath: '/healthz',
    routePath: fields.routePath,
    selector,
    labels: { ...systemLabels(system), ...selector },
  };
}

function system(
  name: string,
  displayName: string,
  apps: ResolvedApp[],
  extra: Partial<ResolvedSystem> = {},
): ResolvedSystem {
  return {
    name,
    displayName,
    namespace: name,
    adminGroup: `${name}:admins`,
    adminRoleArn: `arn:aws:iam::${ACCOUNT}:role/${PLATFORM_NAME}-${name}-admins`,
    serviceAccountName: `${name}-app`,
    podRoleName: `${PLATFORM_NAME}-${name}-pod-${REGION}`,
    kmsAliasName: `alias/${PLATFORM_NAME}/${name}`,
    bucketName: `${PLATFORM_NAME}-${name}-${ACCOUNT}-${REGION}`,
    queueName: `${PLATFORM_NAME}-${name}-queue`,
    deadLetterQueueName: `${PLATFORM_NAME}-${name}-dlq`,
    secretName: `${PLATFORM_NAME}/${name}/app`,
    host: `${name}.bank.example.co.jp`,
    apps,
    labels: systemLabels(name),
    ...extra,
  };
}

/** Builds a fresh fixture; each call returns new objects, so a test may change its copy. */
export function kubeFixture(): ResolvedPlatform {
  return {
    name: PLATFORM_NAME,
    account: ACCOUNT,
    primary: {
      region: REGION,
      availabilityZones: ['ap-northeast-1a', 'ap-northeast-1c', 'ap-northeast-1d'],
    },
    dr: {
      region: 'ap-northeast-3',
      availabilityZones: ['ap-northeast-3a', 'ap-northeast-3b', 'ap-northeast-3c'],
    },
    network: { vpcCidr: '10.0.0.0/16', natGateways: 3, flowLogRetentionDays: 365 },
    clusters: [
      {
        key: 'main',
        name: 'main',
        version: '1.37',
        publicAccessCidrs: [],
        nodeGroups: [
          {
            name: 'general',
            instanceTypes: ['m7i.xlarge'],
            minSize: 3,
            desiredSize: 6,
            maxSize: 12,
            diskSizeGiB: 50,
            amiType: 'AL2023_x86_64_STANDARD',
          },
        ],
        eventRecordQPS: 0,
      },
    ],
    ingress: {
      namespace: 'nginx-ingress',
      ingressClassName: 'nginx',
      httpNodePort: 30080,
      // The version the F5 NGINX Ingress Controller Helm install page (docs.nginx.com) shows.
      chart: { repoURL: 'ghcr.io/nginx/charts', chart: 'nginx-ingress', version: '2.4.4' },
    },
    gitops: {
      argocdNamespace: 'argocd',
      repoURL: 'https://git.example.co.jp/platform/kinko-demo-manifests.git',
      targetRevision: 'main',
      path: 'out',
    },
    security: { cloudTrailRetentionDays: 2557, controlPlaneLogRetentionDays: 365 },
    systems: [
      system(
        'a',
        'A system (internet banking)',
        [
          app('a', 'web', { port: 8080, routePath: '/', tag: '1.4.2', runAsUser: 10001 }),
          app('a', 'api', { port: 8081, routePath: '/api', tag: '2.0.1', runAsUser: 10001 }),
        ],
        {
          sharedFiles: {
            prefix: 'shared/',
            mountPath: '/mnt/shared',
            capacity: '1Ti',
            persistentVolumeName: `${PLATFORM_NAME}-a-shared-files`,
            persistentVolumeClaimName: 'shared-files',
          },
        },
      ),
      system('b', 'B system (securities trading)', [
        app('b', 'trade', { port: 8080, routePath: '/', tag: '3.2.0', runAsUser: 10002 }),
      ]),
    ],
    exceptions: [],
    tags: { 'kinko:platform': PLATFORM_NAME },
  };
}
