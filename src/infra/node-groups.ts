import { Annotations, Fn, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as eks from 'aws-cdk-lib/aws-eks-v2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import type { ResolvedCluster, ResolvedNodeGroup } from '../model/platform.js';
import type { ControlLedger } from './control-ledger.js';
import { renderNodeUserData } from './node-user-data.js';
import { acknowledgeRule } from './acknowledge.js';
import { t } from '../i18n/catalog.js';

/** Root device of the EKS-optimized AL2023 AMIs. */
const ROOT_DEVICE_NAME = '/dev/xvda';

const AMI_TYPES: ReadonlySet<string> = new Set(Object.values(eks.NodegroupAmiType));

/**
 * CDK context key under which `kinko synth` passes the recorded release lookup
 * (`node-releases.json`, written by `kinko nodes pin`), so synthesis itself sends no request.
 */
export const NODE_RELEASES_CONTEXT = 'kinko:nodeReleases';

/** The latest EKS-optimized AMI release of one region, Kubernetes version and AMI type, as recorded. */
export interface PinnedNodeRelease {
  readonly region: string;
  readonly kubernetesVersion: string;
  readonly amiType: string;
  /** Release string, for example `1.33.5-20251120`. */
  readonly releaseVersion: string;
  /** SSM parameter the release was read from. */
  readonly parameter: string;
  /** UTC date of the lookup, YYYY-MM-DD. */
  readonly lookedUpAt: string;
}

/** Value of the `kinko:nodeReleases` context: the record file's name and its releases. */
export interface NodeReleasesContext {
  readonly file: string;
  readonly releases: readonly PinnedNodeRelease[];
}

export interface NodeGroupsProps {
  readonly cluster: eks.Cluster;
  readonly resolved: ResolvedCluster;
  readonly ledger: ControlLedger;
}

/**
 * The cluster's managed node groups, each spread over the private subnets of every configured
 * Availability Zone, sharing one node role and one launch template: IMDSv2 only with a hop limit
 * of 1 (so pods cannot borrow the node's credentials), an encrypted gp3 root volume per group, and
 * the nodeadm NodeConfig user data.
 */
export class NodeGroups extends Construct {
  readonly nodegroups: eks.Nodegroup[] = [];
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: NodeGroupsProps) {
    super(scope, id);
    const { cluster, resolved, ledger } = props;

    // No AmazonEKS_CNI_Policy here: the VPC CNI gets its own role through Pod Identity (addons.ts).
    this.role = new iam.Role(this, 'NodeRole', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `Kinko ${resolved.name}: the role of the managed nodes`,
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEKSWorkerNodePolicy'),
        iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonEC2ContainerRegistryPullOnly'),
      ],
    });
    acknowledgeRule(
      this.role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEKSWorkerNodePolicy]',
      'EKS requires AmazonEKSWorkerNodePolicy on node roles, and AWS keeps it current with the service.',
    );
    acknowledgeRule(
      this.role,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly]',
      'AmazonEC2ContainerRegistryPullOnly is the narrowest AWS policy that lets nodes pull images from ECR.',
    );

    const userData = Fn.base64(renderNodeUserData(resolved));
    for (const group of resolved.nodeGroups) {
      this.nodegroups.push(this.addNodeGroup(cluster, resolved, group, userData, ledger));
    }
  }

  private addNodeGroup(
    cluster: eks.Cluster,
    resolved: ResolvedCluster,
    group: ResolvedNodeGroup,
    userData: string,
    ledger: ControlLedger,
  ): eks.Nodegroup {
    if (!AMI_TYPES.has(group.amiType)) {
      throw new Error(
        `clusters.${resolved.key}.nodeGroups.${group.name}.amiType is ${group.amiType}, which EKS does not offer. Use one of: ${[...AMI_TYPES].join(', ')}.`,
      );
    }

    const launchTemplate = new ec2.CfnLaunchTemplate(this, `LaunchTemplate-${group.name}`, {
      launchTemplateData: {
        metadataOptions: {
          httpEndpoint: 'enabled',
          httpTokens: 'required',
          httpPutResponseHopLimit: 1,
        },
        blockDeviceMappings: [
          {
            deviceName: ROOT_DEVICE_NAME,
            ebs: {
              volumeSize: group.diskSizeGiB,
              volumeType: 'gp3',
              encrypted: true,
              deleteOnTermination: true,
            },
          },
        ],
        userData,
      },
    });

    const pinned = this.pinnedRelease(resolved, group, ledger);
    const nodegroup = new eks.Nodegroup(this, `Nodegroup-${group.name}`, {
      cluster,
      nodegroupName: group.name,
      nodeRole: this.role,
      subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      amiType: group.amiType as eks.NodegroupAmiType,
      instanceTypes: group.instanceTypes.map((type) => new ec2.InstanceType(type)),
      minSize: group.minSize,
      desiredSize: group.desiredSize,
      maxSize: group.maxSize,
      launchTemplateSpec: {
        id: launchTemplate.ref,
        version: launchTemplate.attrLatestVersionNumber,
      },
      // The launch template sets no AMI, so EKS accepts a release version with it.
      ...(pinned !== undefined ? { releaseVersion: pinned.releaseVersion } : {}),
    });

    ledger.record('S9', launchTemplate, {
      en: `Launch template of node group ${group.name}: IMDSv2 required with hop limit 1, encrypted gp3 root volume, kubelet eventRecordQPS ${resolved.eventRecordQPS}`,
      ja: `ノードグループ ${group.name} の起動テンプレート：IMDSv2 必須（ホップ数 1）、暗号化 gp3 ルートボリューム、kubelet eventRecordQPS ${resolved.eventRecordQPS}`,
    });
    if (pinned !== undefined) {
      ledger.record('S9', nodegroup, {
        en: `Managed node group ${group.name}: EKS-optimized ${group.amiType} AMI, pinned to release ${pinned.releaseVersion} (the latest on ${pinned.lookedUpAt}, from SSM ${pinned.parameter})`,
        ja: `マネージドノードグループ ${group.name}：EKS 最適化 AMI（${group.amiType}）をリリース ${pinned.releaseVersion} に固定（${pinned.lookedUpAt} 時点の最新。SSM ${pinned.parameter} から取得）`,
      });
    } else {
      ledger.record('S9', nodegroup, {
        en: `Managed node group ${group.name}: EKS-optimized ${group.amiType} AMI, release not pinned`,
        ja: `マネージドノードグループ ${group.name}：EKS 最適化 AMI（${group.amiType}）。リリースは固定していない`,
      });
    }
    ledger.record('R2', nodegroup, {
      en: `Managed node group ${group.name} spans the private subnets of every Availability Zone`,
      ja: `マネージドノードグループ ${group.name} は全 AZ のプライベートサブネットにまたがる`,
    });
    return nodegroup;
  }

  /**
   * Returns the recorded release for the group's region, Kubernetes version and AMI type. Without
   * one, the group stays unpinned and synth reports it as an S9 gap and a CDK warning.
   */
  private pinnedRelease(
    resolved: ResolvedCluster,
    group: ResolvedNodeGroup,
    ledger: ControlLedger,
  ): PinnedNodeRelease | undefined {
    const context = this.node.tryGetContext(NODE_RELEASES_CONTEXT) as
      NodeReleasesContext | undefined;
    const region = Stack.of(this).region;
    const pinned = context?.releases.find(
      (release) =>
        release.region === region &&
        release.kubernetesVersion === resolved.version &&
        release.amiType === group.amiType,
    );
    if (pinned !== undefined) return pinned;

    const params = {
      nodegroup: group.name,
      cluster: resolved.name,
      region,
      version: resolved.version,
      amiType: group.amiType,
      file: context?.file ?? 'node-releases.json',
    };
    const text = {
      en: t('nodes.synth.notPinned', params, 'en'),
      ja: t('nodes.synth.notPinned', params, 'ja'),
    };
    ledger.gap('S9', text);
    Annotations.of(this).addWarningV2('kinko:nodeReleaseNotPinned', text.en);
    return undefined;
  }
}
