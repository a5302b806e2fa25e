import { CfnOutput, Duration, RemovalPolicy, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { ResolvedEdge, ResolvedRoute, ResolvedTargetGroup } from '../model/edge.js';
import type { ResolvedPlatform } from '../model/platform.js';
import { acknowledgeRule } from './acknowledge.js';
import type { ControlLedger } from './control-ledger.js';
import { EdgeFailoverRecords, type FailoverRole } from './edge-failover.js';
import { EdgeRules, TAG_CLUSTER } from './edge-rules.js';
import { PlatformStack } from './platform-stack.js';
import type { Site } from './site.js';

const HTTPS_PORT = 443;
const HTTP_PORT = 80;

export interface EdgeStackProps {
  readonly platform: ResolvedPlatform;
  readonly edge: ResolvedEdge;
  readonly site: Site;
  readonly vpc: ec2.IVpc;
  readonly loadBalancerName: string;
  readonly certificateArn: string;
  readonly accessLogBucketName: string;
  /** Target groups of this region: both clusters in the primary region, one in the DR region. */
  readonly targetGroups: readonly ResolvedTargetGroup[];
  /** Route 53 failover record this region's ALB answers as, when a hosted zone is declared. */
  readonly failoverRole?: FailoverRole;
  readonly ledger: ControlLedger;
}

/**
 * The standalone, internet-facing ALB that owns the end users' traffic and belongs to no cluster
 * (R4): an HTTPS listener, an HTTP listener that only redirects, one target group per cluster on
 * its ingress controller's NodePort, and each system's listener rules. Nodes join a target group
 * through the AWS Load Balancer Controller's TargetGroupBinding in their own cluster, which finds
 * the group by its name.
 */
export class EdgeStack extends PlatformStack {
  readonly securityGroup: ec2.SecurityGroup;
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();
  readonly rules = new Map<string, EdgeRules>();

  constructor(scope: Construct, props: EdgeStackProps) {
    const { platform, edge, site, ledger } = props;
    super(
      scope,
      `${site.stackPrefix}-edge`,
      platform,
      site.region,
      `Kinko ${platform.name}: standalone ALB for cluster blue/green${site.isDr ? ' (DR region)' : ''}`,
    );

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Kinko edge ALB: HTTPS and HTTP from the internet, NodePort to the VPC',
      allowAllOutbound: false,
    });
    this.securityGroup.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(HTTPS_PORT), 'HTTPS');
    this.securityGroup.addIngressRule(
      ec2.Peer.anyIpv4(),
      ec2.Port.tcp(HTTP_PORT),
      'HTTP, redirected to HTTPS',
    );
    acknowledgeRule(
      this.securityGroup,
      'AwsSolutions-EC23',
      "The ALB serves the systems' end users on the internet, so it accepts HTTPS from any address; HTTP only redirects to HTTPS.",
    );
    const nodePorts = new Set(props.targetGroups.map((group) => group.port));
    for (const port of nodePorts) {
      this.securityGroup.addEgressRule(
        ec2.Peer.ipv4(platform.network.vpcCidr),
        ec2.Port.tcp(port),
        'Ingress controller NodePort',
      );
    }

    this.loadBalancer = this.addLoadBalancer(props);
    this.listener = this.addListeners(props);

    for (const group of props.targetGroups) {
      this.targetGroups.set(group.clusterKey, this.addTargetGroup(props, group));
    }
    const arns = new Map([...this.targetGroups].map(([key, group]) => [key, group.targetGroupArn]));
    const singleCluster =
      props.targetGroups.length === 1 ? props.targetGroups[0]?.clusterKey : undefined;

    for (const route of edge.routes) {
      const rules = new EdgeRules(this, `Rules-${route.system}`, {
        listener: this.listener,
        route: routeForSite(route, singleCluster),
        targetGroupArns: arns,
        smokeHeaderName: edge.smokeTest.headerName,
        ...(singleCluster !== undefined ? { liveCluster: singleCluster } : {}),
      });
      this.rules.set(route.system, rules);
      new CfnOutput(this, `ForwardRule-${route.system}`, {
        value: rules.forwardRule.attrRuleArn,
        description: `Forward rule of system ${route.system}`,
      });
      ledger.record('R4', rules.forwardRule, {
        en: `System ${route.system}: listener rule (priority ${route.forwardPriority}) forwarding ${route.host}${route.pathPrefix ?? ''} to the live cluster with weights [live: 100, other: 0]; smoke-test rules reach a named cluster by header ${edge.smokeTest.headerName} or cookie ${edge.smokeTest.cookieName}`,
        ja: `システム ${route.system}：${route.host}${route.pathPrefix ?? ''} を重み [稼働側 100、他方 0] で稼働クラスターへ転送するリスナールール（優先度 ${route.forwardPriority}）。ヘッダー ${edge.smokeTest.headerName} または Cookie ${edge.smokeTest.cookieName} で指定したクラスターに届くスモークテスト用ルール付き`,
      });
    }

    if (props.failoverRole !== undefined && edge.hostedZone !== undefined) {
      new EdgeFailoverRecords(this, 'Failover', {
        loadBalancer: this.loadBalancer,
        hostedZone: edge.hostedZone,
        routes: edge.routes,
        role: props.failoverRole,
        ledger,
      });
    }

    new CfnOutput(this, 'LoadBalancerArn', { value: this.loadBalancer.loadBalancerArn });
    new CfnOutput(this, 'LoadBalancerDnsName', { value: this.loadBalancer.loadBalancerDnsName });
    new CfnOutput(this, 'HttpsListenerArn', { value: this.listener.listenerArn });
    new CfnOutput(this, 'SecurityGroupId', { value: this.securityGroup.securityGroupId });
  }

  private addLoadBalancer(props: EdgeStackProps): elbv2.ApplicationLoadBalancer {
    const loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      loadBalancerName: props.loadBalancerName,
      vpc: props.vpc,
      internetFacing: true,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      securityGroup: this.securityGroup,
      deletionProtection: true,
      dropInvalidHeaderFields: true,
      http2Enabled: true,
    });

    // ALB log delivery accepts only SSE-S3 buckets.
    const logBucket = new s3.Bucket(this, 'AccessLogBucket', {
      bucketName: props.accessLogBucketName,
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      lifecycleRules: [
        {
          expiration: Duration.days(props.platform.security.cloudTrailRetentionDays),
          noncurrentVersionExpiration: Duration.days(
            props.platform.security.cloudTrailRetentionDays,
          ),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    loadBalancer.logAccessLogs(logBucket, 'alb');
    const logReasons: ReadonlyArray<readonly [string, string]> = [
      [
        'AwsSolutions-S1',
        'This bucket holds the ALB access logs themselves; logging reads of it into another log bucket is left to the account-level CloudTrail data events.',
      ],
      [
        'NIST.800.53.R5-S3BucketLoggingEnabled',
        'This bucket holds the ALB access logs themselves; CloudTrail records the API calls on it.',
      ],
      [
        'NIST.800.53.R5-S3DefaultEncryptionKMS',
        'ALB access log delivery supports only SSE-S3 encryption, not SSE-KMS.',
      ],
      [
        'NIST.800.53.R5-S3BucketReplicationEnabled',
        'Access logs stay in the region they describe; each region has its own ALB and log bucket.',
      ],
    ];
    for (const [rule, reason] of logReasons) acknowledgeRule(logBucket, rule, reason);

    acknowledgeRule(
      loadBalancer,
      'NIST.800.53.R5-ALBWAFEnabled',
      "platform.yaml declares no AWS WAF web ACL yet; the bank's own web ACL rules belong with its security team and are associated outside Kinko.",
    );
    props.ledger.record('R4', loadBalancer, {
      en: `Standalone internet-facing ALB ${props.loadBalancerName} in ${props.site.region.region}, owned by no cluster; deletion protection, invalid headers dropped, access logs to ${props.accessLogBucketName}`,
      ja: `どのクラスターにも属さないインターネット向け ALB ${props.loadBalancerName}（${props.site.region.region}）。削除保護、不正ヘッダーの破棄、アクセスログを ${props.accessLogBucketName} に保存`,
    });
    return loadBalancer;
  }

  private addListeners(props: EdgeStackProps): elbv2.ApplicationListener {
    const listener = this.loadBalancer.addListener('Https', {
      port: HTTPS_PORT,
      protocol: elbv2.ApplicationProtocol.HTTPS,
      certificates: [elbv2.ListenerCertificate.fromArn(props.certificateArn)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      // A request that matches no system's rule gets 404 and reaches no cluster.
      defaultAction: elbv2.ListenerAction.fixedResponse(404, {
        contentType: 'text/plain',
        messageBody: 'Not Found',
      }),
    });
    const redirect = this.loadBalancer.addListener('Http', {
      port: HTTP_PORT,
      protocol: elbv2.ApplicationProtocol.HTTP,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({
        protocol: 'HTTPS',
        port: String(HTTPS_PORT),
        permanent: true,
      }),
    });
    acknowledgeRule(
      redirect,
      'NIST.800.53.R5-ELBv2ACMCertificateRequired',
      'This HTTP listener only answers with a permanent redirect to the HTTPS listener, which uses the ACM certificate; no request is forwarded over HTTP.',
    );
    return listener;
  }

  private addTargetGroup(
    props: EdgeStackProps,
    group: ResolvedTargetGroup,
  ): elbv2.ApplicationTargetGroup {
    const health = props.edge.targetHealthCheck;
    const targetGroup = new elbv2.ApplicationTargetGroup(this, `TargetGroup-${group.clusterKey}`, {
      targetGroupName: group.name,
      vpc: props.vpc,
      targetType: elbv2.TargetType.INSTANCE,
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: group.port,
      deregistrationDelay: Duration.seconds(props.edge.deregistrationDelaySeconds),
      healthCheck: {
        protocol: elbv2.Protocol.HTTP,
        port: 'traffic-port',
        path: health.path,
        interval: Duration.seconds(health.intervalSeconds),
        timeout: Duration.seconds(health.timeoutSeconds),
        healthyThresholdCount: health.healthyThresholdCount,
        unhealthyThresholdCount: health.unhealthyThresholdCount,
        healthyHttpCodes: '200',
      },
    });
    Tags.of(targetGroup).add(TAG_CLUSTER, group.clusterKey);
    new CfnOutput(this, `TargetGroupArn-${group.clusterKey}`, {
      value: targetGroup.targetGroupArn,
      description: `Target group of cluster ${group.clusterKey}`,
    });
    props.ledger.record('R4', targetGroup, {
      en: `Target group ${group.name}: cluster ${group.clusterKey}'s ingress controller on NodePort ${group.port}; health check ${health.path} every ${health.intervalSeconds} s, deregistration delay ${props.edge.deregistrationDelaySeconds} s (the longest preStop sleep)`,
      ja: `ターゲットグループ ${group.name}：クラスター ${group.clusterKey} のイングレスコントローラー（NodePort ${group.port}）。ヘルスチェック ${health.path}（${health.intervalSeconds} 秒ごと）、登録解除の遅延 ${props.edge.deregistrationDelaySeconds} 秒（最長の preStop スリープ）`,
    });
    return targetGroup;
  }
}

/** In a single-cluster region (the DR site) every route goes to that cluster and has no smoke rules. */
function routeForSite(route: ResolvedRoute, singleCluster: string | undefined): ResolvedRoute {
  if (singleCluster === undefined) return route;
  return { ...route, liveCluster: singleCluster, smokeRules: [] };
}
