/**
 * Container image references (the distribution reference grammar): registry host, repository,
 * tag and digest, and whether a registry is on the allowed list, compared by whole host name.
 */

export interface ImageReference {
  /** Registry host in lower case, with its port when given; `docker.io` when the image names none. */
  readonly host: string;
  /** Repository path without the host, for example `library/nginx`. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Parse an image reference. The first path component is a registry host only when it contains a
 * dot or a colon or is `localhost`, as Docker and containerd decide; `nginx` and `team/app` are
 * Docker Hub images.
 */
export function parseImageReference(image: string): ImageReference {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const digest = at >= 0 ? image.slice(at + 1) : undefined;

  const slash = withoutDigest.indexOf('/');
  const first = slash >= 0 ? withoutDigest.slice(0, slash) : '';
  const hasHost =
    slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  const host = hasHost ? first.toLowerCase() : 'docker.io';
  let path = hasHost ? withoutDigest.slice(slash + 1) : withoutDigest;

  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon + 1);
    path = path.slice(0, colon);
  }
  if (!hasHost && !path.includes('/')) path = `library/${path}`;

  return {
    host,
    repository: path,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
  };
}

/** Whether a digest is a well-formed sha256 digest, the form registries and kubelets use. */
export function isValidDigest(digest: string): boolean {
  return DIGEST.test(digest);
}

/**
 * Whether `image` comes from `allowed`: a host (with port when the registry uses one) and an
 * optional repository prefix, such as `111122223333.dkr.ecr.ap-northeast-1.amazonaws.com` or
 * `registry.example/team`. Hosts compare whole and case-insensitively, so `registry.example`
 * does not allow `registry.example.evil.test` or `registry.example:5000`, and a prefix allows
 * `team/app` but not `teamx/app`.
 */
export function registryAllows(allowed: string, image: ImageReference): boolean {
  const trimmed = allowed.trim().replace(/\/+$/, '');
  const slash = trimmed.indexOf('/');
  const host = (slash >= 0 ? trimmed.slice(0, slash) : trimmed).toLowerCase();
  const prefix = slash >= 0 ? trimmed.slice(slash + 1) : '';
  if (host === '' || image.host !== host) return false;
  return prefix === '' || image.repository === prefix || image.repository.startsWith(`${prefix}/`);
}
