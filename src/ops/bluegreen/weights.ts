/** Target group weights of a forward rule, by cluster key. */
import type { Action, Rule } from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import { EDGE_NOT_FOUND } from './discover.js';

/** Weight of the live cluster's target group; every other target group gets 0. */
export const LIVE_WEIGHT = 100;

export type Weights = Readonly<Record<string, number>>;

/** Reads the weights of a rule's forward action; a plain forward to one group counts as 100. */
export function readWeights(rule: Rule, targetGroupArns: ReadonlyMap<string, string>): Weights {
  const clusterByArn = new Map([...targetGroupArns].map(([key, arn]) => [arn, key]));
  const forward = rule.Actions?.find((action) => action.Type === 'forward');
  const weights: Record<string, number> = {};
  for (const key of targetGroupArns.keys()) weights[key] = 0;

  const groups =
    forward?.ForwardConfig?.TargetGroups ??
    (forward?.TargetGroupArn !== undefined
      ? [{ TargetGroupArn: forward.TargetGroupArn, Weight: LIVE_WEIGHT }]
      : []);
  for (const group of groups) {
    const key =
      group.TargetGroupArn === undefined ? undefined : clusterByArn.get(group.TargetGroupArn);
    if (key === undefined) {
      throw new KinkoError(EDGE_NOT_FOUND, 'user', {
        messageId: 'ops.edge.unknownTargetGroup',
        params: { rule: rule.RuleArn ?? '', arn: group.TargetGroupArn ?? '' },
      });
    }
    weights[key] = group.Weight ?? 1;
  }
  return weights;
}

/** Returns the weights that send every user to `live`. */
export function liveWeights(clusters: Iterable<string>, live: string): Weights {
  const weights: Record<string, number> = {};
  for (const key of clusters) weights[key] = key === live ? LIVE_WEIGHT : 0;
  return weights;
}

/** Returns the cluster that receives every user, or undefined when traffic is split. */
export function liveClusterOf(weights: Weights): string | undefined {
  const positive = Object.entries(weights).filter(([, weight]) => weight > 0);
  return positive.length === 1 ? positive[0]?.[0] : undefined;
}

export function sameWeights(left: Weights, right: Weights): boolean {
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].every((key) => (left[key] ?? 0) === (right[key] ?? 0));
}

/** Renders weights as `blue: 100, green: 0`, in cluster order. */
export function formatWeights(weights: Weights): string {
  return Object.entries(weights)
    .map(([key, weight]) => `${key}: ${weight}`)
    .join(', ');
}

/** Builds the forward action that ModifyRule writes. Stickiness stays off so a switch moves every user. */
export function forwardAction(
  weights: Weights,
  targetGroupArns: ReadonlyMap<string, string>,
): Action {
  return {
    Type: 'forward',
    ForwardConfig: {
      TargetGroups: [...targetGroupArns].map(([key, arn]) => ({
        TargetGroupArn: arn,
        Weight: weights[key] ?? 0,
      })),
      TargetGroupStickinessConfig: { Enabled: false },
    },
  };
}
