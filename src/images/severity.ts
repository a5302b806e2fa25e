/**
 * Severities of ECR scan findings. Basic scanning reports INFORMATIONAL to CRITICAL and
 * UNDEFINED; enhanced scanning (Amazon Inspector) reports INFORMATIONAL to CRITICAL and UNTRIAGED.
 */

/** Severities `--fail-on` accepts, from least to most severe. */
export const RANKED_SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;
export type RankedSeverity = (typeof RANKED_SEVERITIES)[number];

export const DEFAULT_FAIL_ON: RankedSeverity = 'CRITICAL';

/** Every severity a report counts, most severe first; a value ECR adds later counts as UNDEFINED. */
export const REPORTED_SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'INFORMATIONAL',
  'UNTRIAGED',
  'UNDEFINED',
] as const;
export type ReportedSeverity = (typeof REPORTED_SEVERITIES)[number];

export type SeverityCounts = Record<ReportedSeverity, number>;

/** Map ECR's severity to the one a report files it under: UNDEFINED for a missing or new value. */
export function reportedSeverity(value: string | undefined): ReportedSeverity {
  const upper = (value ?? '').toUpperCase();
  return (REPORTED_SEVERITIES as readonly string[]).includes(upper)
    ? (upper as ReportedSeverity)
    : 'UNDEFINED';
}

/**
 * Check whether a finding fails the gate at `failOn`. UNTRIAGED and UNDEFINED findings have no rank
 * yet, so they fail at every threshold: the gate cannot tell that they are below it. An
 * exception in platform.yaml accepts one such finding by its id.
 */
export function reachesThreshold(severity: ReportedSeverity, failOn: RankedSeverity): boolean {
  const rank = (RANKED_SEVERITIES as readonly string[]).indexOf(severity);
  if (rank < 0) return true;
  return rank >= RANKED_SEVERITIES.indexOf(failOn);
}

export function emptyCounts(): SeverityCounts {
  return Object.fromEntries(REPORTED_SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
}
