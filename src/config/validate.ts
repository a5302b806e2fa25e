/**
 * Cross-field checks of platform.yaml that a per-field schema cannot express: uniqueness,
 * reserved names, timing, derived name lengths, and the exceptions that loosen safe defaults.
 */
import type { Problem } from '../errors.js';
import { SECRETS_MOUNT_PATH, TMP_MOUNT_PATH } from '../model/platform.js';
import {
  IAM_ROLE_NAME_LIMIT,
  S3_BUCKET_NAME_LIMIT,
  systemBucketName,
  systemPodRoleName,
} from '../model/names.js';
import type { ExceptionControl } from './exceptions.js';
import { validateBlueGreen } from './validate-bluegreen.js';
import { validateDataStores } from './validate-data-stores.js';
import { validateEdge } from './validate-edge.js';
import { validateTiming } from './validate-timing.js';
import { formatPath, formatValue, locate, type ConfigSource, type YamlPath } from './issues.js';
import type { PlatformConfig } from './schema.js';

/** Namespaces a system may not take, with what owns them. */
function reservedNamespaces(config: PlatformConfig): Map<string, string> {
  return new Map([
    ['default', 'Kubernetes'],
    ['kube-system', 'Kubernetes'],
    ['kube-public', 'Kubernetes'],
    ['kube-node-lease', 'Kubernetes'],
    ['amazon-guardduty', 'the GuardDuty agent'],
    [config.ingress.namespace, 'the ingress controller'],
    [config.gitops.argocdNamespace, 'Argo CD'],
  ]);
}

/** Namespaces no platform component may take, with their owner. */
const KUBERNETES_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

/** The network address of an IPv4 CIDR, and its prefix length. */
export function cidrNetwork(cidr: string): { network: string; prefix: number } {
  const [address = '', prefixText = '0'] = cidr.split('/');
  const prefix = Number(prefixText);
  const value = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  const network = (value & mask) >>> 0;
  const octets = [24, 16, 8, 0].map((shift) => (network >>> shift) & 0xff);
  return { network: `${octets.join('.')}/${prefix}`, prefix };
}

/**
 * Whether an EC2 instance type runs on AWS Graviton (arm64): its family has a `g` right after the
 * generation digit (m7g, c7gn, r8gd, t4g). GPU families such as g5 start with `g` and are x86.
 */
export function isArmInstanceType(instanceType: string): boolean {
  const family = instanceType.split('.')[0] ?? '';
  return /^[a-z]+\d+g[a-z]*$/.test(family);
}

/** Parse a memory quantity with a binary suffix into bytes. */
function memoryBytes(quantity: string): number {
  const match = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(quantity);
  const units: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40 };
  return Number(match?.[1] ?? 0) * (units[match?.[2] ?? ''] ?? 1);
}

export function validatePlatform(config: PlatformConfig, source: ConfigSource): Problem[] {
  const problems: Problem[] = [];
  const usedExceptions = new Set<number>();

  const problem = (
    messageId: string,
    path: YamlPath,
    params: Record<string, string | number> = {},
  ) => {
    problems.push({
      messageId,
      params: { path: formatPath(path), value: formatValue(valueOf(path)), ...params },
      location: locate(source, path),
    });
  };
  const valueOf = (path: YamlPath): unknown =>
    path.reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown> | undefined)?.[key],
      source.data,
    );

  const findException = (control: ExceptionControl, target: string): boolean => {
    const index = config.exceptions.findIndex((e) => e.control === control && e.target === target);
    if (index >= 0) usedExceptions.add(index);
    return index >= 0;
  };

  const unique = (what: string, whatJa: string) => {
    const seen = new Map<string, YamlPath>();
    return (value: string, path: YamlPath) => {
      const first = seen.get(value);
      if (first !== undefined) {
        problem('config.duplicate', path, { what, whatJa, value, first: formatPath(first) });
      } else {
        seen.set(value, path);
      }
    };
  };

  // Regions and zones.
  type RegionConfig = PlatformConfig['regions']['primary'];
  const regions: [string, RegionConfig][] = [['primary', config.regions.primary]];
  if (config.regions.dr !== undefined) regions.push(['dr', config.regions.dr]);
  for (const [key, region] of regions) {
    region.availabilityZones.forEach((zone, index) => {
      if (!zone.startsWith(region.region)) {
        problem('config.az.region', ['regions', key, 'availabilityZones', index], {
          region: region.region,
        });
      }
    });
    const zoneUnique = unique('Availability Zone', 'アベイラビリティーゾーン');
    region.availabilityZones.forEach((zone, index) =>
      zoneUnique(zone, ['regions', key, 'availabilityZones', index]),
    );
  }
  if (config.regions.dr?.region === config.regions.primary.region) {
    problem('config.dr.sameRegion', ['regions', 'dr', 'region']);
  }

  // Network.
  const vpc = cidrNetwork(config.network.vpcCidr);
  if (vpc.network !== config.network.vpcCidr) {
    problem('config.cidr.hostBits', ['network', 'vpcCidr'], { network: vpc.network });
  } else if (vpc.prefix < 16 || vpc.prefix > 22) {
    problem('config.cidr.vpcPrefix', ['network', 'vpcCidr'], { prefix: vpc.prefix });
  }

  // Platform namespaces.
  const platformNamespaces: [string, string, string, YamlPath][] = [
    [
      config.ingress.namespace,
      'ingress controller',
      'Ingress コントローラー',
      ['ingress', 'namespace'],
    ],
    [config.gitops.argocdNamespace, 'Argo CD', 'Argo CD ', ['gitops', 'argocdNamespace']],
  ];
  for (const [namespace, what, whatJa, path] of platformNamespaces) {
    if (KUBERNETES_NAMESPACES.has(namespace) || namespace.startsWith('kube-')) {
      problem('config.namespace.platformReserved', path, {
        what,
        whatJa,
        value: namespace,
        owner: 'Kubernetes',
      });
    }
  }
  if (config.ingress.namespace === config.gitops.argocdNamespace) {
    problem('config.duplicate', ['gitops', 'argocdNamespace'], {
      what: 'namespace',
      whatJa: 'Namespace',
      value: config.gitops.argocdNamespace,
      first: 'ingress.namespace',
    });
  }

  // Clusters.
  const clusterKeys = unique('cluster key', 'クラスターキー');
  config.clusters.forEach((cluster, ci) => {
    clusterKeys(cluster.key, ['clusters', ci, 'key']);

    if (cluster.publicAccessCidrs.length > 0) {
      cluster.publicAccessCidrs.forEach((cidr, i) => {
        if (cidr.endsWith('/0'))
          problem('config.publicEndpoint.openWorld', ['clusters', ci, 'publicAccessCidrs', i]);
      });
      if (!findException('public-api-endpoint', cluster.key)) {
        problem('config.publicEndpoint.noException', ['clusters', ci, 'publicAccessCidrs'], {
          control: 'public-api-endpoint',
          target: cluster.key,
        });
      }
    }

    const groupNames = unique('node group name', 'ノードグループ名');
    cluster.nodeGroups.forEach((group, gi) => {
      const path = ['clusters', ci, 'nodeGroups', gi];
      groupNames(group.name, [...path, 'name']);
      group.instanceTypes.forEach((instanceType, ti) => {
        const arm = isArmInstanceType(instanceType);
        if (arm !== group.amiType.includes('ARM')) {
          problem('config.instanceType.architecture', [...path, 'instanceTypes', ti], {
            value: instanceType,
            architecture: arm ? 'arm64' : 'x86_64',
            amiType: group.amiType,
            suggestion: arm ? 'AL2023_ARM_64_STANDARD' : 'AL2023_x86_64_STANDARD',
          });
        }
      });
      if (!(group.minSize <= group.desiredSize && group.desiredSize <= group.maxSize)) {
        problem('config.nodeGroup.sizes', path, {
          min: group.minSize,
          desired: group.desiredSize,
          max: group.maxSize,
          zones: config.regions.primary.availabilityZones.length,
        });
      }
    });
  });

  // Systems and apps.
  const reserved = reservedNamespaces(config);
  const systemNames = unique('system name', 'システム名');
  const namespaces = unique('namespace', 'Namespace');
  const hosts = unique('host', 'ホスト名');
  config.systems.forEach((system, si) => {
    const systemPath = ['systems', si];
    systemNames(system.name, [...systemPath, 'name']);

    const namespace = system.namespace ?? system.name;
    const namespacePath =
      system.namespace !== undefined ? [...systemPath, 'namespace'] : [...systemPath, 'name'];
    namespaces(namespace, namespacePath);
    const owner =
      reserved.get(namespace) ?? (namespace.startsWith('kube-') ? 'Kubernetes' : undefined);
    if (owner !== undefined)
      problem('config.namespace.reserved', namespacePath, { value: namespace, owner });
    hosts(system.host, [...systemPath, 'host']);

    const mountPath = system.sharedFiles?.mountPath;
    const kinkoMounts: [string, string, string][] = [
      [SECRETS_MOUNT_PATH, 'the secrets volume', 'シークレットのボリューム'],
      [TMP_MOUNT_PATH, 'the writable /tmp volume', '書き込み可能な /tmp のボリューム'],
    ];
    for (const [reservedPath, owner, ownerJa] of kinkoMounts) {
      if (
        mountPath !== undefined &&
        (mountPath === reservedPath || mountPath.startsWith(`${reservedPath}/`))
      ) {
        problem('config.mountPath.reserved', [...systemPath, 'sharedFiles', 'mountPath'], {
          owner,
          ownerJa,
        });
      }
    }

    for (const region of regions) {
      const bucket = systemBucketName(config.name, system.name, config.account, region[1].region);
      if (bucket.length > S3_BUCKET_NAME_LIMIT) {
        problem('config.name.tooLong', [...systemPath, 'name'], {
          what: 'S3 bucket name',
          whatJa: 'S3 バケット名',
          value: bucket,
          length: bucket.length,
          limit: S3_BUCKET_NAME_LIMIT,
        });
      }
      const role = systemPodRoleName(config.name, system.name, region[1].region);
      if (role.length > IAM_ROLE_NAME_LIMIT) {
        problem('config.name.tooLong', [...systemPath, 'name'], {
          what: 'IAM role name',
          whatJa: 'IAM ロール名',
          value: role,
          length: role.length,
          limit: IAM_ROLE_NAME_LIMIT,
        });
      }
    }

    const appNames = unique('app name', 'アプリ名');
    const routePaths = unique('route path', 'ルートのパス');
    system.apps.forEach((app, ai) => {
      const appPath = [...systemPath, 'apps', ai];
      appNames(app.name, [...appPath, 'name']);
      routePaths(app.routePath, [...appPath, 'routePath']);

      if (app.image.tag === undefined && app.image.digest === undefined) {
        problem('config.image.missing', [...appPath, 'image']);
      } else if (app.image.tag !== undefined && app.image.digest !== undefined) {
        problem('config.image.tagOrDigest', [...appPath, 'image']);
      } else if (app.image.tag === 'latest') {
        problem('config.image.latest', [...appPath, 'image', 'tag']);
      }

      const previewImage = app.blueGreen?.previewImage;
      if (previewImage !== undefined) {
        const previewPath = [...appPath, 'blueGreen', 'previewImage'];
        if (app.blueGreen?.method === 'rollout') {
          problem('config.blueGreen.previewImageWithRollout', previewPath);
        } else if (previewImage.tag === undefined && previewImage.digest === undefined) {
          problem('config.image.missing', previewPath);
        } else if (previewImage.tag !== undefined && previewImage.digest !== undefined) {
          problem('config.image.tagOrDigest', previewPath);
        } else if (previewImage.tag === 'latest') {
          problem('config.image.latest', [...previewPath, 'tag']);
        }
      }

      if (app.terminationGracePeriodSeconds <= app.preStopSleepSeconds) {
        problem('config.timing.grace', [...appPath, 'terminationGracePeriodSeconds'], {
          grace: app.terminationGracePeriodSeconds,
          sleep: app.preStopSleepSeconds,
          suggestion: app.preStopSleepSeconds + 20,
        });
      }

      if (app.replicas < 2 && !findException('single-replica', `${system.name}/${app.name}`)) {
        problem('config.replicas.single', [...appPath, 'replicas'], {
          value: app.replicas,
          control: 'single-replica',
          target: `${system.name}/${app.name}`,
        });
      }

      const limit = app.resources.limits.memory;
      if (limit !== undefined && memoryBytes(limit) < memoryBytes(app.resources.requests.memory)) {
        problem('config.resources.limit', [...appPath, 'resources', 'limits', 'memory'], {
          limit,
          request: app.resources.requests.memory,
        });
      }
    });
  });

  validateEdge(config, problem);
  validateTiming(config, problem);
  validateDataStores(config, problem);
  validateBlueGreen(config, source.data, problem);

  const exceptionKeys = unique('exception', '例外');
  config.exceptions.forEach((exception, index) => {
    exceptionKeys(`${exception.control} ${exception.target}`, ['exceptions', index]);
    if (
      !usedExceptions.has(index) &&
      config.exceptions.findIndex(
        (e) => e.control === exception.control && e.target === exception.target,
      ) === index
    ) {
      problem('config.exception.unused', ['exceptions', index], {
        control: exception.control,
        target: exception.target,
      });
    }
  });

  return problems;
}
