/** Text output for a terminal or a CI log: one finding per line with its fix below it. */
import { t } from '../../i18n/catalog.js';
import type { Severity } from '../rule.js';
import { formatLocation, type CheckReport } from './report.js';

const COLOURS: Readonly<Record<Severity | 'dim', string>> = {
  error: '\u001b[31m',
  warning: '\u001b[33m',
  info: '\u001b[36m',
  dim: '\u001b[2m',
};
const RESET = '\u001b[0m';

export function formatText(report: CheckReport, options: { colour: boolean }): string {
  const paint = (style: keyof typeof COLOURS, text: string): string =>
    options.colour ? `${COLOURS[style]}${text}${RESET}` : text;
  const { locale } = report;
  const fixLabel = t('check.fixLabel', {}, locale);
  const lines: string[] = [];

  for (const problem of report.problems) {
    lines.push(
      `${formatLocation(problem.location)}: ${paint('error', t('check.severity.error', {}, locale))} ${problem.message}`,
    );
    lines.push(paint('dim', `    ${fixLabel}: ${problem.fix}`));
  }
  for (const finding of report.findings) {
    const where = finding.location !== undefined ? `${formatLocation(finding.location)}: ` : '';
    const severity = paint(finding.severity, t(`check.severity.${finding.severity}`, {}, locale));
    lines.push(
      `${where}${severity} [${finding.practice} ${finding.rule}] ${finding.object.display}: ${finding.message}`,
    );
    lines.push(paint('dim', `    ${fixLabel}: ${finding.fix}`));
  }
  for (const entry of report.suppressed) {
    const where = entry.location !== undefined ? `${formatLocation(entry.location)}: ` : '';
    lines.push(
      where +
        t(
          'check.suppressed',
          {
            rule: entry.rule,
            object: entry.object.display,
            count: entry.count,
            reason: entry.reason,
          },
          locale,
        ),
    );
  }

  const count = (severity: Severity): number =>
    report.findings.filter((finding) => finding.severity === severity).length;
  lines.push(
    t(
      'check.summary',
      {
        objects: report.objects,
        files: report.files,
        errors: count('error'),
        warnings: count('warning'),
        infos: count('info'),
        suppressed: report.suppressed.length,
        problems: report.problems.length,
      },
      locale,
    ),
  );
  return `${lines.join('\n')}\n`;
}
