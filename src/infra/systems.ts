import type { Construct } from 'constructs';
import type { ResolvedPlatform } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import { accessLogTarget } from './audit-buckets.js';
import { PlatformStack } from './platform-stack.js';
import { SystemResources } from './system-resources.js';

/** The AWS resources of every business system, one `SystemResources` construct per system. */
export class SystemsStack extends PlatformStack {
  /** Each system's resources, keyed by system name. */
  readonly systems: ReadonlyMap<string, SystemResources>;

  constructor(
    scope: Construct,
    platform: ResolvedPlatform,
    accessLogBucketName: string,
    ledger: ControlLedger,
  ) {
    super(
      scope,
      `${platform.name}-systems`,
      platform,
      platform.primary,
      `Kinko ${platform.name}: each system's key, repositories, bucket, queues, secret and pod role`,
    );

    const accessLogBucket = accessLogTarget(this, 'AccessLogBucket', accessLogBucketName);
    const systems = new Map<string, SystemResources>();
    for (const system of platform.systems) {
      systems.set(
        system.name,
        new SystemResources(this, `System-${system.name}`, { system, accessLogBucket, ledger }),
      );
    }
    this.systems = systems;
  }
}
