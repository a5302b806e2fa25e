import type { ResolvedApp, ResolvedPlatform, ResolvedSystem } from '../../src/model/platform.js';

/**
 * A resolved two-system platform for the infra tests, written out by hand so these tests do not
 * depend on the config loader or the resolver. It follows the example platform of the talk:
 * systems `a` and `b` share one cluster `main` in ap-northeast-1, and only `a` mounts shared files.
 */

const ACCOUNT = '111122223333';
const PLATFORM = 'kinko';

function app(system: string, name: string, runAsUser: number): ResolvedApp {
  const selector = { 'app.kubernetes.io/name': name, 'kinko.dev/system': system };
  return {
    name,
    repositoryName: `${PLATFORM}/${system}/${name}`,
    image: `${ACCOUNT}.dkr.ecr.ap-northeast-1.amazonaws.com/${PLATFORM}/${system}/${name}:1.0.0`,
    containerPort: 8080,
    replicas: 3,
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { memory: '256Mi' } },
    runAsUser,
    runAsGroup: runAsUser,
    preStopSleepSeconds: 160,
    terminationGracePeriodSeconds: 180,
    healthCheckPath: '/healthz',
    routePath: '/',
    selector,
    labels: {
      'app.kubernetes.io/managed-by': 'kinko',
      'app.kubernetes.io/part-of': system,
      ...selector,
    },
  };
}

function system(name: string, displayName: string, withSharedFiles: boolean): ResolvedSystem {
  const base = `${PLATFORM}-${name}`;
  return {
    name,
    displayName,
    namespace: `${name}-system`,
    adminGroup: `${name}:admins`,
    adminRoleArn: `arn:aws:iam::${ACCOUNT}:role/${base}-admin`,
    serviceAccountName: `${name}-app`,
    podRoleName: `${base}-pod`,
    kmsAliasName: `alias/${PLATFORM}/${name}`,
    bucketName: `${base}-${ACCOUNT}-ap-northeast-1`,
    queueName: `${base}-jobs`,
    deadLetterQueueName: `${base}-jobs-dlq`,
    secretName: `${PLATFORM}/${name}/app`,
    host: `${name}.example.co.jp`,
    ...(withSharedFiles
      ? {
          sharedFiles: {
            prefix: 'shared/',
            mountPath: '/mnt/shared',
            capacity: '100Gi',
            persistentVolumeName: `${base}-shared`,
            persistentVolumeClaimName: 'shared-files',
          },
        }
      : {}),
    apps: [app(name, 'web', 10001)],
    labels: { 'app.kubernetes.io/managed-by': 'kinko', 'app.kubernetes.io/part-of': name },
  };
}

/** Builds the fixture platform; `overrides` replaces top-level fields for one scenario. */
export function infraFixture(overrides: Partial<ResolvedPlatform> = {}): ResolvedPlatform {
  return {
    name: PLATFORM,
    account: ACCOUNT,
    primary: {
      region: 'ap-northeast-1',
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
        name: `${PLATFORM}-main`,
        version: '1.37',
        publicAccessCidrs: [],
        nodeGroups: [
          {
            name: 'general',
            instanceTypes: ['m7i.xlarge'],
            minSize: 3,
            desiredSize: 3,
            maxSize: 9,
            diskSizeGiB: 50,
            amiType: 'AL2023_x86_64_STANDARD',
          },
        ],
        eventRecordQPS: 0,
      },
    ],
    ingress: {
      namespace: 'ingress-nginx',
      ingressClassName: 'nginx',
      httpNodePort: 30080,
      chart: { repoURL: 'https://helm.nginx.com/stable', chart: 'nginx-ingress', version: '2.0.0' },
    },
    gitops: {
      argocdNamespace: 'argocd',
      repoURL: 'https://git.example.co.jp/platform/kinko-manifests.git',
      targetRevision: 'main',
      path: 'out',
    },
    security: { cloudTrailRetentionDays: 2555, controlPlaneLogRetentionDays: 365 },
    systems: [system('a', 'A system', true), system('b', 'B system', false)],
    exceptions: [],
    tags: { 'kinko:platform': PLATFORM, CostCenter: 'platform' },
    ...overrides,
  };
}
