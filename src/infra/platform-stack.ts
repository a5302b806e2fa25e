import { Stack, Tags } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { ResolvedPlatform, ResolvedRegion } from '../model/platform.js';

/**
 * Base of every Kinko stack: an explicit account and region, the platform's tags, and the
 * configured Availability Zones seeded into the context, so synthesis never looks anything up in
 * AWS and the VPC spans exactly the zones that platform.yaml names.
 */
export class PlatformStack extends Stack {
  constructor(
    scope: Construct,
    stackName: string,
    platform: ResolvedPlatform,
    region: ResolvedRegion,
    description: string,
  ) {
    super(scope, stackName, {
      stackName,
      description,
      env: { account: platform.account, region: region.region },
      terminationProtection: true,
    });

    // The context key is the one Stack.availabilityZones reads for an environment-specific stack.
    this.node.setContext(`availability-zones:account=${platform.account}:region=${region.region}`, [
      ...region.availabilityZones,
    ]);

    // Strong references: CloudFormation refuses to delete an export that another stack still imports.
    this.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');

    for (const [key, value] of Object.entries(platform.tags)) {
      Tags.of(this).add(key, value);
    }
  }
}
