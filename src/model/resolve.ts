/**
 * Resolves a validated platform configuration into the model every other module reads.
 * Defaults that depend on other fields (names, NAT count, run-as group) are filled in here.
 */
import type { PlatformConfig } from '../config/schema.js';
import { resolveDatabase, resolveEfs } from './data-stores.js';
import { resolveDisasterRecovery, resolveEdge } from './edge.js';
import { resolveGuard } from './guard.js';
import * as names from './names.js';
import {
  LABEL_MANAGED_BY,
  LABEL_NAME,
  LABEL_PART_OF,
  LABEL_SYSTEM,
  MANAGED_BY,
  type ResolvedApp,
  type ResolvedPlatform,
  type ResolvedSystem,
} from './platform.js';

/** F5 NGINX Ingress Controller Helm chart, pinned; Argo CD installs it (see docs/ingress.md). */
export const NGINX_INGRESS_CHART = {
  repoURL: 'ghcr.io/nginx/charts',
  chart: 'nginx-ingress',
  version: '2.4.4',
} as const;

export function resolvePlatform(config: PlatformConfig): ResolvedPlatform {
  const region = config.regions.primary.region;
  const registry = names.ecrRegistry(config.account, region);

  const systems = config.systems.map((system): ResolvedSystem => {
    const systemLabels = {
      [LABEL_MANAGED_BY]: MANAGED_BY,
      [LABEL_PART_OF]: config.name,
      [LABEL_SYSTEM]: system.name,
    };

    const apps = system.apps.map((app): ResolvedApp => {
      const repositoryName =
        app.image.repository ?? names.appRepositoryName(config.name, system.name, app.name);
      const reference =
        app.image.digest !== undefined ? `@${app.image.digest}` : `:${app.image.tag ?? ''}`;
      const selector = { [LABEL_SYSTEM]: system.name, [LABEL_NAME]: app.name };
      const blueGreen = app.blueGreen;
      const previewImage = blueGreen?.previewImage;
      const previewRepository = previewImage?.repository ?? repositoryName;
      const previewReference =
        previewImage?.digest !== undefined
          ? `@${previewImage.digest}`
          : `:${previewImage?.tag ?? ''}`;
      return {
        name: app.name,
        repositoryName,
        image: `${registry}/${repositoryName}${reference}`,
        containerPort: app.port,
        replicas: app.replicas,
        resources: {
          requests: { cpu: app.resources.requests.cpu, memory: app.resources.requests.memory },
          limits: {
            ...(app.resources.limits.cpu !== undefined ? { cpu: app.resources.limits.cpu } : {}),
            memory: app.resources.limits.memory ?? app.resources.requests.memory,
          },
        },
        runAsUser: app.runAsUser,
        runAsGroup: app.runAsGroup ?? app.runAsUser,
        preStopSleepSeconds: app.preStopSleepSeconds,
        terminationGracePeriodSeconds: app.terminationGracePeriodSeconds,
        healthCheckPath: app.healthCheckPath,
        routePath: app.routePath,
        selector,
        labels: { ...systemLabels, ...selector },
        ...(blueGreen !== undefined
          ? {
              blueGreen: {
                method: blueGreen.method,
                live: blueGreen.live,
                previewImage:
                  previewImage !== undefined
                    ? `${registry}/${previewRepository}${previewReference}`
                    : `${registry}/${repositoryName}${reference}`,
                ...(blueGreen.smokeCheck !== undefined
                  ? {
                      smokeCheck: {
                        path: blueGreen.smokeCheck.path ?? app.healthCheckPath,
                        expectStatus: blueGreen.smokeCheck.expectStatus,
                        timeoutSeconds: blueGreen.smokeCheck.timeoutSeconds,
                      },
                    }
                  : {}),
              },
            }
          : {}),
      };
    });

    const sharedFiles =
      system.sharedFiles === undefined
        ? undefined
        : {
            prefix: system.sharedFiles.prefix,
            mountPath: system.sharedFiles.mountPath,
            capacity: system.sharedFiles.capacity,
            persistentVolumeName: `${config.name}-${system.name}-shared-files`,
            persistentVolumeClaimName: 'shared-files',
          };

    const efs = resolveEfs(config.name, system);
    const database = resolveDatabase(config.name, system, config.regions.dr !== undefined);

    return {
      name: system.name,
      displayName: system.displayName ?? `${system.name.toUpperCase()} system`,
      namespace: system.namespace ?? system.name,
      adminGroup: names.systemAdminGroup(system.name),
      adminRoleArn: system.adminRoleArn,
      serviceAccountName: names.systemServiceAccountName(system.name),
      podRoleName: names.systemPodRoleName(config.name, system.name, region),
      kmsAliasName: names.systemKmsAliasName(config.name, system.name),
      bucketName: names.systemBucketName(config.name, system.name, config.account, region),
      queueName: names.systemQueueName(config.name, system.name),
      deadLetterQueueName: names.systemDeadLetterQueueName(config.name, system.name),
      secretName: names.systemSecretName(config.name, system.name),
      host: system.host,
      ...(sharedFiles !== undefined ? { sharedFiles } : {}),
      ...(efs !== undefined ? { efs } : {}),
      ...(database !== undefined ? { database } : {}),
      apps,
      labels: systemLabels,
    };
  });

  const clusters = config.clusters.map((cluster) => ({
    key: cluster.key,
    name: cluster.name ?? names.clusterName(config.name, cluster.key),
    version: cluster.version,
    publicAccessCidrs: cluster.publicAccessCidrs,
    eventRecordQPS: cluster.eventRecordQPS,
    nodeGroups: cluster.nodeGroups.map((group) => ({ ...group })),
  }));
  const edge = resolveEdge(config, clusters);
  const disasterRecovery = resolveDisasterRecovery(config, clusters, edge);
  const guard = resolveGuard(config);

  return {
    name: config.name,
    account: config.account,
    primary: { region, availabilityZones: config.regions.primary.availabilityZones },
    ...(config.regions.dr !== undefined
      ? {
          dr: {
            region: config.regions.dr.region,
            availabilityZones: config.regions.dr.availabilityZones,
          },
        }
      : {}),
    network: {
      vpcCidr: config.network.vpcCidr,
      natGateways: config.network.natGateways ?? config.regions.primary.availabilityZones.length,
      flowLogRetentionDays: config.network.flowLogRetentionDays,
    },
    clusters,
    ingress: {
      namespace: config.ingress.namespace,
      ingressClassName: config.ingress.ingressClassName,
      httpNodePort: config.ingress.httpNodePort,
      chart: NGINX_INGRESS_CHART,
    },
    gitops: {
      argocdNamespace: config.gitops.argocdNamespace,
      repoURL: config.gitops.repoURL,
      targetRevision: config.gitops.targetRevision,
      path: config.gitops.path,
      ...(config.gitops.identityCenter !== undefined
        ? { identityCenter: config.gitops.identityCenter }
        : {}),
    },
    security: { ...config.security },
    systems,
    exceptions: config.exceptions.map((exception) => ({ ...exception })),
    audit: {
      watchedSourceRanges: config.audit.watchedSourceRanges,
      deniedBurst: { ...config.audit.deniedBurst },
      repeatWindowSeconds: config.audit.repeatWindowSeconds,
      exceptions: config.audit.exceptions.map((exception) => ({ ...exception })),
    },
    tags: { 'kinko:platform': config.name, ...config.tags },
    ...(edge !== undefined ? { edge } : {}),
    ...(disasterRecovery !== undefined ? { disasterRecovery } : {}),
    ...(guard !== undefined ? { guard } : {}),
  };
}
