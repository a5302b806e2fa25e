import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import type { ResolvedRoute } from '../model/edge.js';
import type { ControlLedger } from './control-ledger.js';

export type FailoverRole = 'PRIMARY' | 'SECONDARY';

/** Route 53 health check timing: a request every 10 s, unhealthy after 3 failures (about 30 s). */
const HEALTH_CHECK_INTERVAL_SECONDS = 10;
const HEALTH_CHECK_FAILURE_THRESHOLD = 3;

export interface EdgeFailoverRecordsProps {
  readonly loadBalancer: elbv2.IApplicationLoadBalancer;
  readonly hostedZone: { readonly id: string; readonly name: string };
  readonly routes: readonly ResolvedRoute[];
  readonly role: FailoverRole;
  readonly ledger: ControlLedger;
}

/** Set identifier of a system's failover record in one role; `kinko dr` finds the records by it. */
export function failoverSetIdentifier(system: string, role: FailoverRole): string {
  return `${system}-${role.toLowerCase()}`;
}

/**
 * Each system's Route 53 failover record for this region's ALB (R1). The primary region's
 * stack adds a health check per system that requests the system through a host of its own
 * (`health-<system>.<zone>`, a plain alias of the primary ALB), because a check on the system's
 * own host would follow the failover record to whichever region is answering and never fail.
 * Each region's stack writes only its own record, so no stack refers to another region.
 */
export class EdgeFailoverRecords extends Construct {
  constructor(scope: Construct, id: string, props: EdgeFailoverRecordsProps) {
    super(scope, id);
    const { loadBalancer, hostedZone, role } = props;
    const aliasTarget = {
      dnsName: loadBalancer.loadBalancerDnsName,
      hostedZoneId: loadBalancer.loadBalancerCanonicalHostedZoneId,
      evaluateTargetHealth: false,
    };

    for (const route of props.routes) {
      let healthCheckId: string | undefined;
      if (role === 'PRIMARY' && route.healthCheckHost !== undefined) {
        new route53.CfnRecordSet(this, `HealthHost-${route.system}`, {
          hostedZoneId: hostedZone.id,
          name: route.healthCheckHost,
          type: 'A',
          aliasTarget,
        });
        const healthCheck = new route53.CfnHealthCheck(this, `HealthCheck-${route.system}`, {
          healthCheckConfig: {
            type: 'HTTPS',
            fullyQualifiedDomainName: route.healthCheckHost,
            resourcePath: route.healthCheckPath,
            port: 443,
            enableSni: true,
            requestInterval: HEALTH_CHECK_INTERVAL_SECONDS,
            failureThreshold: HEALTH_CHECK_FAILURE_THRESHOLD,
          },
          healthCheckTags: [
            {
              key: 'Name',
              value: `kinko ${route.system} ${route.healthCheckHost}${route.healthCheckPath}`,
            },
            { key: 'kinko:system', value: route.system },
          ],
        });
        healthCheckId = healthCheck.attrHealthCheckId;
        props.ledger.record('R1', healthCheck, {
          en: `System ${route.system}: Route 53 health check of https://${route.healthCheckHost}${route.healthCheckPath} every ${HEALTH_CHECK_INTERVAL_SECONDS} s, failing over after ${HEALTH_CHECK_FAILURE_THRESHOLD} failures`,
          ja: `システム ${route.system}：https://${route.healthCheckHost}${route.healthCheckPath} を ${HEALTH_CHECK_INTERVAL_SECONDS} 秒ごとに確認する Route 53 ヘルスチェック（${HEALTH_CHECK_FAILURE_THRESHOLD} 回失敗でフェイルオーバー）`,
        });
      }

      const record = new route53.CfnRecordSet(this, `Record-${route.system}`, {
        hostedZoneId: hostedZone.id,
        name: route.host,
        type: 'A',
        setIdentifier: failoverSetIdentifier(route.system, role),
        failover: role,
        aliasTarget,
        ...(healthCheckId !== undefined ? { healthCheckId } : {}),
      });
      props.ledger.record('R1', record, {
        en: `System ${route.system}: ${role} failover record ${route.host} aliasing this region's ALB`,
        ja: `システム ${route.system}：このリージョンの ALB を指す ${route.host} の ${role === 'PRIMARY' ? 'プライマリ' : 'セカンダリ'} フェイルオーバーレコード`,
      });
    }
  }
}
