import { CfnElement, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { ResolvedSystem } from '../model/platform.js';
import { acknowledgeRule } from './acknowledge.js';

/** Service principal that EKS Pod Identity assumes roles with. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

export interface PodRoleProps {
  readonly system: ResolvedSystem;
  readonly key: kms.IKey;
  readonly bucket: s3.IBucket;
  readonly queues: readonly sqs.IQueue[];
  readonly secret: secretsmanager.ISecret;
}

/**
 * Creates a role that EKS Pod Identity can assume (sts:AssumeRole and sts:TagSession), with a
 * customer managed policy whose every statement names one of the given resources. The policy is
 * written out statement by statement, not through grant methods, so a reviewer sees each action.
 */
export function createPodRole(scope: Construct, id: string, props: PodRoleProps): iam.Role {
  const { system } = props;
  const role = new iam.Role(scope, id, {
    roleName: system.podRoleName,
    description: `Kinko system ${system.name}: the role of pods that run as ${system.namespace}/${system.serviceAccountName}`,
    assumedBy: new iam.SessionTagsPrincipal(new iam.ServicePrincipal(POD_IDENTITY_PRINCIPAL)),
  });

  const policy = new iam.ManagedPolicy(scope, `${id}Policy`, {
    description: `Kinko system ${system.name}: access to the system's own bucket, queues, secret and key`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'ListOwnBucket',
        actions: ['s3:ListBucket', 's3:GetBucketLocation'],
        resources: [props.bucket.bucketArn],
      }),
      new iam.PolicyStatement({
        sid: 'ReadWriteOwnObjects',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload'],
        resources: [props.bucket.arnForObjects('*')],
      }),
      new iam.PolicyStatement({
        sid: 'UseOwnQueues',
        actions: [
          'sqs:SendMessage',
          'sqs:ReceiveMessage',
          'sqs:DeleteMessage',
          'sqs:ChangeMessageVisibility',
          'sqs:GetQueueAttributes',
          'sqs:GetQueueUrl',
        ],
        resources: props.queues.map((queue) => queue.queueArn),
      }),
      new iam.PolicyStatement({
        sid: 'ReadOwnSecret',
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [props.secret.secretArn],
      }),
      new iam.PolicyStatement({
        sid: 'UseOwnKey',
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    ],
  });
  acknowledgeRule(
    policy,
    `AwsSolutions-IAM5[Resource::<${logicalIdPlaceholder(props.bucket)}.Arn>/*]`,
    "Object actions need an object ARN; the wildcard covers only keys inside this system's own bucket.",
  );
  return role;
}

/** Returns the token name cdk-nag prints for a bucket's logical id, as in `<SystemsABucket1234.Arn>`. */
export function logicalIdPlaceholder(bucket: s3.IBucket): string {
  const resource = bucket.node.defaultChild;
  if (!(resource instanceof CfnElement)) {
    throw new Error(
      `Bucket ${bucket.node.path} has no CloudFormation resource to name in the acknowledgement.`,
    );
  }
  return Stack.of(resource).getLogicalId(resource);
}
