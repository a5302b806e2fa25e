/**
 * Finds a system's edge resources in AWS by the names and rule priorities that the model derives
 * from platform.yaml: the ALB `<platform>-edge`, its HTTPS listener, the forward rule at the
 * system's priority, and the target group `<platform>-<cluster>` of each cluster. The rule's host
 * condition is checked against platform.yaml, so a renumbered rule is never switched by mistake.
 */
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  type DescribeLoadBalancersCommandOutput,
  type ElasticLoadBalancingV2Client,
  type Rule,
  type TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import type { ResolvedRoute, ResolvedTargetGroup } from '../../model/edge.js';
import { awsErrorText } from './aws.js';

export const EDGE_NOT_FOUND = 'KINKO_EDGE_NOT_FOUND';
export const EDGE_AWS_FAILED = 'KINKO_EDGE_AWS_FAILED';

const HTTPS_PORT = 443;

export interface EdgeLoadBalancer {
  readonly arn: string;
  readonly dnsName: string;
  /** Route 53 hosted zone id of the load balancer's DNS name, for alias records. */
  readonly canonicalHostedZoneId: string;
  readonly listenerArn: string;
}

/** Runs one AWS call, turning its failure into a KinkoError that names the step. */
export async function awsStep<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KinkoError) throw error;
    throw new KinkoError(EDGE_AWS_FAILED, 'tool', {
      messageId: 'ops.aws.failed',
      params: { step, reason: awsErrorText(error) },
    });
  }
}

export async function findLoadBalancer(
  client: ElasticLoadBalancingV2Client,
  name: string,
  region: string,
): Promise<EdgeLoadBalancer> {
  const described = await awsStep(
    'DescribeLoadBalancers',
    async (): Promise<Pick<DescribeLoadBalancersCommandOutput, 'LoadBalancers'>> => {
      try {
        return await client.send(new DescribeLoadBalancersCommand({ Names: [name] }));
      } catch (error) {
        if (error instanceof Error && error.name === 'LoadBalancerNotFoundException') return {};
        throw error;
      }
    },
  );
  const loadBalancer = described.LoadBalancers?.[0];
  if (loadBalancer?.LoadBalancerArn === undefined) {
    throw new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.edge.loadBalancerNotFound',
      params: { name, region },
    });
  }

  const listeners = await awsStep('DescribeListeners', () =>
    client.send(new DescribeListenersCommand({ LoadBalancerArn: loadBalancer.LoadBalancerArn })),
  );
  const https = listeners.Listeners?.find((listener) => listener.Port === HTTPS_PORT);
  if (https?.ListenerArn === undefined) {
    throw new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.edge.listenerNotFound',
      params: { name, port: HTTPS_PORT },
    });
  }
  return {
    arn: loadBalancer.LoadBalancerArn,
    dnsName: loadBalancer.DNSName ?? '',
    canonicalHostedZoneId: loadBalancer.CanonicalHostedZoneId ?? '',
    listenerArn: https.ListenerArn,
  };
}

/** Lists every rule of a listener, following the pages. */
export async function listRules(
  client: ElasticLoadBalancingV2Client,
  listenerArn: string,
): Promise<Rule[]> {
  const rules: Rule[] = [];
  let marker: string | undefined;
  do {
    const page = await awsStep('DescribeRules', () =>
      client.send(new DescribeRulesCommand({ ListenerArn: listenerArn, Marker: marker })),
    );
    rules.push(...(page.Rules ?? []));
    marker = page.NextMarker;
  } while (marker !== undefined);
  return rules;
}

/** Returns the hosts of a rule's host-header condition. */
function ruleHosts(rule: Rule): string[] {
  const condition = rule.Conditions?.find((c) => c.Field === 'host-header');
  return condition?.HostHeaderConfig?.Values ?? condition?.Values ?? [];
}

/** Finds the system's forward rule by its priority and checks that it routes the system's host. */
export function findForwardRule(rules: readonly Rule[], route: ResolvedRoute): Rule {
  const rule = rules.find((candidate) => candidate.Priority === String(route.forwardPriority));
  if (rule?.RuleArn === undefined) {
    throw new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.edge.ruleNotFound',
      params: { system: route.system, priority: route.forwardPriority },
    });
  }
  const hosts = ruleHosts(rule);
  if (!hosts.includes(route.host)) {
    throw new KinkoError(EDGE_NOT_FOUND, 'user', {
      messageId: 'ops.edge.ruleMismatch',
      params: {
        system: route.system,
        priority: route.forwardPriority,
        host: route.host,
        hosts: hosts.join(', ') || '-',
      },
    });
  }
  return rule;
}

/** Returns the ARN of each cluster's target group, by cluster key. */
export async function findTargetGroups(
  client: ElasticLoadBalancingV2Client,
  groups: readonly ResolvedTargetGroup[],
): Promise<Map<string, string>> {
  const described = await awsStep(
    'DescribeTargetGroups',
    async (): Promise<{ TargetGroups?: TargetGroup[] }> => {
      try {
        return await client.send(
          new DescribeTargetGroupsCommand({ Names: groups.map((group) => group.name) }),
        );
      } catch (error) {
        if (error instanceof Error && error.name === 'TargetGroupNotFoundException') return {};
        throw error;
      }
    },
  );
  const arns = new Map<string, string>();
  for (const group of groups) {
    const found = described.TargetGroups?.find((tg) => tg.TargetGroupName === group.name);
    if (found?.TargetGroupArn === undefined) {
      throw new KinkoError(EDGE_NOT_FOUND, 'user', {
        messageId: 'ops.edge.targetGroupNotFound',
        params: { name: group.name, cluster: group.clusterKey },
      });
    }
    arns.set(group.clusterKey, found.TargetGroupArn);
  }
  return arns;
}
