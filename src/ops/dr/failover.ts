/**
 * Regional failover of one system (R1): point the system's PRIMARY failover record at the DR
 * region's ALB (failover) or back at the primary region's (failback). Both records then answer
 * from the chosen region, whatever the health checks say, until the next failback.
 */
import type { Route53Client } from '@aws-sdk/client-route-53';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

import { KinkoError } from '../../errors.js';
import type { ResolvedPlatform } from '../../model/platform.js';
import { runChange, type ChangeIo, type ChangeResult } from '../bluegreen/change.js';
import {
  findForwardRule,
  findLoadBalancer,
  findTargetGroups,
  listRules,
} from '../bluegreen/discover.js';
import { targetGroupHealth } from '../bluegreen/health.js';
import type { Journal } from '../bluegreen/journal.js';
import { routeOf, SWITCH_INVALID } from '../bluegreen/switch-cluster.js';
import { liveClusterOf, readWeights } from '../bluegreen/weights.js';
import {
  aliasOf,
  findPrimaryRecord,
  normalizeDnsName,
  writeAlias,
  type AliasState,
} from './records.js';

export type DrDirection = 'failover' | 'failback';

export interface DrClients {
  readonly primary: ElasticLoadBalancingV2Client;
  readonly dr: ElasticLoadBalancingV2Client;
  readonly route53: Route53Client;
}

export interface DrSwitchOptions {
  readonly platform: ResolvedPlatform;
  readonly system: string;
  readonly direction: DrDirection;
  readonly clients: DrClients;
  readonly journal: Journal;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly io: ChangeIo;
}

/** Names the region an alias points at: `primary`, `dr`, or the DNS name itself. */
export function regionOfAlias(alias: AliasState, primaryDns: string, drDns: string): string {
  if (alias.dnsName === primaryDns) return 'primary';
  if (alias.dnsName === drDns) return 'dr';
  return alias.dnsName;
}

export async function switchRegion(options: DrSwitchOptions): Promise<ChangeResult> {
  const { platform, clients } = options;
  const route = routeOf(platform, options.system);
  const edge = platform.edge;
  const drEdge = platform.disasterRecovery?.edge;
  const dr = platform.disasterRecovery;
  if (edge?.hostedZone === undefined || drEdge === undefined || dr === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', { messageId: 'ops.dr.notDeclared', params: {} });
  }

  const primaryLb = await findLoadBalancer(
    clients.primary,
    edge.loadBalancerName,
    platform.primary.region,
  );
  const drLb = await findLoadBalancer(clients.dr, drEdge.loadBalancerName, dr.region.region);
  const record = await findPrimaryRecord(
    clients.route53,
    edge.hostedZone.id,
    route.host,
    route.system,
  );
  const current = aliasOf(record);
  const primaryAlias: AliasState = {
    dnsName: normalizeDnsName(primaryLb.dnsName),
    hostedZoneId: primaryLb.canonicalHostedZoneId,
  };
  const drAlias: AliasState = {
    dnsName: normalizeDnsName(drLb.dnsName),
    hostedZoneId: drLb.canonicalHostedZoneId,
  };
  const desired = options.direction === 'failover' ? drAlias : primaryAlias;

  // The region that takes the users must have healthy targets behind the system's rule.
  let health: { healthy: number; total: number; target: string };
  if (options.direction === 'failover') {
    const groups = await findTargetGroups(clients.dr, [drEdge.targetGroup]);
    const arn = groups.get(drEdge.targetGroup.clusterKey) ?? '';
    health = {
      ...(await targetGroupHealth(clients.dr, arn)),
      target: `${dr.region.region} ${drEdge.targetGroup.name}`,
    };
  } else {
    const groups = await findTargetGroups(clients.primary, edge.targetGroups);
    const rule = findForwardRule(await listRules(clients.primary, primaryLb.listenerArn), route);
    const live = liveClusterOf(readWeights(rule, groups)) ?? route.liveCluster;
    const arn = groups.get(live) ?? '';
    health = {
      ...(await targetGroupHealth(clients.primary, arn)),
      target: `${platform.primary.region} ${live}`,
    };
  }

  const describe = (alias: AliasState) =>
    `${regionOfAlias(alias, primaryAlias.dnsName, drAlias.dnsName)} (${alias.dnsName})`;
  return runChange({
    plan: {
      operation: options.direction === 'failover' ? 'dr-failover' : 'dr-failback',
      system: route.system,
      resource: `${edge.hostedZone.id} ${route.host} ${record.SetIdentifier ?? ''}`,
      old: { ...current },
      new: { ...desired },
      oldText: describe(current),
      newText: describe(desired),
    },
    inForce: current.dnsName === desired.dnsName && current.hostedZoneId === desired.hostedZoneId,
    health,
    write: (state) =>
      writeAlias(
        clients.route53,
        edge.hostedZone?.id ?? '',
        record,
        state as unknown as AliasState,
      ),
    readBack: async () => ({
      ...aliasOf(
        await findPrimaryRecord(
          clients.route53,
          edge.hostedZone?.id ?? '',
          route.host,
          route.system,
        ),
      ),
    }),
    journal: options.journal,
    dryRun: options.dryRun,
    force: options.force,
    io: options.io,
  });
}
