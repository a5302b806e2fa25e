/** Health of the targets in a target group, as the ALB reports it. */
import {
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { awsStep } from './discover.js';

export interface TargetGroupHealth {
  readonly healthy: number;
  readonly total: number;
}

export async function targetGroupHealth(
  client: ElasticLoadBalancingV2Client,
  targetGroupArn: string,
): Promise<TargetGroupHealth> {
  const described = await awsStep('DescribeTargetHealth', () =>
    client.send(new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn })),
  );
  const targets = described.TargetHealthDescriptions ?? [];
  return {
    healthy: targets.filter((target) => target.TargetHealth?.State === 'healthy').length,
    total: targets.length,
  };
}
