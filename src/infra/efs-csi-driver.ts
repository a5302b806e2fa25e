import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledgeRule } from './acknowledge.js';
import { POD_IDENTITY_PRINCIPAL } from './system-pod-role.js';

/** ServiceAccounts of the aws-efs-csi-driver add-on, in kube-system. */
export const EFS_CSI_SERVICE_ACCOUNTS = ['efs-csi-controller-sa', 'efs-csi-node-sa'] as const;

/**
 * Creates the role of the Amazon EFS CSI driver, assumed through Pod Identity. It gets the policy
 * EKS documents for the driver, and NFS mount and write on the region's file systems through a
 * mount target, which each file system policy checks because of the `iam` mount option.
 * NOTE: not yet run on a cluster; the node DaemonSet mounts with the credentials of this role.
 */
export function createEfsCsiDriverRole(scope: Construct, id: string): iam.Role {
  const stack = Stack.of(scope);
  const role = new iam.Role(scope, id, {
    assumedBy: new iam.SessionTagsPrincipal(new iam.ServicePrincipal(POD_IDENTITY_PRINCIPAL)),
    description: `Kinko: the role of the Amazon EFS CSI driver (kube-system/${EFS_CSI_SERVICE_ACCOUNTS.join(', kube-system/')})`,
    managedPolicies: [
      iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEFSCSIDriverPolicy'),
    ],
  });
  const fileSystems = `arn:${stack.partition}:elasticfilesystem:${stack.region}:${stack.account}:file-system/*`;
  const policy = new iam.ManagedPolicy(scope, `${id}MountPolicy`, {
    description:
      'Kinko: mount and write the EFS file systems of this region through a mount target',
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'MountThroughMountTarget',
        actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
        resources: [fileSystems],
        conditions: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
      }),
    ],
  });
  acknowledgeRule(
    role,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonEFSCSIDriverPolicy]',
    'AmazonEFSCSIDriverPolicy is the policy EKS documents for the EFS CSI driver, and AWS updates it with the driver. Only the driver ServiceAccounts receive it.',
  );
  acknowledgeRule(
    policy,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:elasticfilesystem:${stack.region}:${stack.account}:file-system/*]`,
    "File system ids are generated, and in the DR region EFS creates the replica itself, so the statement names the region's file systems; each file system policy admits only TLS and IAM clients.",
  );
  return role;
}
