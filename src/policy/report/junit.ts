/**
 * JUnit XML output for CI test reports: one test suite per rule, one failing test case per
 * finding, a skipped test case per suppression with its reason, a passing test case for a rule
 * with no finding, and a suite `input` with a failing case per input problem.
 */
import { formatLocation, type CheckReport } from './report.js';

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 allows no control characters but tab, line feed and carriage return.
      // eslint-disable-next-line no-control-regex -- removing control characters is the point.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

const attribute = (text: string | number): string => `"${escapeXml(String(text))}"`;

export function formatJunit(report: CheckReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;

  for (const rule of report.rules) {
    const findings = report.findings.filter((finding) => finding.rule === rule.id);
    const suppressed = report.suppressed.filter((entry) => entry.rule === rule.id);
    const cases: string[] = [];
    for (const finding of findings) {
      const where = formatLocation(finding.location);
      cases.push(
        `    <testcase classname=${attribute(rule.id)} name=${attribute(finding.object.display)} file=${attribute(finding.location?.file ?? '')}>\n` +
          `      <failure type=${attribute(finding.severity)} message=${attribute(finding.message)}>${escapeXml(`${where}\n${finding.message}\n${finding.fix}`)}</failure>\n` +
          '    </testcase>',
      );
    }
    for (const entry of suppressed) {
      cases.push(
        `    <testcase classname=${attribute(rule.id)} name=${attribute(entry.object.display)}>\n` +
          `      <skipped message=${attribute(entry.reason)}/>\n    </testcase>`,
      );
    }
    if (cases.length === 0) {
      cases.push(`    <testcase classname=${attribute(rule.id)} name=${attribute(rule.title)}/>`);
    }
    tests += cases.length;
    failures += findings.length;
    suites.push(
      `  <testsuite name=${attribute(rule.id)} tests=${attribute(cases.length)} failures=${attribute(findings.length)} skipped=${attribute(suppressed.length)}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }

  if (report.problems.length > 0) {
    const cases = report.problems.map(
      (problem) =>
        `    <testcase classname="input" name=${attribute(formatLocation(problem.location))}>\n` +
        `      <failure type="error" message=${attribute(problem.message)}>${escapeXml(problem.fix)}</failure>\n    </testcase>`,
    );
    tests += cases.length;
    failures += cases.length;
    suites.push(
      `  <testsuite name="input" tests=${attribute(cases.length)} failures=${attribute(cases.length)}>\n${cases.join('\n')}\n  </testsuite>`,
    );
  }

  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<testsuites name="kinko check" tests=${attribute(tests)} failures=${attribute(failures)}>\n${suites.join('\n')}\n</testsuites>\n`
  );
}
