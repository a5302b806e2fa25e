/**
 * Typed errors with stable codes. A KinkoError carries catalogue message ids and parameters,
 * never rendered text, so the CLI prints it in the user's language.
 */
import { hasMessage, t, type MessageParams } from './i18n/catalog.js';
import type { Locale } from './i18n/locale.js';

/** Whether the user can fix the cause (bad input) or Kinko itself failed. */
export type Fault = 'user' | 'tool';

export interface SourceLocation {
  readonly file: string;
  /** 1-based line and column. */
  readonly line: number;
  readonly column: number;
}

/** One problem: what failed, where, and the fix, as catalogue message ids. */
export interface Problem {
  readonly messageId: string;
  readonly params: MessageParams;
  /** Message id of the fix; defaults to `<messageId>.fix`. */
  readonly fixId?: string;
  readonly fixParams?: MessageParams;
  readonly location?: SourceLocation;
}

export class KinkoError extends Error {
  constructor(
    /** Stable code for scripts and tests, for example KINKO_CONFIG_INVALID. */
    readonly code: string,
    readonly fault: Fault,
    readonly summary: Problem,
    readonly problems: readonly Problem[] = [],
  ) {
    super(renderProblem(summary, 'en'));
    this.name = 'KinkoError';
  }
}

export function renderProblem(problem: Problem, locale: Locale): string {
  const where = problem.location
    ? `${problem.location.file}:${problem.location.line}:${problem.location.column}: `
    : '';
  return where + t(problem.messageId, problem.params, locale);
}

export function renderFix(problem: Problem, locale: Locale): string | undefined {
  const fixId = problem.fixId ?? `${problem.messageId}.fix`;
  if (!hasMessage(fixId)) return undefined;
  return t(fixId, problem.fixParams ?? problem.params, locale);
}

/** Render an error with each problem and its fix, for the terminal. */
export function renderError(error: KinkoError, locale: Locale): string {
  const lines = [
    t('cli.error.prefix', { code: error.code }, locale) + renderProblem(error.summary, locale),
  ];
  for (const problem of error.problems) {
    lines.push(`  - ${renderProblem(problem, locale)}`);
    const fix = renderFix(problem, locale);
    if (fix !== undefined) lines.push(`    ${t('cli.error.fix', {}, locale)}${fix}`);
  }
  if (error.problems.length === 0) {
    const fix = renderFix(error.summary, locale);
    if (fix !== undefined) lines.push(`  ${t('cli.error.fix', {}, locale)}${fix}`);
  }
  return lines.join('\n');
}
