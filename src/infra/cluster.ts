import { Annotations, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { ResolvedCluster, ResolvedPlatform } from '../model/platform.js';
import { Addons, type SharedFilesBucket } from './addons.js';
import { ArgoCdCapability, type ArgoCdIdentityCenter } from './argocd-capability.js';
import type { ControlLedger } from './control-ledger.js';
import { createEncryptedLogGroup, createLogsKey } from './log-group.js';
import { NodeGroups } from './node-groups.js';
import { PlatformStack } from './platform-stack.js';
import { SystemAccess } from './system-access.js';
import { allowClusterToDataStores } from './system-data-stores.js';
import type { SystemResources } from './system-resources.js';
import { acknowledgeRule } from './acknowledge.js';
import { primarySite, type Site } from './site.js';

/** Every control-plane log type EKS can send to CloudWatch Logs. */
const CONTROL_PLANE_LOG_TYPES: readonly eks.ClusterLoggingTypes[] = [
  eks.ClusterLoggingTypes.API,
  eks.ClusterLoggingTypes.AUDIT,
  eks.ClusterLoggingTypes.AUTHENTICATOR,
  eks.ClusterLoggingTypes.CONTROLLER_MANAGER,
  eks.ClusterLoggingTypes.SCHEDULER,
];

export interface ClusterStackProps {
  readonly platform: ResolvedPlatform;
  readonly resolved: ResolvedCluster;
  readonly vpc: ec2.IVpc;
  readonly systems: ReadonlyMap<string, SystemResources>;
  /** Identity Center of the Argo CD capability. Without it, the capability is left out with a warning. */
  readonly argoCdIdentityCenter?: ArgoCdIdentityCenter;
  readonly ledger: ControlLedger;
  /** Region and stack name prefix; defaults to the primary region. */
  readonly site?: Site;
  /** Security group of the edge ALB, allowed to reach the ingress controller's NodePort. */
  readonly edgeSecurityGroup?: ec2.ISecurityGroup;
}

/**
 * One EKS cluster with its nodes, add-ons, the systems' access entries and Pod Identity
 * associations, and the Argo CD capability.
 */
export class ClusterStack extends PlatformStack {
  readonly cluster: eks.Cluster;

  constructor(scope: Construct, props: ClusterStackProps) {
    const { platform, resolved, ledger } = props;
    const site = props.site ?? primarySite(platform);
    super(
      scope,
      `${site.stackPrefix}-cluster-${resolved.key}`,
      platform,
      site.region,
      `Kinko ${platform.name}: EKS cluster ${resolved.name}${site.isDr ? ' (DR region)' : ''}`,
    );

    this.cluster = this.addCluster(platform, resolved, props.vpc, ledger);
    const nodeGroups = new NodeGroups(this, 'NodeGroups', {
      cluster: this.cluster,
      resolved,
      ledger,
    });

    new Addons(this, 'Addons', {
      cluster: this.cluster,
      nodegroups: nodeGroups.nodegroups,
      sharedFilesBuckets: sharedFilesBuckets(platform, props.systems),
      fileSystemsDeclared: platform.systems.some((system) => system.efs !== undefined),
      certManager: platform.guard !== undefined,
      ledger,
    });

    if (props.edgeSecurityGroup !== undefined) {
      // The cluster owns this rule, so retiring the cluster removes it and leaves the edge untouched.
      new ec2.CfnSecurityGroupIngress(this, 'EdgeToNodePort', {
        groupId: this.cluster.clusterSecurityGroupId,
        sourceSecurityGroupId: props.edgeSecurityGroup.securityGroupId,
        ipProtocol: 'tcp',
        fromPort: platform.ingress.httpNodePort,
        toPort: platform.ingress.httpNodePort,
        description: 'Edge ALB to the ingress controller NodePort',
      });
    }

    allowClusterToDataStores(
      this,
      this.cluster.clusterSecurityGroupId,
      platform.systems,
      (name) => props.systems.get(name)?.dataStores,
    );

    for (const system of platform.systems) {
      const resources = props.systems.get(system.name);
      if (resources === undefined) {
        throw new Error(
          `System ${system.name} has no AWS resources in the systems stack. Build the systems stack from the same platform.`,
        );
      }
      new SystemAccess(this, `SystemAccess-${system.name}`, {
        cluster: this.cluster,
        system,
        resources,
        ledger,
      });
    }

    if (props.argoCdIdentityCenter === undefined) {
      Annotations.of(this).addWarningV2(
        'kinko:argocdCapabilityOmitted',
        `The EKS Argo CD capability of cluster ${resolved.name} is not created because it needs an IAM Identity Center instance ARN, ` +
          'and none is configured. Set the Identity Center instance of gitops in platform.yaml to create it.',
      );
    } else {
      new ArgoCdCapability(this, 'ArgoCd', {
        cluster: this.cluster,
        resolved,
        region: site.region.region,
        gitops: platform.gitops,
        identityCenter: props.argoCdIdentityCenter,
      });
    }
  }

  private addCluster(
    platform: ResolvedPlatform,
    resolved: ResolvedCluster,
    vpc: ec2.IVpc,
    ledger: ControlLedger,
  ): eks.Cluster {
    const secretsKey = new kms.Key(this, 'SecretsKey', {
      description: `Kinko ${resolved.name}: envelope encryption of Kubernetes Secrets in etcd`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // EKS writes control-plane logs to this fixed name. Creating the group first lets Kinko set its
    // retention and encryption instead of EKS creating one that never expires.
    const logGroup = createEncryptedLogGroup(this, 'ControlPlaneLogGroup', {
      logGroupName: `/aws/eks/${resolved.name}/cluster`,
      retentionDays: platform.security.controlPlaneLogRetentionDays,
      retentionField: 'security.controlPlaneLogRetentionDays',
      encryptionKey: createLogsKey(
        this,
        'ControlPlaneLogKey',
        `Kinko ${resolved.name}: encrypts the EKS control-plane logs`,
      ),
    });

    const cluster = new eks.Cluster(this, 'Cluster', {
      clusterName: resolved.name,
      version: eks.KubernetesVersion.of(resolved.version),
      vpc,
      vpcSubnets: [{ subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }],
      endpointAccess: endpointAccessOf(resolved),
      secretsEncryptionKey: secretsKey,
      clusterLogging: [...CONTROL_PLANE_LOG_TYPES],
      // Managed node groups instead of Auto Mode, and no default capacity: nodes come from NodeGroups.
      defaultCapacityType: eks.DefaultCapacityType.NODEGROUP,
      defaultCapacity: 0,
      // The identity that deploys the stack gets no cluster-admin access entry. Administrators are
      // the systems' roles, each limited to its namespace by RBAC, so no one holds cluster-admin
      // unless platform.yaml names them.
      bootstrapClusterCreatorAdminPermissions: false,
      // vpc-cni, kube-proxy and CoreDNS come as EKS add-ons (addons.ts), not as unmanaged copies.
      bootstrapSelfManagedAddons: false,
      outputConfigCommand: false,
    });
    cluster.node.addDependency(logGroup);
    acknowledgeRule(
      cluster.role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSClusterPolicy]',
      'EKS requires AmazonEKSClusterPolicy on the cluster role, and AWS keeps it current with the service.',
    );
    acknowledgeRule(
      cluster,
      'CloudFormation-Validate::W9009',
      'The aws-eks-v2 Cluster construct still writes EncryptionConfig Resources ["secrets"]; secrets are the only resource EKS encrypts, so the deprecated property changes nothing.',
    );

    const endpoint =
      resolved.publicAccessCidrs.length === 0
        ? 'private only'
        : `public from ${resolved.publicAccessCidrs.join(', ')} and private`;
    const endpointJa =
      resolved.publicAccessCidrs.length === 0
        ? 'プライベートのみ'
        : `${resolved.publicAccessCidrs.join('、')} からのパブリックとプライベート`;
    ledger.record('S12', cluster, {
      en: `EKS cluster ${resolved.name}: all five control-plane log types (including audit) to CloudWatch Logs, API endpoint ${endpoint}, Secrets encrypted with KMS`,
      ja: `EKS クラスター ${resolved.name}：コントロールプレーンの全 5 種のログ（監査ログを含む）を CloudWatch Logs に送信、API エンドポイントは${endpointJa}、Secret を KMS で暗号化`,
    });
    ledger.record('S12', logGroup, {
      en: `Control-plane log group of ${resolved.name}: KMS-encrypted, kept ${platform.security.controlPlaneLogRetentionDays} days or more`,
      ja: `${resolved.name} のコントロールプレーンログ：KMS 暗号化、${platform.security.controlPlaneLogRetentionDays} 日以上保管`,
    });
    ledger.record('S4', secretsKey, {
      en: `KMS key for envelope encryption of Kubernetes Secrets in ${resolved.name}, rotated yearly`,
      ja: `${resolved.name} の Kubernetes Secret をエンベロープ暗号化する KMS キー（年次ローテーション）`,
    });
    return cluster;
  }
}

/** Returns private access when no CIDRs are configured, otherwise public from exactly those CIDRs, and private. */
function endpointAccessOf(resolved: ResolvedCluster): eks.EndpointAccess {
  if (resolved.publicAccessCidrs.length === 0) {
    return eks.EndpointAccess.PRIVATE;
  }
  return eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom(...resolved.publicAccessCidrs);
}

function sharedFilesBuckets(
  platform: ResolvedPlatform,
  systems: ReadonlyMap<string, SystemResources>,
): SharedFilesBucket[] {
  const buckets: SharedFilesBucket[] = [];
  for (const system of platform.systems) {
    const resources = systems.get(system.name);
    if (system.sharedFiles !== undefined && resources !== undefined) {
      buckets.push({
        bucketName: system.bucketName,
        key: resources.key,
        sharedFiles: system.sharedFiles,
      });
    }
  }
  return buckets;
}
