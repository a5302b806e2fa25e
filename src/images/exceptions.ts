/**
 * Exceptions to the image gate from platform.yaml (`images.exceptions`): a finding accepted for a
 * repository until an expiry date. An exception applies through the whole of its `expires` day in
 * UTC and no longer from the next day on.
 */
import type { Problem } from '../errors.js';

export interface ImageException {
  readonly finding: string;
  /** ECR repository name or `*` pattern; undefined covers every repository. */
  readonly repository?: string | undefined;
  readonly reason: string;
  /** `YYYY-MM-DD`, the last day (UTC) it applies. */
  readonly expires: string;
}

/**
 * Days ahead an expiry may lie. A finding accepted for longer escapes review; 180 days is two
 * quarterly reviews, a choice of Kinko's rather than a figure from a standard.
 */
export const MAX_EXCEPTION_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** `YYYY-MM-DD` of `now` in UTC. */
export function utcDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  return utcDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));
}

/** Check whether the exception still applies on `today` (both `YYYY-MM-DD`, compared as text). */
export function isInForce(exception: ImageException, today: string): boolean {
  return exception.expires >= today;
}

/** Report each exception whose expiry lies more than MAX_EXCEPTION_DAYS after `today`. */
export function exceptionHorizonProblems(
  exceptions: readonly ImageException[],
  today: string,
): Problem[] {
  const latest = addDays(today, MAX_EXCEPTION_DAYS);
  const problems: Problem[] = [];
  exceptions.forEach((exception, index) => {
    if (exception.expires <= latest) return;
    problems.push({
      messageId: 'images.exception.tooFar',
      params: {
        path: `images.exceptions[${index}].expires`,
        finding: exception.finding,
        expires: exception.expires,
        latest,
        days: MAX_EXCEPTION_DAYS,
      },
    });
  });
  return problems;
}

/** Compile a `*` pattern into an anchored regular expression; `*` matches any run of characters. */
function patternRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Check whether the exception names this finding (ids compare case-insensitively) in this repository. */
export function exceptionMatches(
  exception: ImageException,
  findingId: string,
  repository: string,
): boolean {
  if (exception.finding.toUpperCase() !== findingId.toUpperCase()) return false;
  return exception.repository === undefined || patternRegExp(exception.repository).test(repository);
}

export interface ExceptionLookup {
  /** The exception in force that accepts the finding. */
  readonly applied?: ImageException;
  /** An exception that named the finding but expired; reported so the owner renews or fixes. */
  readonly expired?: ImageException;
}

/** Find the exception that accepts a finding on `today`, or else the expired one that used to. */
export function findException(
  exceptions: readonly ImageException[],
  findingId: string,
  repository: string,
  today: string,
): ExceptionLookup {
  const matching = exceptions.filter((exception) =>
    exceptionMatches(exception, findingId, repository),
  );
  const applied = matching.find((exception) => isInForce(exception, today));
  if (applied !== undefined) return { applied };
  const expired = matching[0];
  return expired !== undefined ? { expired } : {};
}
