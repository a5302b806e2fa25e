import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Match } from 'aws-cdk-lib/assertions';
import type { ResolvedCluster } from '../../../src/model/platform.js';
import { infraFixture } from '../../support/infra-fixture.js';
import {
  synthInfra,
  TEST_IDENTITY_CENTER_ARN,
  type SynthesizedInfra,
} from '../../support/infra-synth.js';

const STACK = 'kinko-cluster-main';

describe('cluster stack', () => {
  let privateOnly: SynthesizedInfra;
  let publicWithIdentityCenter: SynthesizedInfra;
  before(() => {
    privateOnly = synthInfra(infraFixture());

    const base = infraFixture();
    const main = base.clusters[0] as ResolvedCluster;
    publicWithIdentityCenter = synthInfra(
      infraFixture({
        clusters: [{ ...main, publicAccessCidrs: ['203.0.113.0/24', '198.51.100.7/32'] }],
      }),
      {
        argoCdIdentityCenter: { instanceArn: TEST_IDENTITY_CENTER_ARN, adminGroupIds: ['group-1'] },
      },
    );
  });

  it('[S12][cdk] cluster has the configured version and API authentication', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EKS::Cluster', {
      Name: 'kinko-main',
      Version: '1.37',
      AccessConfig: { AuthenticationMode: 'API', BootstrapClusterCreatorAdminPermissions: false },
      BootstrapSelfManagedAddons: false,
    });
  });

  it('[S12][cdk] endpoint is private when no CIDRs are given', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: Match.objectLike({
        EndpointPrivateAccess: true,
        EndpointPublicAccess: false,
        PublicAccessCidrs: Match.absent(),
      }),
    });
  });

  it('[S12][cdk] endpoint is public only from exactly the given CIDRs', () => {
    publicWithIdentityCenter.template(STACK).hasResourceProperties('AWS::EKS::Cluster', {
      ResourcesVpcConfig: Match.objectLike({
        EndpointPrivateAccess: true,
        EndpointPublicAccess: true,
        PublicAccessCidrs: ['203.0.113.0/24', '198.51.100.7/32'],
      }),
    });
  });

  it('[S12][cdk] all five control-plane log types are on', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EKS::Cluster', {
      Logging: {
        ClusterLogging: {
          EnabledTypes: [
            { Type: 'api' },
            { Type: 'audit' },
            { Type: 'authenticator' },
            { Type: 'controllerManager' },
            { Type: 'scheduler' },
          ],
        },
      },
    });
  });

  it('[S12][cdk] control-plane log group is created first, encrypted and retained', () => {
    const template = privateOnly.template(STACK);
    const groups = template.findResources('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/aws/eks/kinko-main/cluster' },
    });
    const [[groupId, group] = []] = Object.entries(groups);
    const [cluster] = Object.values(template.findResources('AWS::EKS::Cluster'));

    assert.ok(groupId !== undefined && group !== undefined, 'no control-plane log group');
    assert.equal(group.Properties.RetentionInDays, 365);
    assert.ok(group.Properties.KmsKeyId !== undefined);
    assert.ok(
      (cluster?.DependsOn as string[]).includes(groupId),
      'cluster does not wait for its log group',
    );
  });

  it('[S4][cdk] Kubernetes secrets are encrypted with a rotated KMS key', () => {
    const template = privateOnly.template(STACK);
    const [cluster] = Object.values(template.findResources('AWS::EKS::Cluster'));
    const keyId = (
      cluster?.Properties.EncryptionConfig[0].Provider.KeyArn as { 'Fn::GetAtt': string[] }
    )['Fn::GetAtt'][0];

    assert.ok(keyId !== undefined);
    template.hasResource('AWS::KMS::Key', {
      Properties: Match.objectLike({ EnableKeyRotation: true }),
    });
    assert.equal(template.toJSON().Resources[keyId].Properties.EnableKeyRotation, true);
  });

  it('[S9][cdk] launch template requires IMDSv2 with hop limit 1', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        MetadataOptions: {
          HttpEndpoint: 'enabled',
          HttpTokens: 'required',
          HttpPutResponseHopLimit: 1,
        },
      }),
    });
  });

  it('[S9][cdk] launch template root volume is encrypted gp3', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        BlockDeviceMappings: [
          {
            DeviceName: '/dev/xvda',
            Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 50, DeleteOnTermination: true },
          },
        ],
      }),
    });
  });

  it('[S9][cdk] user data sets kubelet eventRecordQPS 0 in a NodeConfig', () => {
    const [template] = Object.values(
      privateOnly.template(STACK).findResources('AWS::EC2::LaunchTemplate'),
    );
    const userData = template?.Properties.LaunchTemplateData.UserData['Fn::Base64'] as string;

    assert.match(userData, /^MIME-Version: 1\.0\nContent-Type: multipart\/mixed; boundary="/);
    assert.match(userData, /Content-Type: application\/node\.eks\.aws/);
    assert.match(userData, /apiVersion: node\.eks\.aws\/v1alpha1\nkind: NodeConfig/);
    assert.match(userData, /\n {4}config:\n {6}eventRecordQPS: 0\n/);
  });

  it('[S9][cdk] node group uses the AL2023 AMI type and the launch template', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EKS::Nodegroup', {
      NodegroupName: 'general',
      AmiType: 'AL2023_x86_64_STANDARD',
      InstanceTypes: ['m7i.xlarge'],
      ScalingConfig: { MinSize: 3, DesiredSize: 3, MaxSize: 9 },
      LaunchTemplate: { Id: Match.anyValue(), Version: Match.anyValue() },
      ReleaseVersion: Match.absent(),
    });
  });

  it('[R2][cdk] node group spans the private subnets of all three zones', () => {
    const [nodegroup] = Object.values(
      privateOnly.template(STACK).findResources('AWS::EKS::Nodegroup'),
    );
    const subnets = (nodegroup?.Properties.Subnets as Array<{ 'Fn::ImportValue': string }>).map(
      (subnet) => subnet['Fn::ImportValue'],
    );

    assert.equal(subnets.length, 3);
    for (const [index, subnet] of subnets.entries()) {
      assert.match(
        subnet,
        new RegExp(`^kinko-network:ExportsOutputRefVpcprivateSubnet${index + 1}Subnet`),
      );
    }
  });

  it('[S8][cdk] vpc-cni add-on enables the network policy agent', () => {
    privateOnly.template(STACK).hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'vpc-cni',
      ConfigurationValues: '{"enableNetworkPolicy":"true"}',
      PodIdentityAssociations: [{ ServiceAccount: 'aws-node', RoleArn: Match.anyValue() }],
    });
  });

  it('[S4][cdk] every add-on of the platform is installed, no version pinned', () => {
    const addons = Object.values(privateOnly.template(STACK).findResources('AWS::EKS::Addon'));
    const names = addons.map((addon) => addon.Properties.AddonName as string).sort();

    assert.deepEqual(names, [
      'aws-guardduty-agent',
      'aws-mountpoint-s3-csi-driver',
      'aws-secrets-store-csi-driver-provider',
      'coredns',
      'eks-pod-identity-agent',
      'kube-proxy',
      'vpc-cni',
    ]);
    for (const addon of addons) {
      assert.equal(addon.Properties.AddonVersion, undefined);
    }
  });

  it('[R5][cdk] Mountpoint driver role reaches only shared prefixes of declaring systems', () => {
    const template = privateOnly.template(STACK);
    template.hasResourceProperties('AWS::EKS::Addon', {
      AddonName: 'aws-mountpoint-s3-csi-driver',
      PodIdentityAssociations: [{ ServiceAccount: 's3-csi-driver-sa', RoleArn: Match.anyValue() }],
    });
    const policies = template.findResources('AWS::IAM::ManagedPolicy', {
      Properties: { Description: Match.stringLikeRegexp('shared files') },
    });
    const document = JSON.stringify(Object.values(policies)[0]?.Properties.PolicyDocument);

    assert.ok(document.includes(':s3:::kinko-a-111122223333-ap-northeast-1/shared/*'));
    assert.ok(
      !document.includes('kinko-b-'),
      'Mountpoint reaches system b, which declares no shared files',
    );
  });

  it('[S7][cdk] each system ServiceAccount is associated with its pod role', () => {
    const template = privateOnly.template(STACK);
    for (const system of ['a', 'b']) {
      template.hasResourceProperties('AWS::EKS::PodIdentityAssociation', {
        Namespace: `${system}-system`,
        ServiceAccount: `${system}-app`,
        RoleArn: {
          'Fn::ImportValue': Match.stringLikeRegexp(
            `^kinko-systems:ExportsOutputFnGetAttSystem${system}PodRole`,
          ),
        },
      });
    }
  });

  it('[S6][cdk] access entries map admins to their group with no access policy', () => {
    const template = privateOnly.template(STACK);
    for (const system of ['a', 'b']) {
      template.hasResourceProperties('AWS::EKS::AccessEntry', {
        PrincipalArn: `arn:aws:iam::111122223333:role/kinko-${system}-admin`,
        KubernetesGroups: [`${system}:admins`],
        Type: 'STANDARD',
        AccessPolicies: Match.absent(),
      });
    }
    template.resourceCountIs('AWS::EKS::AccessEntry', 2);
  });

  it('[gitops][cdk] Argo CD capability is omitted with a warning when no Identity Center is given', () => {
    privateOnly.template(STACK).resourceCountIs('AWS::EKS::Capability', 0);
    const warnings = privateOnly.assembly
      .getStackByName(STACK)
      .messages.filter((message) => message.level === 'warning')
      .map((message) => String(message.entry.data));

    assert.ok(
      warnings.some((warning) =>
        warning.includes('Argo CD capability of cluster kinko-main is not created'),
      ),
    );
  });

  it('[gitops][cdk] Argo CD capability runs in the configured namespace with Identity Center', () => {
    const template = publicWithIdentityCenter.template(STACK);
    template.hasResourceProperties('AWS::EKS::Capability', {
      CapabilityName: 'kinko-main-argocd',
      Type: 'ARGOCD',
      DeletePropagationPolicy: 'RETAIN',
      Configuration: {
        ArgoCd: {
          Namespace: 'argocd',
          AwsIdc: { IdcInstanceArn: TEST_IDENTITY_CENTER_ARN },
          RbacRoleMappings: [{ Role: 'ADMIN', Identities: [{ Id: 'group-1', Type: 'SSO_GROUP' }] }],
        },
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'capabilities.eks.amazonaws.com' },
            Action: ['sts:AssumeRole', 'sts:TagSession'],
          },
        ],
      },
    });
  });
});
