/** JSON output: the whole report, stable keys, for scripts. */
import type { CheckReport } from './report.js';

export function formatJson(report: CheckReport): string {
  const { locale, files, objects, findings, suppressed, problems } = report;
  return `${JSON.stringify({ locale, files, objects, findings, suppressed, problems }, null, 2)}\n`;
}
