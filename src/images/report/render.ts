/** Pieces every output format of `kinko images` shares: closed reasons and input problems in one language. */
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { formatLocation, type ReportLocation } from '../../policy/report/report.js';
import type { ImageResult } from '../evaluate.js';
import type { ImageGateResult } from '../gate.js';
import { REPORTED_SEVERITIES, type SeverityCounts } from '../severity.js';

export interface RenderedProblem {
  readonly location: ReportLocation;
  readonly message: string;
}

/** Render the reason the image failed closed and its fix, or undefined when its findings were judged. */
export function closedText(
  image: ImageResult,
  locale: Locale,
): { message: string; fix: string } | undefined {
  if (image.closed === undefined) return undefined;
  const id = `images.closed.${image.closed.reason}`;
  const params = { detail: image.closed.detail };
  return { message: t(id, params, locale), fix: t(`${id}.fix`, params, locale) };
}

export function problemsOf(result: ImageGateResult, locale: Locale): RenderedProblem[] {
  return result.problems.map((problem) => ({
    location: { file: problem.file, line: problem.line, column: problem.column },
    message: t(problem.messageId, problem.params, locale),
  }));
}

/** `CRITICAL 1, HIGH 0, ...` in the order of REPORTED_SEVERITIES. */
export function formatCounts(counts: SeverityCounts): string {
  return REPORTED_SEVERITIES.map((severity) => `${severity} ${counts[severity]}`).join(', ');
}

/** ` (file:line:column)`, or nothing for an object read without a file. */
export function formatUseLocation(location: ReportLocation | undefined): string {
  const text = formatLocation(location);
  return text === '' ? '' : ` (${text})`;
}

export function countVerdicts(result: ImageGateResult): { passed: number; failed: number } {
  const failed = result.images.filter((image) => image.verdict === 'fail').length;
  return { passed: result.images.length - failed, failed };
}
