import { Aws } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { ResolvedSharedFiles } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import { POD_IDENTITY_PRINCIPAL } from './system-pod-role.js';
import { acknowledgeRule } from './acknowledge.js';
import { createEfsCsiDriverRole, EFS_CSI_SERVICE_ACCOUNTS } from './efs-csi-driver.js';

/** A bucket whose shared files the Mountpoint for S3 CSI driver mounts, with the key that encrypts it. */
export interface SharedFilesBucket {
  readonly bucketName: string;
  readonly key: kms.IKey;
  readonly sharedFiles: ResolvedSharedFiles;
}

export interface AddonsProps {
  readonly cluster: eks.Cluster;
  /** Node groups that must exist before add-ons whose pods need a node to run on. */
  readonly nodegroups: readonly eks.Nodegroup[];
  readonly sharedFilesBuckets: readonly SharedFilesBucket[];
  /** Adds the EFS CSI driver; true when a system declares an EFS file system. */
  readonly fileSystemsDeclared?: boolean;
  /** Adds cert-manager; true when platform.yaml declares the kinko guard, whose certificate it issues. */
  readonly certManager?: boolean;
  readonly ledger: ControlLedger;
}

/**
 * The cluster's EKS add-ons. No version is pinned, so EKS installs its default version for the
 * cluster's Kubernetes version. An upgrade is a deliberate change of this file.
 * The cluster is created without the self-managed vpc-cni, kube-proxy and CoreDNS, so these
 * add-ons are the only copies and their settings are visible here.
 */
export class Addons extends Construct {
  private readonly cluster: eks.Cluster;

  constructor(scope: Construct, id: string, props: AddonsProps) {
    super(scope, id);
    this.cluster = props.cluster;
    const { ledger } = props;

    // Node-level add-ons come first: a node becomes Ready only once the CNI runs on it.
    const podIdentityAgent = this.addAddon('eks-pod-identity-agent');
    ledger.record('S7', podIdentityAgent, {
      en: "EKS Pod Identity Agent add-on: hands each pod the credentials of its ServiceAccount's role",
      ja: 'EKS Pod Identity Agent アドオン：各 Pod に ServiceAccount のロールの認証情報を渡す',
    });

    const vpcCni = this.addAddon('vpc-cni', {
      configurationValues: JSON.stringify({ enableNetworkPolicy: 'true' }),
      podIdentityAssociations: [
        { serviceAccount: 'aws-node', roleArn: this.createVpcCniRole().roleArn },
      ],
    });
    vpcCni.node.addDependency(podIdentityAgent);
    ledger.record('S8', vpcCni, {
      en: "VPC CNI add-on with the network policy agent enabled, which enforces every namespace's NetworkPolicy",
      ja: 'VPC CNI アドオン（ネットワークポリシーエージェント有効）：各名前空間の NetworkPolicy を強制',
    });

    const kubeProxy = this.addAddon('kube-proxy');
    for (const nodegroup of props.nodegroups) {
      nodegroup.node.addDependency(vpcCni, kubeProxy, podIdentityAgent);
    }

    // Pod-level add-ons wait for nodes, or they would report DEGRADED until nodes join.
    const afterNodes = (addon: eks.CfnAddon): eks.CfnAddon => {
      for (const nodegroup of props.nodegroups) {
        addon.node.addDependency(nodegroup);
      }
      return addon;
    };

    afterNodes(this.addAddon('coredns'));

    const secretsStore = afterNodes(this.addAddon('aws-secrets-store-csi-driver-provider'));
    ledger.record('S4', secretsStore, {
      en: 'Secrets Store CSI Driver with the AWS provider (ASCP) add-on: mounts Secrets Manager secrets into pods',
      ja: 'Secrets Store CSI Driver と AWS プロバイダー（ASCP）アドオン：Secrets Manager のシークレットを Pod にマウント',
    });

    // cert-manager (an EKS community add-on) issues the kinko guard's serving certificate in the
    // cluster, so no private key is ever in the synthesized manifests.
    if (props.certManager === true) {
      const certManager = afterNodes(this.addAddon('cert-manager'));
      ledger.record('S2', certManager, {
        en: "cert-manager community add-on: issues and renews the kinko guard webhook's serving certificate inside the cluster",
        ja: 'cert-manager コミュニティアドオン：kinko guard Webhook のサーバー証明書をクラスター内で発行・更新',
      });
    }

    const guardDutyAgent = afterNodes(this.addAddon('aws-guardduty-agent'));
    ledger.record('S11', guardDutyAgent, {
      en: 'GuardDuty security agent add-on: the runtime monitoring DaemonSet on every node',
      ja: 'GuardDuty セキュリティエージェントアドオン：全ノードでランタイム監視を行う DaemonSet',
    });

    const mountpointRole = this.createMountpointRole(props.sharedFilesBuckets);
    const mountpoint = afterNodes(
      this.addAddon('aws-mountpoint-s3-csi-driver', {
        ...(mountpointRole === undefined
          ? {}
          : {
              podIdentityAssociations: [
                { serviceAccount: 's3-csi-driver-sa', roleArn: mountpointRole.roleArn },
              ],
            }),
      }),
    );
    if (props.fileSystemsDeclared === true) {
      const efsRole = createEfsCsiDriverRole(this, 'EfsCsiDriverRole');
      const efsCsiDriver = afterNodes(
        this.addAddon('aws-efs-csi-driver', {
          podIdentityAssociations: EFS_CSI_SERVICE_ACCOUNTS.map((serviceAccount) => ({
            serviceAccount,
            roleArn: efsRole.roleArn,
          })),
        }),
      );
      ledger.record('R5', efsCsiDriver, {
        en: "Amazon EFS CSI driver add-on: mounts the systems' EFS file systems, outside the cluster, over TLS",
        ja: 'Amazon EFS CSI ドライバーアドオン：クラスター外にある各システムの EFS ファイルシステムを TLS でマウント',
      });
    }

    ledger.record('R5', mountpoint, {
      en: "Mountpoint for Amazon S3 CSI driver add-on: mounts the systems' shared files from S3, outside the cluster",
      ja: 'Mountpoint for Amazon S3 CSI ドライバーアドオン：クラスター外の S3 にある共有ファイルをマウント',
    });
  }

  private addAddon(addonName: string, options: Partial<eks.CfnAddonProps> = {}): eks.CfnAddon {
    return new eks.CfnAddon(this, addonName, {
      addonName,
      clusterName: this.cluster.clusterName,
      // OVERWRITE takes over fields that a manual install left behind, so the template stays the truth.
      resolveConflicts: 'OVERWRITE',
      ...options,
    });
  }

  private createVpcCniRole(): iam.Role {
    const role = new iam.Role(this, 'VpcCniRole', {
      assumedBy: new iam.SessionTagsPrincipal(new iam.ServicePrincipal(POD_IDENTITY_PRINCIPAL)),
      description: 'Kinko: the role of the VPC CNI (kube-system/aws-node), through Pod Identity',
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEKS_CNI_Policy')],
    });
    acknowledgeRule(
      role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKS_CNI_Policy]',
      'AmazonEKS_CNI_Policy is the policy EKS documents for the VPC CNI, and AWS updates it with the plugin. Only the aws-node ServiceAccount receives it.',
    );
    return role;
  }

  /**
   * Creates the Mountpoint driver's role, limited to the buckets that declare shared files: list
   * the bucket, and read and write objects only under the shared prefix. Returns undefined when
   * no system declares shared files, so the driver gets no S3 access at all.
   */
  private createMountpointRole(buckets: readonly SharedFilesBucket[]): iam.Role | undefined {
    if (buckets.length === 0) {
      return undefined;
    }

    const role = new iam.Role(this, 'MountpointRole', {
      assumedBy: new iam.SessionTagsPrincipal(new iam.ServicePrincipal(POD_IDENTITY_PRINCIPAL)),
      description:
        'Kinko: the role of the Mountpoint for S3 CSI driver (kube-system/s3-csi-driver-sa)',
    });
    // Bucket ARNs come from the configured names, so the policy shows each bucket and prefix as text.
    const bucketArn = (name: string): string => `arn:${Aws.PARTITION}:s3:::${name}`;
    const policy = new iam.ManagedPolicy(this, 'MountpointPolicy', {
      description:
        'Kinko: the shared files of the systems that declare them, and nothing else in S3',
      roles: [role],
      statements: [
        new iam.PolicyStatement({
          sid: 'ListSharedFilesBuckets',
          actions: ['s3:ListBucket'],
          resources: buckets.map(({ bucketName }) => bucketArn(bucketName)),
        }),
        new iam.PolicyStatement({
          sid: 'ReadWriteSharedFiles',
          actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
          resources: buckets.map(
            ({ bucketName, sharedFiles }) => `${bucketArn(bucketName)}/${sharedFiles.prefix}*`,
          ),
        }),
        new iam.PolicyStatement({
          sid: 'UseSharedFilesKeys',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: buckets.map(({ key }) => key.keyArn),
        }),
      ],
    });
    for (const { bucketName, sharedFiles } of buckets) {
      acknowledgeRule(
        policy,
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${bucketName}/${sharedFiles.prefix}*]`,
        `Object actions need an object ARN; the wildcard covers only keys under the shared prefix ${sharedFiles.prefix} of ${bucketName}.`,
      );
    }
    return role;
  }
}
