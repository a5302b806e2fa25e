/**
 * Cluster blue/green for one system (R4): move the weights of the system's forward rule on the
 * edge ALB so every user goes to the chosen cluster. One ModifyRule on one rule, so other
 * systems are untouched; requests in flight finish on the old cluster.
 */
import {
  DescribeRulesCommand,
  ModifyRuleCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import type { ResolvedRoute } from '../../model/edge.js';
import type { ResolvedPlatform } from '../../model/platform.js';
import { runChange, type ChangeIo, type ChangeResult } from './change.js';
import {
  awsStep,
  findForwardRule,
  findLoadBalancer,
  findTargetGroups,
  listRules,
} from './discover.js';
import { targetGroupHealth } from './health.js';
import type { Journal, JournalOperation } from './journal.js';
import {
  forwardAction,
  formatWeights,
  liveClusterOf,
  liveWeights,
  readWeights,
  type Weights,
} from './weights.js';

export const SWITCH_INVALID = 'KINKO_SWITCH_INVALID';

export interface SwitchClusterOptions {
  readonly platform: ResolvedPlatform;
  readonly system: string;
  /** Target cluster key; for a rollback, leave unset and the journal names it. */
  readonly to?: string;
  readonly operation: Extract<JournalOperation, 'switch-cluster' | 'rollback-cluster'>;
  readonly client: ElasticLoadBalancingV2Client;
  readonly journal: Journal;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly io: ChangeIo;
}

/** Returns the system's route on the edge, or a user error when either is not declared. */
export function routeOf(platform: ResolvedPlatform, system: string): ResolvedRoute {
  const edge = platform.edge;
  if (edge === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', { messageId: 'ops.edge.notDeclared', params: {} });
  }
  const route = edge.routes.find((candidate) => candidate.system === system);
  if (route === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.system.unknown',
      params: { system, systems: edge.routes.map((r) => r.system).join(', ') },
    });
  }
  return route;
}

/** Picks the rollback target: the cluster that was live before the last completed switch. */
function rollbackTarget(journal: Journal, system: string): string {
  const last = journal.lastCompleted(system, ['switch-cluster']);
  const previous = last === undefined ? undefined : liveClusterOf(last.old as Weights);
  if (previous === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.rollback.nothing',
      params: { system, journal: journal.path },
    });
  }
  return previous;
}

export async function switchCluster(options: SwitchClusterOptions): Promise<ChangeResult> {
  const { platform, client, journal } = options;
  const route = routeOf(platform, options.system);
  const edge = platform.edge;
  if (edge === undefined) throw new Error('unreachable: routeOf checked the edge');

  const to = options.to ?? rollbackTarget(journal, options.system);
  const clusterKeys = edge.targetGroups.map((group) => group.clusterKey);
  if (!clusterKeys.includes(to)) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.cluster.unknown',
      params: { cluster: to, clusters: clusterKeys.join(', ') },
    });
  }

  const loadBalancer = await findLoadBalancer(
    client,
    edge.loadBalancerName,
    platform.primary.region,
  );
  const targetGroupArns = await findTargetGroups(client, edge.targetGroups);
  const rule = findForwardRule(await listRules(client, loadBalancer.listenerArn), route);
  const ruleArn = rule.RuleArn ?? '';
  const current = readWeights(rule, targetGroupArns);
  const desired = liveWeights(clusterKeys, to);
  const targetArn = targetGroupArns.get(to) ?? '';

  const readBack = async (): Promise<Weights> => {
    const described = await awsStep('DescribeRules', () =>
      client.send(new DescribeRulesCommand({ RuleArns: [ruleArn] })),
    );
    const [found] = described.Rules ?? [];
    if (found === undefined) return {};
    return readWeights(found, targetGroupArns);
  };

  return runChange({
    plan: {
      operation: options.operation,
      system: options.system,
      resource: ruleArn,
      old: current,
      new: desired,
      oldText: formatWeights(current),
      newText: formatWeights(desired),
    },
    inForce: formatWeights(current) === formatWeights(desired),
    health: { ...(await targetGroupHealth(client, targetArn)), target: `${to} (${targetArn})` },
    write: async (state) => {
      await awsStep('ModifyRule', () =>
        client.send(
          new ModifyRuleCommand({
            RuleArn: ruleArn,
            Actions: [forwardAction(state as Weights, targetGroupArns)],
          }),
        ),
      );
    },
    readBack,
    journal,
    dryRun: options.dryRun,
    force: options.force,
    io: options.io,
  });
}
