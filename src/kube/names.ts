/**
 * Names that exist only in Kubernetes manifests and that the model does not carry yet. Each is
 * derived here, once, so that a Deployment and the object it refers to cannot disagree.
 * NOTE: these belong in the resolved model next to the system's other names; move them there
 * when the resolver grows the fields.
 */
import type { ResolvedCluster, ResolvedPlatform, ResolvedSystem } from '../model/platform.js';

/** SecretProviderClass that maps the system's Secrets Manager secret into its pods. */
export function secretProviderClassName(system: ResolvedSystem): string {
  return `${system.name}-aws-secrets`;
}

/** Role and RoleBinding granting the system's administrator group its namespace rights. */
export function adminRoleName(system: ResolvedSystem): string {
  return `${system.name}-admins`;
}

/** VirtualServer that routes the system's host to its apps. */
export function virtualServerName(system: ResolvedSystem): string {
  return system.name;
}

/** Argo CD Application and AppProject of a system. */
export function systemArgoName(system: ResolvedSystem): string {
  return system.name;
}

/** Argo CD AppProject of the platform components (the ingress controller). */
export const PLATFORM_PROJECT_NAME = 'kinko-platform';

/** Argo CD Application (and Helm release name) of F5 NGINX Ingress Controller. */
export const INGRESS_CONTROLLER_APP_NAME = 'nginx-ingress';

/**
 * ARN of an EKS cluster. The EKS Argo CD capability identifies a destination cluster by its ARN
 * and does not accept `https://kubernetes.default.svc` (EKS User Guide, "Register target
 * clusters").
 */
export function clusterArn(platform: ResolvedPlatform, cluster: ResolvedCluster): string {
  return `arn:aws:eks:${platform.primary.region}:${platform.account}:cluster/${cluster.name}`;
}

/** Volume names inside an app's pod template. */
export const VOLUME_TMP = 'tmp';
export const VOLUME_SECRETS = 'secrets';
export const VOLUME_SHARED_FILES = 'shared-files';

/** Where the Secrets Store CSI volume appears in each container, read-only. */
export { SECRETS_MOUNT_PATH } from '../model/platform.js';

/** Name of the container port every app listens on; Service and probes refer to it. */
export const HTTP_PORT_NAME = 'http';
