import type { Stack } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ResolvedDisasterRecovery } from '../model/edge.js';
import type { ResolvedPlatform } from '../model/platform.js';
import type { ArgoCdIdentityCenter } from './argocd-capability.js';
import { DrDatabaseStack } from './aurora-dr.js';
import { allowServerAccessLogsFrom, createAccessLogBucket } from './audit-buckets.js';
import { ClusterStack } from './cluster.js';
import type { ControlLedger } from './control-ledger.js';
import type { BucketReplication } from './dr-replication.js';
import { EdgeStack } from './edge.js';
import { NetworkStack } from './network.js';
import { PlatformStack } from './platform-stack.js';
import { drSite, type Site } from './site.js';
import { SystemsStack } from './systems.js';

/** The DR region's bucket for S3 server access logs; S3 delivers them only within a region. */
class DrAccessLogStack extends PlatformStack {
  readonly bucket: s3.Bucket;

  constructor(
    scope: Construct,
    platform: ResolvedPlatform,
    site: Site,
    sourceBucketNames: readonly string[],
  ) {
    super(
      scope,
      `${site.stackPrefix}-access-logs`,
      platform,
      site.region,
      `Kinko ${platform.name}: S3 server access logs of the DR region`,
    );
    this.bucket = createAccessLogBucket(
      this,
      'AccessLogBucket',
      platform.security.cloudTrailRetentionDays,
    );
    allowServerAccessLogsFrom(
      this.bucket,
      sourceBucketNames.map((name) => `arn:${this.partition}:s3:::${name}`),
    );
  }
}

export interface DrStacks {
  /** Stacks in deployment order. */
  readonly stacks: Stack[];
  /** The DR systems stack, which the primary systems stack must follow. */
  readonly systems: SystemsStack;
  readonly replication: BucketReplication;
  /**
   * Secondary Aurora clusters; undefined when no system declares a database. It must deploy after
   * the primary systems stack, which creates the global clusters, so it is not in `stacks`.
   */
  readonly databases?: DrDatabaseStack;
}

/** Returns the platform as the DR region sees it: each system with its DR bucket and pod role. */
export function drPlatformView(
  platform: ResolvedPlatform,
  dr: ResolvedDisasterRecovery,
): ResolvedPlatform {
  return {
    ...platform,
    systems: platform.systems.map((system) => {
      const copy = dr.systems.find((candidate) => candidate.name === system.name);
      return copy === undefined
        ? system
        : { ...system, bucketName: copy.bucketName, podRoleName: copy.podRoleName };
    }),
  };
}

/**
 * The DR region's copy of the platform (R1): its own VPC, the systems' keys, buckets (the
 * replication targets), queues, secrets and pod roles, one cluster of the primary live cluster's
 * shape, and, when a DR certificate is declared, an ALB whose failover records take over from
 * the primary region's.
 */
export function buildDrStacks(
  app: Construct,
  platform: ResolvedPlatform,
  dr: ResolvedDisasterRecovery,
  ledger: ControlLedger,
  identityCenter: ArgoCdIdentityCenter | undefined,
): DrStacks {
  const site = drSite(platform, dr.region);
  const view = drPlatformView(platform, dr);

  const accessLogs = new DrAccessLogStack(
    app,
    view,
    site,
    dr.systems.map((system) => system.bucketName),
  );
  const network = new NetworkStack(app, view, ledger, site);
  const systems = new SystemsStack(app, view, accessLogs.bucket.bucketName, ledger, {
    site,
    isReplica: true,
    vpc: network.vpc,
  });
  const stacks: Stack[] = [accessLogs, network, systems];

  let edge: EdgeStack | undefined;
  if (dr.edge !== undefined && platform.edge !== undefined) {
    edge = new EdgeStack(app, {
      platform: view,
      edge: platform.edge,
      site,
      vpc: network.vpc,
      loadBalancerName: dr.edge.loadBalancerName,
      certificateArn: dr.edge.certificateArn,
      accessLogBucketName: dr.edge.accessLogBucketName,
      targetGroups: [dr.edge.targetGroup],
      failoverRole: 'SECONDARY',
      ledger,
    });
    stacks.push(edge);
  }

  stacks.push(
    new ClusterStack(app, {
      platform: view,
      resolved: dr.cluster,
      vpc: network.vpc,
      systems: systems.systems,
      ...(identityCenter !== undefined ? { argoCdIdentityCenter: identityCenter } : {}),
      ledger,
      site,
      ...(edge !== undefined ? { edgeSecurityGroup: edge.securityGroup } : {}),
    }),
  );

  const databases = platform.systems.some((system) => system.database !== undefined)
    ? new DrDatabaseStack(app, view, site, systems.systems, ledger)
    : undefined;
  databases?.addStackDependency(
    systems,
    'the secondary clusters use the DR subnet groups and keys',
  );

  return {
    stacks,
    systems,
    ...(databases !== undefined ? { databases } : {}),
    replication: {
      region: dr.region.region,
      bucketNames: new Map(dr.systems.map((system) => [system.name, system.bucketName])),
    },
  };
}
