import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../model/edge.js';

/** Tag keys on the edge's rules and target groups, for people reading the console and bills. */
export const TAG_SYSTEM = 'kinko:system';
export const TAG_CLUSTER = 'kinko:cluster';
export const TAG_RULE = 'kinko:rule';

/** Weight of the live target group; the other gets 0 so it receives no users. */
export const LIVE_WEIGHT = 100;

export interface EdgeRulesProps {
  readonly listener: elbv2.IApplicationListener;
  readonly route: ResolvedRoute;
  /** Target group ARN by cluster key. */
  readonly targetGroupArns: ReadonlyMap<string, string>;
  /** Cluster whose target group gets the weight 100; defaults to `route.liveCluster`. */
  readonly liveCluster?: string;
  readonly smokeHeaderName: string;
}

/**
 * One system's listener rules: the forward rule that sends users to the live cluster with weights
 * [live: 100, other: 0], and, with two clusters, the smoke-test rules that send a request
 * carrying the test header or cookie to the cluster it names. `kinko switch` changes only the
 * weights of the forward rule, so each system switches on its own.
 */
export class EdgeRules extends Construct {
  readonly forwardRule: elbv2.CfnListenerRule;

  constructor(scope: Construct, id: string, props: EdgeRulesProps) {
    super(scope, id);
    const { route, targetGroupArns } = props;
    const live = props.liveCluster ?? route.liveCluster;

    const hosts = [
      route.host,
      ...(route.healthCheckHost !== undefined ? [route.healthCheckHost] : []),
    ];
    const forwardConditions = [hostCondition(hosts), ...pathConditions(route)];
    this.forwardRule = new elbv2.CfnListenerRule(this, 'Forward', {
      listenerArn: props.listener.listenerArn,
      priority: route.forwardPriority,
      conditions: forwardConditions,
      actions: [
        {
          type: 'forward',
          forwardConfig: {
            targetGroups: [...targetGroupArns].map(([clusterKey, arn]) => ({
              targetGroupArn: arn,
              weight: clusterKey === live ? LIVE_WEIGHT : 0,
            })),
            targetGroupStickinessConfig: { enabled: false },
          },
        },
      ],
      tags: [
        { key: TAG_SYSTEM, value: route.system },
        { key: TAG_RULE, value: 'forward' },
      ],
    });

    for (const smoke of route.smokeRules) {
      const arn = targetGroupArns.get(smoke.clusterKey);
      if (arn === undefined) continue;
      const headerName = smoke.match === 'header' ? props.smokeHeaderName : 'cookie';
      new elbv2.CfnListenerRule(this, `Smoke-${smoke.clusterKey}-${smoke.match}`, {
        listenerArn: props.listener.listenerArn,
        priority: smoke.priority,
        conditions: [
          hostCondition([route.host]),
          ...pathConditions(route),
          {
            field: 'http-header',
            httpHeaderConfig: { httpHeaderName: headerName, values: [...smoke.values] },
          },
        ],
        actions: [{ type: 'forward', targetGroupArn: arn }],
        tags: [
          { key: TAG_SYSTEM, value: route.system },
          { key: TAG_CLUSTER, value: smoke.clusterKey },
          { key: TAG_RULE, value: `smoke-${smoke.match}` },
        ],
      });
    }
  }
}

function hostCondition(hosts: readonly string[]): elbv2.CfnListenerRule.RuleConditionProperty {
  return { field: 'host-header', hostHeaderConfig: { values: [...hosts] } };
}

/** A path prefix matches the prefix itself and everything below it. */
function pathConditions(route: ResolvedRoute): elbv2.CfnListenerRule.RuleConditionProperty[] {
  if (route.pathPrefix === undefined) return [];
  return [
    {
      field: 'path-pattern',
      pathPatternConfig: { values: [route.pathPrefix, `${route.pathPrefix}/*`] },
    },
  ];
}
