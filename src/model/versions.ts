/**
 * Kubernetes versions Kinko accepts: those aws-cdk-lib's aws-eks-v2 module (2.276) names in
 * `KubernetesVersion` and that EKS offers. The default is the newest of them.
 */
export const SUPPORTED_KUBERNETES_VERSIONS = ['1.33', '1.34', '1.35', '1.36', '1.37'] as const;

export type KubernetesMinorVersion = (typeof SUPPORTED_KUBERNETES_VERSIONS)[number];

export const DEFAULT_KUBERNETES_VERSION: KubernetesMinorVersion = '1.37';
