/**
 * Judges one image: counts its findings by severity, accepts those that an exception in force
 * names, and fails it on any other finding at or above the threshold, or when it could not be
 * scanned at all (fail closed).
 */
import type { ReferencedImage } from './collect.js';
import type { EcrImage } from './ecr-location.js';
import { findException, type ImageException } from './exceptions.js';
import type { ClosedCode, ScanFinding, ScanRead } from './scan.js';
import {
  emptyCounts,
  reachesThreshold,
  type RankedSeverity,
  type ReportedSeverity,
  type SeverityCounts,
} from './severity.js';

export type ImageVerdict = 'pass' | 'fail';

/** Reason an image failed without its findings being judged. */
export type ClosedReason = ClosedCode | 'outside-registries';

export interface ExceptionUse {
  readonly finding: string;
  readonly severity: ReportedSeverity;
  readonly repository?: string | undefined;
  readonly reason: string;
  readonly expires: string;
}

export interface ImageResult {
  /** The reference as the manifests write it. */
  readonly image: string;
  readonly verdict: ImageVerdict;
  readonly registryId?: string;
  readonly region?: string;
  readonly repository?: string;
  readonly digest?: string;
  readonly scanStatus?: string;
  /** Every finding of the scan, excepted ones included. */
  readonly counts: SeverityCounts;
  /** Findings at or above the threshold that no exception in force accepts. */
  readonly blocking: readonly ScanFinding[];
  readonly exceptionsApplied: readonly ExceptionUse[];
  /** Exceptions that named a finding of this image but have expired, so they no longer apply. */
  readonly exceptionsExpired: readonly ExceptionUse[];
  /** Set when the image failed closed: it was not scanned, or not in the platform's registries. */
  readonly closed?: { readonly reason: ClosedReason; readonly detail: string };
  readonly uses: ReferencedImage['uses'];
}

export interface EvaluationSettings {
  readonly failOn: RankedSeverity;
  readonly exceptions: readonly ImageException[];
  /** `YYYY-MM-DD` in UTC. */
  readonly today: string;
}

function useOf(exception: ImageException, severity: ReportedSeverity): ExceptionUse {
  return {
    finding: exception.finding,
    severity,
    ...(exception.repository !== undefined ? { repository: exception.repository } : {}),
    reason: exception.reason,
    expires: exception.expires,
  };
}

/** Fail an image outside the platform's ECR registries, closed. */
export function outsideRegistries(referenced: ReferencedImage, registries: string): ImageResult {
  return {
    image: referenced.image,
    verdict: 'fail',
    counts: emptyCounts(),
    blocking: [],
    exceptionsApplied: [],
    exceptionsExpired: [],
    closed: { reason: 'outside-registries', detail: registries },
    uses: referenced.uses,
  };
}

export function evaluateImage(
  referenced: ReferencedImage,
  location: EcrImage,
  scan: ScanRead,
  settings: EvaluationSettings,
): ImageResult {
  const identity = {
    image: referenced.image,
    registryId: location.registryId,
    region: location.region,
    repository: location.repository,
    ...(scan.digest !== undefined ? { digest: scan.digest } : {}),
  };

  if (!scan.evaluated) {
    return {
      ...identity,
      verdict: 'fail',
      ...(scan.code === 'scan-status' ? { scanStatus: scan.detail } : {}),
      counts: emptyCounts(),
      blocking: [],
      exceptionsApplied: [],
      exceptionsExpired: [],
      closed: { reason: scan.code, detail: scan.detail },
      uses: referenced.uses,
    };
  }

  const counts = emptyCounts();
  const blocking: ScanFinding[] = [];
  const applied: ExceptionUse[] = [];
  const expired: ExceptionUse[] = [];
  for (const finding of scan.findings) {
    counts[finding.severity] += 1;
    if (!reachesThreshold(finding.severity, settings.failOn)) continue;

    const lookup = findException(
      settings.exceptions,
      finding.id,
      location.repository,
      settings.today,
    );
    if (lookup.applied !== undefined) {
      applied.push(useOf(lookup.applied, finding.severity));
      continue;
    }
    if (lookup.expired !== undefined) expired.push(useOf(lookup.expired, finding.severity));
    blocking.push(finding);
  }

  return {
    ...identity,
    verdict: blocking.length > 0 ? 'fail' : 'pass',
    scanStatus: scan.status,
    counts,
    blocking,
    exceptionsApplied: applied,
    exceptionsExpired: expired,
    uses: referenced.uses,
  };
}
