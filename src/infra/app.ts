import type { App, Stack } from 'aws-cdk-lib';
import type { ResolvedPlatform } from '../model/platform.js';
import type { ArgoCdIdentityCenter } from './argocd-capability.js';
import { ClusterStack } from './cluster.js';
import { ControlLedger } from './control-ledger.js';
import { buildDrStacks } from './dr.js';
import { EdgeStack } from './edge.js';
import { NetworkStack } from './network.js';
import { SecurityStack } from './security-services.js';
import { primarySite } from './site.js';
import { SystemsStack } from './systems.js';

export type { ArgoCdIdentityCenter } from './argocd-capability.js';

export interface InfraResult {
  /**
   * Stacks in deployment order: the DR region's stacks first (the primary buckets replicate into
   * them), then network, security, systems, the edge ALB, one per cluster, and last the DR
   * region's secondary Aurora clusters, which join the global clusters of the primary systems stack.
   */
  readonly stacks: Stack[];
  readonly ledger: ControlLedger;
}

/** Settings that override platform.yaml, for tests. */
export interface InfraOptions {
  /**
   * IAM Identity Center of the Argo CD capability. Default: `gitops.identityCenter` of the model;
   * without either, no capability is built and the cluster stack carries a warning.
   */
  readonly argoCdIdentityCenter?: ArgoCdIdentityCenter;
}

/**
 * Adds the platform's CDK stacks for its primary region and, when one is declared, its DR region
 * to `app` and returns them with the ledger of the controls they implement. Synthesis needs no
 * AWS credentials and makes no lookups.
 */
export function buildInfra(
  app: App,
  platform: ResolvedPlatform,
  options: InfraOptions = {},
): InfraResult {
  if (platform.primary.availabilityZones.length < 3) {
    throw new Error(
      `primary.availabilityZones lists ${platform.primary.availabilityZones.length} zones (${platform.primary.availabilityZones.join(', ')}); ` +
        'node groups must span at least 3 Availability Zones. List 3 or more.',
    );
  }

  const identityCenter = options.argoCdIdentityCenter ?? platform.gitops.identityCenter;
  const ledger = new ControlLedger();
  const dr =
    platform.disasterRecovery === undefined
      ? undefined
      : buildDrStacks(app, platform, platform.disasterRecovery, ledger, identityCenter);

  const network = new NetworkStack(app, platform, ledger);
  const security = new SecurityStack(app, platform, ledger);
  const systems = new SystemsStack(app, platform, security.accessLogBucket.bucketName, ledger, {
    ...(dr !== undefined ? { replication: dr.replication } : {}),
    vpc: network.vpc,
  });
  if (dr !== undefined) systems.addStackDependency(dr.systems, 'replication needs the DR buckets');
  dr?.databases?.addStackDependency(systems, 'the secondary clusters join the global clusters');

  const edge =
    platform.edge === undefined
      ? undefined
      : new EdgeStack(app, {
          platform,
          edge: platform.edge,
          site: primarySite(platform),
          vpc: network.vpc,
          loadBalancerName: platform.edge.loadBalancerName,
          certificateArn: platform.edge.certificateArn,
          accessLogBucketName: platform.edge.accessLogBucketName,
          targetGroups: platform.edge.targetGroups,
          ...(platform.edge.hostedZone !== undefined && dr !== undefined
            ? { failoverRole: 'PRIMARY' as const }
            : {}),
          ledger,
        });

  const clusters = platform.clusters.map(
    (resolved) =>
      new ClusterStack(app, {
        platform,
        resolved,
        vpc: network.vpc,
        systems: systems.systems,
        ...(identityCenter === undefined ? {} : { argoCdIdentityCenter: identityCenter }),
        ledger,
        ...(edge !== undefined ? { edgeSecurityGroup: edge.securityGroup } : {}),
      }),
  );

  return {
    stacks: [
      ...(dr?.stacks ?? []),
      network,
      security,
      systems,
      ...(edge !== undefined ? [edge] : []),
      ...clusters,
      ...(dr?.databases !== undefined ? [dr.databases] : []),
    ],
    ledger,
  };
}
