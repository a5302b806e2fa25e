import { Arn, ArnFormat, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

/** Retention periods, in days, that CloudWatch Logs accepts for a log group. */
const ACCEPTED_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288,
  3653,
];

/**
 * Returns the shortest retention CloudWatch Logs accepts that keeps logs at least `days` days, so a
 * platform that asks for 2555 days (7 years) keeps them 2557 days instead of failing to deploy.
 * `field` names the platform.yaml setting in the error.
 */
export function retentionOfAtLeast(days: number, field: string): logs.RetentionDays {
  if (!Number.isInteger(days) || days < 1) {
    throw new Error(
      `${field} is ${days}, which is invalid. Use a whole number of days, 1 or more.`,
    );
  }
  const accepted = ACCEPTED_RETENTION_DAYS.find((candidate) => candidate >= days);
  if (accepted === undefined) {
    throw new Error(
      `${field} is ${days} days, but CloudWatch Logs keeps logs at most 3653 days (10 years). Use 3653 or less.`,
    );
  }
  return accepted as logs.RetentionDays;
}

/**
 * Creates a customer managed key that CloudWatch Logs may use for the log groups of this stack's
 * account and region, and no other service. Rotation is on.
 */
export function createLogsKey(scope: Construct, id: string, description: string): kms.Key {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, id, {
    description,
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });

  const logGroupArns = Arn.format(
    {
      service: 'logs',
      resource: 'log-group',
      resourceName: '*',
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    },
    stack,
  );
  key.addToResourcePolicy(
    new iam.PolicyStatement({
      sid: 'AllowCloudWatchLogsOfThisAccountAndRegion',
      principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
      actions: [
        'kms:Encrypt*',
        'kms:Decrypt*',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:Describe*',
      ],
      resources: ['*'],
      conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': logGroupArns } },
    }),
  );
  return key;
}

export interface EncryptedLogGroupProps {
  /** Log group name, needed when a service writes to a fixed name, such as EKS control-plane logs. */
  readonly logGroupName?: string;
  readonly retentionDays: number;
  /** platform.yaml path of the retention, for error messages. */
  readonly retentionField: string;
  readonly encryptionKey: kms.IKey;
}

/** Creates a KMS-encrypted log group that is kept when its stack is deleted. */
export function createEncryptedLogGroup(
  scope: Construct,
  id: string,
  props: EncryptedLogGroupProps,
): logs.LogGroup {
  return new logs.LogGroup(scope, id, {
    ...(props.logGroupName === undefined ? {} : { logGroupName: props.logGroupName }),
    retention: retentionOfAtLeast(props.retentionDays, props.retentionField),
    encryptionKey: props.encryptionKey,
    removalPolicy: RemovalPolicy.RETAIN,
  });
}
