/**
 * Takes a node's instance out of the cluster's Kinko target groups (the edge ALB's, named from the
 * model) and waits until its connections have drained (DescribeTargetHealth no longer lists it as
 * `draining`).
 */
import {
  DeregisterTargetsCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type TargetDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import { awsStep } from '../bluegreen/discover.js';
import type { DrainClock, DrainEvent } from './evict.js';
import { DRAIN_TIMEOUT } from './evict.js';

const POLL_MS = 2000;

export interface LoadBalancerSettings {
  readonly client: ElasticLoadBalancingV2Client;
  /** Names of the cluster's target groups, `<platform>-<cluster>`. */
  readonly targetGroupNames: readonly string[];
}

async function targetGroupArns(settings: LoadBalancerSettings): Promise<Map<string, string>> {
  const described = await awsStep('DescribeTargetGroups', () =>
    settings.client.send(
      new DescribeTargetGroupsCommand({ Names: [...settings.targetGroupNames] }),
    ),
  );
  const arns = new Map<string, string>();
  for (const group of described.TargetGroups ?? []) {
    if (group.TargetGroupName !== undefined && group.TargetGroupArn !== undefined) {
      arns.set(group.TargetGroupName, group.TargetGroupArn);
    }
  }
  return arns;
}

/** Lists the instance's registrations (id and port) in one target group, with their states. */
async function registrations(
  client: ElasticLoadBalancingV2Client,
  arn: string,
  instanceId: string,
): Promise<Array<{ target: TargetDescription; state: string }>> {
  const health = await awsStep('DescribeTargetHealth', () =>
    client.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })),
  );
  return (health.TargetHealthDescriptions ?? [])
    .filter((description) => description.Target?.Id === instanceId)
    .map((description) => ({
      target: description.Target ?? { Id: instanceId },
      state: description.TargetHealth?.State ?? 'unknown',
    }));
}

/** Deregisters the instance from every target group and waits until no registration is draining. */
export async function deregisterInstance(
  settings: LoadBalancerSettings,
  node: string,
  instanceId: string,
  options: { dryRun: boolean; clock: DrainClock; onEvent: (event: DrainEvent) => void },
): Promise<void> {
  const arns = await targetGroupArns(settings);
  for (const [name, arn] of arns) {
    const found = await registrations(settings.client, arn, instanceId);
    const active = found.filter((entry) => entry.state !== 'draining' && entry.state !== 'unused');
    options.onEvent({
      messageId: 'drain.lb.deregister',
      params: { node, instance: instanceId, targetGroup: name, count: active.length },
    });
    if (options.dryRun) continue;
    if (active.length > 0) {
      await awsStep('DeregisterTargets', () =>
        settings.client.send(
          new DeregisterTargetsCommand({
            TargetGroupArn: arn,
            Targets: active.map((entry) => entry.target),
          }),
        ),
      );
    }
    for (;;) {
      const draining = (await registrations(settings.client, arn, instanceId)).filter(
        (entry) => entry.state === 'draining',
      );
      if (draining.length === 0) break;
      if (options.clock.now() + POLL_MS > options.clock.deadline) {
        throw new KinkoError(DRAIN_TIMEOUT, 'user', {
          messageId: 'drain.timeout.lb',
          params: { node, instance: instanceId, targetGroup: name },
        });
      }
      options.onEvent({
        messageId: 'drain.lb.waiting',
        params: { node, targetGroup: name, seconds: POLL_MS / 1000 },
      });
      await options.clock.sleep(POLL_MS);
    }
  }
}
