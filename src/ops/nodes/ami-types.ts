/**
 * SSM paths of the latest EKS-optimized AMI of each EKS AMI type: public parameters under
 * `/aws/service/eks/optimized-ami/<Kubernetes version>/<path>/recommended/`, whose children
 * `release_version` and `image_id` give the latest release and its AMI id in the caller's region.
 */

/** SSM path segment of each EKS AMI type that has an EKS-optimized Amazon Linux AMI. */
const SSM_PATHS: Readonly<Record<string, string>> = {
  AL2023_x86_64_STANDARD: 'amazon-linux-2023/x86_64/standard',
  AL2023_ARM_64_STANDARD: 'amazon-linux-2023/arm64/standard',
  AL2023_x86_64_NVIDIA: 'amazon-linux-2023/x86_64/nvidia',
  AL2023_ARM_64_NVIDIA: 'amazon-linux-2023/arm64/nvidia',
  AL2023_x86_64_NEURON: 'amazon-linux-2023/x86_64/neuron',
  AL2_x86_64: 'amazon-linux-2',
  AL2_x86_64_GPU: 'amazon-linux-2-gpu',
  AL2_ARM_64: 'amazon-linux-2-arm64',
};

/** AMI types that Kinko can check, in a stable order for messages. */
export const CHECKED_AMI_TYPES: readonly string[] = Object.keys(SSM_PATHS);

/** Returns the SSM path segment of `amiType`, or undefined for Bottlerocket, Windows and CUSTOM. */
export function ssmPathOf(amiType: string): string | undefined {
  return SSM_PATHS[amiType];
}

/** Returns the parent path of the AMI type's latest-release parameters. */
export function recommendedPath(kubernetesVersion: string, amiType: string): string | undefined {
  const segment = ssmPathOf(amiType);
  if (segment === undefined) return undefined;
  return `/aws/service/eks/optimized-ami/${kubernetesVersion}/${segment}/recommended`;
}

/** Returns the parent path under which SSM lists every release of the AMI type. */
export function releasesPath(kubernetesVersion: string, amiType: string): string | undefined {
  const segment = ssmPathOf(amiType);
  if (segment === undefined) return undefined;
  return `/aws/service/eks/optimized-ami/${kubernetesVersion}/${segment}`;
}

/**
 * Infers the AMI type of a node outside any known node group from its labels and OS image: the
 * standard Amazon Linux 2023 AMI of its architecture. Returns undefined for any other OS.
 */
export function amiTypeOfNode(
  architecture: string | undefined,
  osImage: string | undefined,
): string | undefined {
  if (!(osImage ?? '').startsWith('Amazon Linux 2023')) return undefined;
  if (architecture === 'amd64') return 'AL2023_x86_64_STANDARD';
  if (architecture === 'arm64') return 'AL2023_ARM_64_STANDARD';
  return undefined;
}

/** Returns the Kubernetes minor version of a kubelet version such as `v1.33.5-eks-113cf36`. */
export function minorVersionOf(kubeletVersion: string | undefined): string | undefined {
  const match = /^v?(\d+)\.(\d+)\./.exec(kubeletVersion ?? '');
  if (match === null) return undefined;
  return `${Number(match[1])}.${Number(match[2])}`;
}
