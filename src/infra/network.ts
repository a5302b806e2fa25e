import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { ResolvedPlatform } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import { createEncryptedLogGroup, createLogsKey } from './log-group.js';
import { PlatformStack } from './platform-stack.js';
import { acknowledgeRule } from './acknowledge.js';
import { primarySite, type Site } from './site.js';

/** Public subnets hold only NAT gateways and load balancers, so each gets 1/64 of the VPC. */
const PUBLIC_SUBNET_PREFIX_INCREMENT = 6;

/**
 * Interface endpoints that nodes in private subnets need: image pulls (ECR), credentials (STS,
 * EKS Auth for Pod Identity), the VPC CNI (EC2), logs, the system services that pods call
 * (Secrets Manager, SQS), the EKS API, and GuardDuty runtime events from the security agent.
 */
const INTERFACE_ENDPOINTS: ReadonlyArray<readonly [string, ec2.InterfaceVpcEndpointAwsService]> = [
  ['EcrApi', ec2.InterfaceVpcEndpointAwsService.ECR],
  ['EcrDocker', ec2.InterfaceVpcEndpointAwsService.ECR_DOCKER],
  ['Sts', ec2.InterfaceVpcEndpointAwsService.STS],
  ['Ec2', ec2.InterfaceVpcEndpointAwsService.EC2],
  ['CloudWatchLogs', ec2.InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS],
  ['SecretsManager', ec2.InterfaceVpcEndpointAwsService.SECRETS_MANAGER],
  ['Sqs', ec2.InterfaceVpcEndpointAwsService.SQS],
  ['Eks', ec2.InterfaceVpcEndpointAwsService.EKS],
  ['EksAuth', ec2.InterfaceVpcEndpointAwsService.EKS_AUTH],
  ['GuardDutyData', ec2.InterfaceVpcEndpointAwsService.GUARDDUTY_DATA],
];

/**
 * The platform's VPC over the configured Availability Zones: private subnets for nodes and pods,
 * public subnets only for NAT gateways and internet-facing load balancers, the VPC endpoints that
 * private nodes need, and flow logs to an encrypted CloudWatch Logs group.
 */
export class NetworkStack extends PlatformStack {
  readonly vpc: ec2.Vpc;

  constructor(
    scope: Construct,
    platform: ResolvedPlatform,
    ledger: ControlLedger,
    site: Site = primarySite(platform),
  ) {
    super(
      scope,
      `${site.stackPrefix}-network`,
      platform,
      site.region,
      `Kinko ${platform.name}: VPC, endpoints and flow logs${site.isDr ? ' (DR region)' : ''}`,
    );
    const { network } = platform;
    const region = site.region;

    this.vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr(network.vpcCidr),
      availabilityZones: [...region.availabilityZones],
      natGateways: Math.min(network.natGateways, region.availabilityZones.length),
      subnetConfiguration: [
        {
          name: 'public',
          subnetType: ec2.SubnetType.PUBLIC,
          cidrMask: publicSubnetMask(network.vpcCidr),
          mapPublicIpOnLaunch: false,
        },
        // No cidrMask: the private subnets share the rest of the VPC equally.
        { name: 'private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      ],
      enableDnsHostnames: true,
      enableDnsSupport: true,
      // Restricting the default security group needs a Lambda-backed custom resource, so Kinko attaches
      // nothing to it instead, and acknowledges the finding below.
      restrictDefaultSecurityGroup: false,
    });
    acknowledgeRule(
      this.vpc,
      'NIST.800.53.R5-VPCDefaultSecurityGroupClosed',
      'No Kinko resource uses the default security group. Closing it takes a Lambda-backed custom resource, which Kinko avoids so the templates deploy with no code of their own.',
    );
    for (const subnet of this.vpc.publicSubnets) {
      acknowledgeRule(
        subnet.node.findChild('DefaultRoute'),
        'NIST.800.53.R5-VPCNoUnrestrictedRouteToIGW',
        'Public subnets hold only the NAT gateways and internet-facing load balancers, which need the default route to the internet gateway. Nodes run in private subnets without one.',
      );
    }
    ledger.record('R2', this.vpc, {
      en: `VPC with public and private subnets in each of ${region.availabilityZones.join(', ')}, NAT gateway per zone`,
      ja: `${region.availabilityZones.join('、')} の各 AZ にパブリック・プライベートサブネットを持つ VPC（AZ ごとに NAT ゲートウェイ）`,
    });

    this.addEndpoints(network.vpcCidr);
    this.addFlowLogs(platform);
  }

  private addEndpoints(vpcCidr: string): void {
    const privateSubnets: ec2.SubnetSelection = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };
    this.vpc.addGatewayEndpoint('S3Endpoint', {
      service: ec2.GatewayVpcEndpointAwsService.S3,
      subnets: [privateSubnets],
    });

    // One security group for every interface endpoint: HTTPS from inside the VPC only. The CIDR is
    // written as configured, not read from the VPC, so the rule is checkable in the template.
    const securityGroup = new ec2.SecurityGroup(this, 'EndpointSecurityGroup', {
      vpc: this.vpc,
      description: 'Kinko interface endpoints: HTTPS from inside the VPC',
      allowAllOutbound: false,
    });
    securityGroup.addIngressRule(ec2.Peer.ipv4(vpcCidr), ec2.Port.tcp(443), 'HTTPS from the VPC');

    for (const [id, service] of INTERFACE_ENDPOINTS) {
      this.vpc.addInterfaceEndpoint(`${id}Endpoint`, {
        service,
        subnets: privateSubnets,
        privateDnsEnabled: true,
        securityGroups: [securityGroup],
        // open: false, or CDK would add a second rule whose CIDR is read from the VPC.
        open: false,
      });
    }
  }

  private addFlowLogs(platform: ResolvedPlatform): void {
    const key = createLogsKey(
      this,
      'FlowLogKey',
      `Kinko ${platform.name}: encrypts the VPC flow logs`,
    );
    const logGroup = createEncryptedLogGroup(this, 'FlowLogGroup', {
      retentionDays: platform.network.flowLogRetentionDays,
      retentionField: 'network.flowLogRetentionDays',
      encryptionKey: key,
    });

    // A role of our own, with a customer managed policy instead of the inline policy that
    // ec2.FlowLog would add. The SourceAccount condition stops other accounts' flow logs using it.
    const role = new iam.Role(this, 'FlowLogRole', {
      assumedBy: new iam.ServicePrincipal('vpc-flow-logs.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
      description: 'Delivers the VPC flow logs to their CloudWatch Logs group',
    });
    const policy = new iam.ManagedPolicy(this, 'FlowLogPolicy', {
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          resources: [logGroup.logGroupArn],
        }),
        new iam.PolicyStatement({ actions: ['logs:DescribeLogGroups'], resources: ['*'] }),
      ],
    });
    acknowledgeRule(
      policy,
      'AwsSolutions-IAM5[Resource::*]',
      'logs:DescribeLogGroups does not support resource-level permissions. Every other action names the flow log group.',
    );

    new ec2.CfnFlowLog(this, 'FlowLog', {
      resourceId: this.vpc.vpcId,
      resourceType: 'VPC',
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logGroupName: logGroup.logGroupName,
      deliverLogsPermissionArn: role.roleArn,
      maxAggregationInterval: 60,
    });
  }
}

/** Returns the prefix length of the public subnets for a VPC CIDR such as `10.0.0.0/16`. */
function publicSubnetMask(vpcCidr: string): number {
  const prefix = Number(vpcCidr.split('/')[1]);
  const mask = prefix + PUBLIC_SUBNET_PREFIX_INCREMENT;
  if (!Number.isInteger(prefix) || mask > 28) {
    throw new Error(
      `network.vpcCidr is ${vpcCidr}, which is too small. Kinko needs a prefix of /22 or larger (a smaller number) so each public subnet gets at least a /28.`,
    );
  }
  return mask;
}
