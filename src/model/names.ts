/**
 * Names derived from platform.yaml, computed here and nowhere else. Limits come from the AWS and
 * Kubernetes documentation of each resource type.
 */
import { createHash } from 'node:crypto';

/** S3 bucket names: 3 to 63 characters, lowercase, globally unique (account and region help). */
export const S3_BUCKET_NAME_LIMIT = 63;
/** IAM role names: at most 64 characters. */
export const IAM_ROLE_NAME_LIMIT = 64;
/** SQS queue names: at most 80 characters. */
export const SQS_QUEUE_NAME_LIMIT = 80;

/**
 * IAM role of a cluster's EKS Argo CD capability: `<cluster>-argocd-<region>`, so Kubernetes RBAC
 * can name the group of the access entry that EKS creates for it. A name over the IAM limit keeps
 * its start and ends in 8 hex digits of the SHA-256 of the full name, so it stays unique.
 */
export function argoCdCapabilityRoleName(cluster: string, region: string): string {
  const full = `${cluster}-argocd-${region}`;
  if (full.length <= IAM_ROLE_NAME_LIMIT) return full;
  const digest = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, IAM_ROLE_NAME_LIMIT - digest.length - 1)}-${digest}`;
}

/**
 * Kubernetes group of an EKS access entry with no access policy: `eks-access-entry:` and the
 * principal ARN (EKS User Guide, "Register target clusters", Access Entry RBAC requirements).
 */
export function accessEntryGroup(principalArn: string): string {
  return `eks-access-entry:${principalArn}`;
}

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
