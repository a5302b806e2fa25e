/**
 * The resolved edge: the standalone ALB of cluster blue/green (R4) and the disaster-recovery site
 * (R1), derived once from platform.yaml. The CDK stacks build from these values and the switch
 * operations find the same resources by the same names and rule priorities.
 */
import type { PlatformConfig } from '../config/schema.js';
import * as names from './names.js';
import type { ResolvedCluster, ResolvedRegion } from './platform.js';

/** How a smoke-test rule recognises a request meant for one cluster. */
export type SmokeMatch = 'header' | 'cookie-first' | 'cookie-later';

export const SMOKE_MATCHES: readonly SmokeMatch[] = ['header', 'cookie-first', 'cookie-later'];

/**
 * Listener rule priorities come in blocks of this size, one block per system in platform.yaml
 * order. Smoke-test rules take the low numbers of the block (evaluated first) and the forward
 * rule the highest, so smoke-test requests never fall through to the live cluster.
 */
export const PRIORITY_BLOCK = 10;

/**
 * Health check of each cluster's target group. The ingress controller answers `/nginx-health` on
 * its HTTP port when the chart's `controller.healthStatus` is on.
 */
export const INGRESS_HEALTH_CHECK_PATH = '/nginx-health';
export const TARGET_UNHEALTHY_THRESHOLD = 2;
export const TARGET_HEALTHY_THRESHOLD = 2;
export const TARGET_HEALTH_CHECK_TIMEOUT_SECONDS = 5;
/** ALB limits: deregistration delay 0–3600 s, health check interval 5–300 s. */
const MAX_DEREGISTRATION_DELAY_SECONDS = 3600;
const MIN_HEALTH_CHECK_INTERVAL_SECONDS = 5;
const MAX_HEALTH_CHECK_INTERVAL_SECONDS = 10;

export interface ResolvedTargetGroup {
  readonly clusterKey: string;
  /** Target group name, `<platform>-<cluster>`; at most 32 characters. */
  readonly name: string;
  /** NodePort of the cluster's ingress controller. */
  readonly port: number;
}

export interface ResolvedSmokeRule {
  readonly clusterKey: string;
  readonly match: SmokeMatch;
  readonly priority: number;
  /** Values of the http-header condition, ALB wildcard patterns. */
  readonly values: readonly string[];
}

/** One system's listener rules on the edge ALB. */
export interface ResolvedRoute {
  readonly system: string;
  readonly host: string;
  /** Path prefix without a trailing slash; undefined matches every path. */
  readonly pathPrefix?: string;
  /** Cluster key whose target group gets weight 100 when the stack is created. */
  readonly liveCluster: string;
  /** Priority of the rule that forwards users with weights [live: 100, other: 0]. */
  readonly forwardPriority: number;
  readonly smokeRules: readonly ResolvedSmokeRule[];
  /** Host the Route 53 health check requests; set when a hosted zone and a DR region are declared. */
  readonly healthCheckHost?: string;
  /** Path the Route 53 health check requests. */
  readonly healthCheckPath: string;
}

export interface ResolvedEdge {
  /** ALB name, `<platform>-edge`; at most 32 characters. */
  readonly loadBalancerName: string;
  readonly certificateArn: string;
  readonly smokeTest: { readonly headerName: string; readonly cookieName: string };
  /** Seconds a deregistering node keeps its in-flight requests: the longest preStop sleep. */
  readonly deregistrationDelaySeconds: number;
  readonly targetHealthCheck: {
    readonly path: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthyThresholdCount: number;
    readonly unhealthyThresholdCount: number;
  };
  readonly targetGroups: readonly ResolvedTargetGroup[];
  readonly routes: readonly ResolvedRoute[];
  readonly hostedZone?: { readonly id: string; readonly name: string };
  /** Bucket of the ALB access logs (SSE-S3, which ALB log delivery requires). */
  readonly accessLogBucketName: string;
}

/** The DR region's copy of the platform: one cluster, the systems' resources and an ALB. */
export interface ResolvedDisasterRecovery {
  readonly region: ResolvedRegion;
  /** Copy of the primary live cluster, with the same name, in the DR region. */
  readonly cluster: ResolvedCluster;
  readonly systems: ReadonlyArray<{
    readonly name: string;
    readonly bucketName: string;
    readonly podRoleName: string;
  }>;
  /** The DR region's ALB; undefined unless `edge.drCertificateArn` is set. */
  readonly edge?: {
    readonly loadBalancerName: string;
    readonly certificateArn: string;
    readonly targetGroup: ResolvedTargetGroup;
    readonly accessLogBucketName: string;
  };
}

/** Returns the ALB wildcard patterns that match a `Cookie` header carrying `name=value`. */
export function cookiePatterns(
  name: string,
  value: string,
): Record<'cookie-first' | 'cookie-later', string[]> {
  // Cookies are separated by "; " (RFC 6265, section 4.2.1). Anchoring the name at the start of the
  // header or right after a separator rejects look-alikes such as `xkinko-smoke=green`; ending
  // at the end of the header or at a separator rejects `kinko-smoke=greenx`.
  const pair = `${name}=${value}`;
  return {
    'cookie-first': [pair, `${pair};*`],
    'cookie-later': [`*; ${pair}`, `*; ${pair};*`],
  };
}

export function resolveEdge(
  config: PlatformConfig,
  clusters: readonly ResolvedCluster[],
): ResolvedEdge | undefined {
  const edge = config.edge;
  if (edge === undefined) return undefined;

  const region = config.regions.primary.region;
  const defaultLive = edge.liveCluster ?? clusters[0]?.key ?? '';
  const apps = config.systems.flatMap((system) => system.apps);
  const longestPreStop = Math.max(...apps.map((app) => app.preStopSleepSeconds));
  const shortestPreStop = Math.min(...apps.map((app) => app.preStopSleepSeconds));

  const routes = config.systems.map((system, index): ResolvedRoute => {
    const base = index * PRIORITY_BLOCK;
    const smokeRules: ResolvedSmokeRule[] = [];
    if (clusters.length > 1) {
      clusters.forEach((cluster, clusterIndex) => {
        const cookies = cookiePatterns(edge.smokeTest.cookieName, cluster.key);
        SMOKE_MATCHES.forEach((match, matchIndex) => {
          smokeRules.push({
            clusterKey: cluster.key,
            match,
            priority: base + 1 + clusterIndex * SMOKE_MATCHES.length + matchIndex,
            values: match === 'header' ? [cluster.key] : cookies[match],
          });
        });
      });
    }
    const firstApp = system.apps[0];
    const appHealthPath =
      firstApp === undefined
        ? '/'
        : `${firstApp.routePath === '/' ? '' : firstApp.routePath}${firstApp.healthCheckPath}`;
    const healthCheckHost =
      edge.hostedZone !== undefined && config.regions.dr !== undefined
        ? names.healthCheckHost(system.name, edge.hostedZone.name)
        : undefined;
    return {
      system: system.name,
      host: system.host,
      ...(system.pathPrefix !== undefined ? { pathPrefix: system.pathPrefix } : {}),
      liveCluster: system.liveCluster ?? defaultLive,
      forwardPriority: base + PRIORITY_BLOCK - 1,
      smokeRules,
      ...(healthCheckHost !== undefined ? { healthCheckHost } : {}),
      healthCheckPath: system.dr?.healthCheckPath ?? appHealthPath,
    };
  });

  return {
    loadBalancerName: names.edgeLoadBalancerName(config.name),
    certificateArn: edge.certificateArn,
    smokeTest: { ...edge.smokeTest },
    deregistrationDelaySeconds: Math.min(longestPreStop, MAX_DEREGISTRATION_DELAY_SECONDS),
    targetHealthCheck: {
      path: INGRESS_HEALTH_CHECK_PATH,
      // A node whose controller pod stops must fail its health check (interval × threshold) well
      // within the shortest preStop sleep, so the ALB stops sending before the pod stops serving.
      intervalSeconds: Math.max(
        MIN_HEALTH_CHECK_INTERVAL_SECONDS,
        Math.min(
          MAX_HEALTH_CHECK_INTERVAL_SECONDS,
          Math.floor(shortestPreStop / (2 * TARGET_UNHEALTHY_THRESHOLD)),
        ),
      ),
      timeoutSeconds: TARGET_HEALTH_CHECK_TIMEOUT_SECONDS,
      healthyThresholdCount: TARGET_HEALTHY_THRESHOLD,
      unhealthyThresholdCount: TARGET_UNHEALTHY_THRESHOLD,
    },
    targetGroups: clusters.map((cluster) => ({
      clusterKey: cluster.key,
      name: names.clusterTargetGroupName(config.name, cluster.key),
      port: config.ingress.httpNodePort,
    })),
    routes,
    ...(edge.hostedZone !== undefined ? { hostedZone: { ...edge.hostedZone } } : {}),
    accessLogBucketName: names.edgeAccessLogBucketName(config.name, config.account, region),
  };
}

export function resolveDisasterRecovery(
  config: PlatformConfig,
  clusters: readonly ResolvedCluster[],
  edge: ResolvedEdge | undefined,
): ResolvedDisasterRecovery | undefined {
  const dr = config.regions.dr;
  const liveKey = config.edge?.liveCluster ?? clusters[0]?.key;
  const live = clusters.find((cluster) => cluster.key === liveKey) ?? clusters[0];
  if (dr === undefined || live === undefined) return undefined;

  const drEdge =
    edge !== undefined && config.edge?.drCertificateArn !== undefined
      ? {
          loadBalancerName: names.edgeLoadBalancerName(config.name),
          certificateArn: config.edge.drCertificateArn,
          targetGroup: {
            clusterKey: live.key,
            name: names.clusterTargetGroupName(config.name, live.key),
            port: config.ingress.httpNodePort,
          },
          accessLogBucketName: names.edgeAccessLogBucketName(
            config.name,
            config.account,
            dr.region,
          ),
        }
      : undefined;

  return {
    region: { region: dr.region, availabilityZones: dr.availabilityZones },
    cluster: live,
    systems: config.systems.map((system) => ({
      name: system.name,
      bucketName: names.systemBucketName(config.name, system.name, config.account, dr.region),
      podRoleName: names.systemPodRoleName(config.name, system.name, dr.region),
    })),
    ...(drEdge !== undefined ? { edge: drEdge } : {}),
  };
}
