/**
 * `kinko status`: per system, the live cluster on the edge ALB, the DR state of its failover
 * record, and the health of each target group. Read-only.
 */
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import type { ResolvedPlatform } from '../../model/platform.js';
import type { AppStatus } from './app/status.js';
import { findForwardRule, findLoadBalancer, findTargetGroups, listRules } from './discover.js';
import { targetGroupHealth, type TargetGroupHealth } from './health.js';
import { formatWeights, liveClusterOf, readWeights, type Weights } from './weights.js';
import { aliasOf, findPrimaryRecord, normalizeDnsName } from '../dr/records.js';
import { regionOfAlias } from '../dr/failover.js';

export interface SystemStatus {
  readonly system: string;
  readonly host: string;
  readonly weights: Weights;
  /** Cluster that receives every user, or `split` when traffic is divided. */
  readonly liveCluster: string;
  /** The cluster platform.yaml names live; differs from `liveCluster` after an unrecorded switch. */
  readonly declaredLiveCluster: string;
  /** `primary` or `dr`, or `null` when no failover records are declared. */
  readonly region: string | null;
  readonly ruleArn: string;
}

export interface PlatformStatus {
  /** ARN of the edge ALB; `null` when platform.yaml declares no edge. */
  readonly loadBalancer: string | null;
  readonly targetGroups: ReadonlyArray<
    { readonly cluster: string; readonly name: string } & TargetGroupHealth
  >;
  readonly systems: readonly SystemStatus[];
}

export interface StatusClients {
  readonly primary: ElasticLoadBalancingV2Client;
  /** Set when the DR region and its failover records are declared. */
  readonly dr?: ElasticLoadBalancingV2Client;
  readonly route53?: Route53Client;
}

export async function readStatus(
  platform: ResolvedPlatform,
  clients: StatusClients,
): Promise<PlatformStatus> {
  const edge = platform.edge;
  if (edge === undefined) return { loadBalancer: null, targetGroups: [], systems: [] };

  const loadBalancer = await findLoadBalancer(
    clients.primary,
    edge.loadBalancerName,
    platform.primary.region,
  );
  const arns = await findTargetGroups(clients.primary, edge.targetGroups);
  const rules = await listRules(clients.primary, loadBalancer.listenerArn);

  const targetGroups = [];
  for (const group of edge.targetGroups) {
    const health = await targetGroupHealth(clients.primary, arns.get(group.clusterKey) ?? '');
    targetGroups.push({ cluster: group.clusterKey, name: group.name, ...health });
  }

  const drEdge = platform.disasterRecovery?.edge;
  const drDns =
    drEdge !== undefined && clients.dr !== undefined && edge.hostedZone !== undefined
      ? normalizeDnsName(
          (
            await findLoadBalancer(
              clients.dr,
              drEdge.loadBalancerName,
              platform.disasterRecovery?.region.region ?? '',
            )
          ).dnsName,
        )
      : undefined;

  const systems: SystemStatus[] = [];
  for (const route of edge.routes) {
    const rule = findForwardRule(rules, route);
    const weights = readWeights(rule, arns);
    let region: string | null = null;
    if (drDns !== undefined && clients.route53 !== undefined && edge.hostedZone !== undefined) {
      const record = await findPrimaryRecord(
        clients.route53,
        edge.hostedZone.id,
        route.host,
        route.system,
      );
      region = regionOfAlias(aliasOf(record), normalizeDnsName(loadBalancer.dnsName), drDns);
    }
    systems.push({
      system: route.system,
      host: `${route.host}${route.pathPrefix ?? ''}`,
      weights,
      liveCluster: liveClusterOf(weights) ?? `split (${formatWeights(weights)})`,
      declaredLiveCluster: route.liveCluster,
      region,
      ruleArn: rule.RuleArn ?? '',
    });
  }
  return { loadBalancer: loadBalancer.arn, targetGroups, systems };
}

/** The report of `kinko status`: the edge, the app colours, and why the edge could not be read. */
export interface StatusReport extends PlatformStatus {
  readonly apps: readonly AppStatus[];
  /** Code and text of the error that stopped the edge read; the edge fields are then empty. */
  readonly edgeError?: { readonly code: string | null; readonly message: string };
}

/**
 * Reads the edge and, when `readApps` is given, the app colours. The two are independent, because
 * a missing or unreachable edge ALB must not hide the colours the Kubernetes API reports. With
 * apps to read, an edge error is returned next to them, so the caller prints the colours and then
 * raises it. Without apps, the error is thrown as it is.
 */
export async function readStatusReport(
  readEdge: () => Promise<PlatformStatus>,
  readApps?: () => Promise<AppStatus[]>,
): Promise<{ readonly report: StatusReport; readonly edgeError?: unknown }> {
  if (readApps === undefined) return { report: { ...(await readEdge()), apps: [] } };
  let edge: PlatformStatus;
  let edgeError: unknown;
  try {
    edge = await readEdge();
  } catch (error) {
    edgeError = error;
    edge = { loadBalancer: null, targetGroups: [], systems: [] };
  }
  const apps = await readApps();
  if (edgeError === undefined) return { report: { ...edge, apps } };
  const code = edgeError instanceof KinkoError ? edgeError.code : null;
  const message = edgeError instanceof Error ? edgeError.message : String(edgeError);
  return { report: { ...edge, apps, edgeError: { code, message } }, edgeError };
}
