/**
 * Names derived from platform.yaml, computed here and nowhere else. Limits come from the AWS and
 * Kubernetes documentation of each resource type.
 */

/** S3 bucket names: 3 to 63 characters, lowercase, globally unique (account and region help). */
export const S3_BUCKET_NAME_LIMIT = 63;
/** IAM role names: at most 64 characters. */
export const IAM_ROLE_NAME_LIMIT = 64;
/** SQS queue names: at most 80 characters. */
export const SQS_QUEUE_NAME_LIMIT = 80;

export function clusterName(platform: string, clusterKey: string): string {
  return `${platform}-${clusterKey}`;
}

export function systemBucketName(
  platform: string,
  system: string,
  account: string,
  region: string,
): string {
  return `${platform}-${system}-${account}-${region}`;
}

export function systemQueueName(platform: string, system: string): string {
  return `${platform}-${system}-queue`;
}

export function systemDeadLetterQueueName(platform: string, system: string): string {
  return `${platform}-${system}-dlq`;
}

export function systemSecretName(platform: string, system: string): string {
  return `${platform}/${system}/app`;
}

export function systemPodRoleName(platform: string, system: string, region: string): string {
  return `${platform}-${system}-pod-${region}`;
}

export function systemKmsAliasName(platform: string, system: string): string {
  return `alias/${platform}/${system}`;
}

export function systemAdminGroup(system: string): string {
  return `${system}:admins`;
}

export function systemServiceAccountName(system: string): string {
  return `${system}-app`;
}

export function appRepositoryName(platform: string, system: string, app: string): string {
  return `${platform}/${system}/${app}`;
}

export function ecrRegistry(account: string, region: string): string {
  return `${account}.dkr.ecr.${region}.amazonaws.com`;
}

/** Load balancer and target group names: at most 32 characters. */
export const ELB_NAME_LIMIT = 32;

export function edgeLoadBalancerName(platform: string): string {
  return `${platform}-edge`;
}

export function clusterTargetGroupName(platform: string, clusterKey: string): string {
  return `${platform}-${clusterKey}`;
}

export function edgeAccessLogBucketName(platform: string, account: string, region: string): string {
  return `${platform}-edge-logs-${account}-${region}`;
}

/** Host the Route 53 health check of a system requests, inside the declared hosted zone. */
export function healthCheckHost(system: string, zoneName: string): string {
  return `health-${system}.${zoneName}`;
}
