/** Judges one node group's or node's AMI release against the latest release. */
import type { LatestLookup, UnknownReason } from './latest.js';
import { compareReleases, daysBehind, invalidRelease, tryParseRelease } from './release.js';

/**
 * Freshness of one entry. `current`: on the latest release (or newer). `lagging`: an older release.
 * `unknown`: the release or the latest release could not be determined, and `reason` gives the cause.
 */
export type FreshnessStatus = 'current' | 'lagging' | 'unknown';

export interface Assessment {
  readonly status: FreshnessStatus;
  /** Release string of the node group or node. */
  readonly current?: string;
  /** Latest release string for its Kubernetes version and AMI type. */
  readonly latest?: string;
  /** SSM parameter the latest release came from. */
  readonly latestParameter?: string;
  /** Days between the release dates of the current and the latest release. */
  readonly daysBehind?: number;
  /**
   * False when the entry fails the check: lagging by more days than allowed, or unknown. A check
   * that cannot tell fails, so a broken lookup never passes as fresh.
   */
  readonly passed: boolean;
  readonly reason?: UnknownReason;
}

export function unknown(reason: UnknownReason, current?: string): Assessment {
  return {
    status: 'unknown',
    passed: false,
    reason,
    ...(current !== undefined ? { current } : {}),
  };
}

/**
 * Compares `currentText` (read from `source`, named in errors) with the latest release.
 * `maxDaysBehind` is the number of days a lagging entry may trail and still pass.
 */
export function assessRelease(
  currentText: string,
  source: string,
  lookup: LatestLookup,
  maxDaysBehind: number,
): Assessment {
  const current = tryParseRelease(currentText);
  if (current === undefined) return unknown(invalidRelease(currentText, source));
  if (!lookup.found) return unknown(lookup.reason, current.text);

  const { latest } = lookup;
  const known = {
    current: current.text,
    latest: latest.release.text,
    latestParameter: latest.parameter,
  };
  if (compareReleases(current, latest.release) >= 0) {
    return { status: 'current', passed: true, daysBehind: 0, ...known };
  }
  const days = daysBehind(current, latest.release);
  return { status: 'lagging', passed: days <= maxDaysBehind, daysBehind: days, ...known };
}
