/**
 * CEL for the registry rule: the image reference read as src/policy/image.ts reads it, and each
 * allowed registry written into the expression as a whole-host comparison and a repository
 * pattern.
 */
import { celString, re2Escape } from './rule.js';

/**
 * Tests whether the image's first path component is a registry host, as Docker and containerd
 * decide.
 */
function namesHost(image: string): string {
  const first = `${image}.split('/')[0]`;
  return `(${image}.split('@')[0].contains('/') && (${first}.matches('[.:]') || ${first} == 'localhost'))`;
}

/** Writes out the image with Docker Hub's implicit host and `library/` made explicit. */
function normalized(image: string): string {
  const withLibrary = `(${image}.split('@')[0].contains('/') ? ${image} : 'library/' + ${image})`;
  return `(${namesHost(image)} ? ${image} : 'docker.io/' + ${withLibrary})`;
}

/**
 * Tests whether the image comes from one of `allowed` (a host with an optional repository prefix).
 * Hosts compare whole and without case; the repository must be the prefix or lie under it.
 */
export function imageFromAllowedRegistry(image: string, allowed: readonly string[]): string {
  const reference = normalized(image);
  const host = `${reference}.split('/')[0]`;
  const checks = allowed.flatMap((entry) => {
    const trimmed = entry.trim().replace(/\/+$/, '');
    const slash = trimmed.indexOf('/');
    const allowedHost = (slash >= 0 ? trimmed.slice(0, slash) : trimmed).toLowerCase();
    const prefix = slash >= 0 ? trimmed.slice(slash + 1) : '';
    if (allowedHost === '') return [];
    const sameHost = `${host}.lowerAscii() == ${celString(allowedHost)}`;
    if (prefix === '') return [`(${sameHost})`];
    // After the host: the prefix, then a deeper path or a tag, then an optional digest.
    const pattern = `^/${re2Escape(prefix)}(/[^@]*|:[^/:@]*)?(@.*)?$`;
    return [
      `(${sameHost} && ${reference}.substring(size(${host})).matches(${celString(pattern)}))`,
    ];
  });
  return checks.length === 0 ? 'false' : `(${checks.join(' || ')})`;
}
