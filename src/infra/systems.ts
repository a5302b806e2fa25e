import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type { Construct } from 'constructs';
import type { ResolvedPlatform } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import { accessLogTarget } from './audit-buckets.js';
import { PlatformStack } from './platform-stack.js';
import { primarySite, type Site } from './site.js';
import type { BucketReplication } from './dr-replication.js';
import { SystemResources } from './system-resources.js';

export interface SystemsStackOptions {
  /** Region and stack name prefix; defaults to the primary region. */
  readonly site?: Site;
  /** These are the DR region's copies, the destination of the primary buckets' replication. */
  readonly isReplica?: boolean;
  /** Primary buckets replicate to their DR copies in this region (R1). */
  readonly replication?: BucketReplication;
  /** VPC of the systems' EFS file systems and Aurora clusters; without it none is built. */
  readonly vpc?: ec2.IVpc;
}

/** The AWS resources of every business system, one `SystemResources` construct per system. */
export class SystemsStack extends PlatformStack {
  /** Each system's resources, keyed by system name. */
  readonly systems: ReadonlyMap<string, SystemResources>;

  constructor(
    scope: Construct,
    platform: ResolvedPlatform,
    accessLogBucketName: string,
    ledger: ControlLedger,
    options: SystemsStackOptions = {},
  ) {
    const site = options.site ?? primarySite(platform);
    super(
      scope,
      `${site.stackPrefix}-systems`,
      platform,
      site.region,
      `Kinko ${platform.name}: each system's key, repositories, bucket, queues, secret and pod role${site.isDr ? ' (DR region)' : ''}`,
    );

    const accessLogBucket = accessLogTarget(this, 'AccessLogBucket', accessLogBucketName);
    const systems = new Map<string, SystemResources>();
    for (const system of platform.systems) {
      systems.set(
        system.name,
        new SystemResources(this, `System-${system.name}`, {
          system,
          accessLogBucket,
          ledger,
          ...(options.replication !== undefined ? { replication: options.replication } : {}),
          ...(options.isReplica === true ? { isReplica: true } : {}),
          ...(options.vpc !== undefined
            ? {
                network: { vpc: options.vpc, availabilityZones: site.region.availabilityZones },
              }
            : {}),
        }),
      );
    }
    this.systems = systems;
  }
}
