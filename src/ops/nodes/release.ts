/**
 * EKS-optimized AMI release versions, such as `1.33.5-20251120`: the Kubernetes patch version the
 * AMI ships, then the release date (YYYYMMDD). EKS reports the same string as a managed node
 * group's `releaseVersion` and SSM publishes it under `.../recommended/release_version`.
 */
import { KinkoError } from '../../errors.js';

export const NODES_FAILED = 'KINKO_NODES_FAILED';

const RELEASE_PATTERN = /^(\d+)\.(\d+)\.(\d+)-(\d{4})(\d{2})(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export interface AmiRelease {
  /** The release string as read, for example `1.33.5-20251120`. */
  readonly text: string;
  /** Kubernetes minor version, for example `1.33`. */
  readonly kubernetesVersion: string;
  readonly patch: number;
  /** Release date as milliseconds since the epoch, midnight UTC. */
  readonly dateMs: number;
  /** Release date as `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * Parses a release string, or returns undefined when it is not `MAJOR.MINOR.PATCH-YYYYMMDD` with a
 * real calendar date.
 */
export function tryParseRelease(text: string): AmiRelease | undefined {
  const match = RELEASE_PATTERN.exec(text.trim());
  if (match === null) return undefined;
  const [, major, minor, patch, year, month, day] = match;
  const dateMs = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const date = `${year}-${month}-${day}`;
  // Date.UTC rolls 2025-02-30 over into March, so a round trip rejects impossible dates.
  if (new Date(dateMs).toISOString().slice(0, 10) !== date) return undefined;
  return {
    text: text.trim(),
    kubernetesVersion: `${Number(major)}.${Number(minor)}`,
    patch: Number(patch),
    dateMs,
    date,
  };
}

/**
 * Returns why `text` is not a release: `nodes.release.badDate` when it has the right form but no
 * such calendar day (`1.33.5-20250230`), else `nodes.release.invalid`. `source` names where the
 * value came from (an SSM parameter, a node group, a file).
 */
export function invalidRelease(
  text: string,
  source: string,
): { messageId: string; params: { value: string; source: string } } {
  const badDate = RELEASE_PATTERN.test(text.trim());
  return {
    messageId: badDate ? 'nodes.release.badDate' : 'nodes.release.invalid',
    params: { value: text, source },
  };
}

/**
 * Parses a release string. `source` names where it came from (an SSM parameter, a node group, a
 * file), so the error can point there.
 */
export function parseRelease(text: string, source: string): AmiRelease {
  const release = tryParseRelease(text);
  if (release === undefined) {
    throw new KinkoError(NODES_FAILED, 'user', invalidRelease(text, source));
  }
  return release;
}

/**
 * Returns the reason a release does not belong to `kubernetesVersion` (its `MAJOR.MINOR` prefix
 * names another version), or undefined when it does. A 1.37 AMI under a 1.36 entry would be
 * rejected by EKS at deploy time, long after review.
 */
export function versionMismatch(
  release: AmiRelease,
  kubernetesVersion: string,
  source: string,
): { messageId: string; params: Record<string, string> } | undefined {
  if (release.kubernetesVersion === kubernetesVersion) return undefined;
  return {
    messageId: 'nodes.release.versionMismatch',
    params: {
      value: release.text,
      source,
      expected: kubernetesVersion,
      actual: release.kubernetesVersion,
    },
  };
}

/** Orders releases by release date, then by Kubernetes patch version. Negative when `left` is older. */
export function compareReleases(left: AmiRelease, right: AmiRelease): number {
  return left.dateMs - right.dateMs || left.patch - right.patch;
}

/**
 * Returns the whole days between the release dates of `current` and `latest`, or 0 when `current`
 * is the same release or newer (SSM in one region can trail another region's node groups by a few
 * days).
 */
export function daysBehind(current: AmiRelease, latest: AmiRelease): number {
  return Math.max(0, Math.round((latest.dateMs - current.dateMs) / MS_PER_DAY));
}
