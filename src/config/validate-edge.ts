/**
 * Cross-field checks of the edge ALB and the DR site: the live cluster names a declared cluster,
 * two clusters come with an ALB, each certificate is in the region of its ALB, derived ALB names
 * fit their limits, and system hosts lie inside the hosted zone of the failover records.
 */
import { ELB_NAME_LIMIT, clusterTargetGroupName, edgeLoadBalancerName } from '../model/names.js';
import type { YamlPath } from './issues.js';
import type { PlatformConfig } from './schema.js';

export type ReportProblem = (
  messageId: string,
  path: YamlPath,
  params?: Record<string, string | number>,
) => void;

/** Header names the ALB or HTTP give a meaning of their own, so a smoke test cannot use them. */
const RESERVED_HEADERS = new Set(['host', 'cookie', 'content-length', 'transfer-encoding']);

function certificateRegion(arn: string): string | undefined {
  return arn.split(':')[3];
}

export function validateEdge(config: PlatformConfig, problem: ReportProblem): void {
  const clusterKeys = config.clusters.map((cluster) => cluster.key);
  const edge = config.edge;

  if (edge === undefined) {
    if (config.clusters.length > 1) {
      problem('config.edge.missing', ['clusters'], { count: config.clusters.length });
    }
    config.systems.forEach((system, index) => {
      if (system.liveCluster !== undefined) {
        problem('config.edge.liveWithoutEdge', ['systems', index, 'liveCluster']);
      }
    });
    return;
  }

  const checkLive = (key: string, path: YamlPath) => {
    if (!clusterKeys.includes(key)) {
      problem('config.edge.unknownCluster', path, { clusters: clusterKeys.join(', ') });
    }
  };
  if (edge.liveCluster !== undefined) checkLive(edge.liveCluster, ['edge', 'liveCluster']);
  config.systems.forEach((system, index) => {
    if (system.liveCluster !== undefined) {
      checkLive(system.liveCluster, ['systems', index, 'liveCluster']);
    }
  });

  const primaryRegion = config.regions.primary.region;
  if (certificateRegion(edge.certificateArn) !== primaryRegion) {
    problem('config.edge.certificateRegion', ['edge', 'certificateArn'], {
      region: primaryRegion,
    });
  }
  const dr = config.regions.dr;
  if (dr !== undefined && edge.drCertificateArn === undefined) {
    problem('config.edge.drCertificateMissing', ['edge'], { region: dr.region });
  }
  if (edge.drCertificateArn !== undefined) {
    if (dr === undefined) {
      problem('config.edge.drCertificateWithoutDr', ['edge', 'drCertificateArn']);
    } else if (certificateRegion(edge.drCertificateArn) !== dr.region) {
      problem('config.edge.certificateRegion', ['edge', 'drCertificateArn'], {
        region: dr.region,
      });
    }
  }

  if (RESERVED_HEADERS.has(edge.smokeTest.headerName)) {
    problem('config.edge.reservedHeader', ['edge', 'smokeTest', 'headerName']);
  }

  const loadBalancerName = edgeLoadBalancerName(config.name);
  if (loadBalancerName.length > ELB_NAME_LIMIT) {
    problem('config.name.tooLong', ['name'], {
      what: 'load balancer name',
      whatJa: 'ロードバランサー名',
      value: loadBalancerName,
      length: loadBalancerName.length,
      limit: ELB_NAME_LIMIT,
    });
  }
  config.clusters.forEach((cluster, index) => {
    const name = clusterTargetGroupName(config.name, cluster.key);
    if (name.length > ELB_NAME_LIMIT) {
      problem('config.name.tooLong', ['clusters', index, 'key'], {
        what: 'target group name',
        whatJa: 'ターゲットグループ名',
        value: name,
        length: name.length,
        limit: ELB_NAME_LIMIT,
      });
    }
  });

  const zone = edge.hostedZone?.name;
  if (zone !== undefined) {
    config.systems.forEach((system, index) => {
      if (!system.host.endsWith(`.${zone}`)) {
        problem('config.edge.hostOutsideZone', ['systems', index, 'host'], { zone });
      }
    });
  }
}
