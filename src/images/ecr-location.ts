/**
 * Location of an image in ECR: registry (account), region and repository, read from the image's
 * registry host `<account>.dkr.ecr.<region>.amazonaws.com`. Only the platform's own registries
 * are accepted, because only their scans are the platform's to read (S3 also allows images from
 * those registries alone).
 */
import { parseImageReference, registryAllows, type ImageReference } from '../policy/image.js';

const ECR_HOST = /^(\d{12})\.dkr\.ecr\.([a-z]{2}(?:-gov)?-[a-z]+-\d)\.amazonaws\.com$/;

export interface EcrImage {
  readonly registryId: string;
  readonly region: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export type EcrLocation =
  | { readonly found: true; readonly image: EcrImage }
  | { readonly found: false; readonly reference: ImageReference };

/**
 * Locate `image` in one of `registries` (hosts such as `111122223333.dkr.ecr.ap-northeast-1.amazonaws.com`).
 * An image that names neither tag nor digest means `latest`, as the kubelet reads it.
 */
export function locateInEcr(image: string, registries: readonly string[]): EcrLocation {
  const reference = parseImageReference(image);
  const match = ECR_HOST.exec(reference.host);
  const allowed = registries.some((registry) => registryAllows(registry, reference));
  if (match === null || !allowed) return { found: false, reference };

  const tag = reference.tag ?? (reference.digest === undefined ? 'latest' : undefined);
  return {
    found: true,
    image: {
      registryId: match[1] ?? '',
      region: match[2] ?? '',
      repository: reference.repository,
      ...(tag !== undefined ? { tag } : {}),
      ...(reference.digest !== undefined ? { digest: reference.digest } : {}),
    },
  };
}
