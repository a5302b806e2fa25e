/**
 * SARIF 2.1.0 output for GitHub code scanning: one reporting descriptor per rule, one result per
 * finding, suppressed findings as results with an in-source suppression and its justification,
 * and input problems as tool execution notifications.
 */
import { sep } from 'node:path';

import type { Severity } from '../rule.js';
import type { CheckReport, ReportLocation } from './report.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVELS: Readonly<Record<Severity, string>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** A relative URI reference for a file path, each segment percent-encoded. */
function fileUri(file: string): string {
  return file.split(sep).map(encodeURIComponent).join('/');
}

function physicalLocation(location: ReportLocation | undefined) {
  if (location === undefined) return [];
  const region =
    location.line > 0 ? { region: { startLine: location.line, startColumn: location.column } } : {};
  return [{ physicalLocation: { artifactLocation: { uri: fileUri(location.file) }, ...region } }];
}

export function formatSarif(report: CheckReport, version: string): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const results = [
    ...report.findings.map((finding) => ({
      ruleId: finding.rule,
      ruleIndex: ruleIndex.get(finding.rule) ?? -1,
      level: LEVELS[finding.severity],
      message: { text: `${finding.object.display}: ${finding.message}` },
      locations: physicalLocation(finding.location),
    })),
    ...report.suppressed.map((entry) => {
      const rule = report.rules[ruleIndex.get(entry.rule) ?? -1];
      return {
        ruleId: entry.rule,
        ruleIndex: ruleIndex.get(entry.rule) ?? -1,
        level: LEVELS[rule?.severity ?? 'error'],
        message: { text: `${entry.object.display}: ${rule?.title ?? entry.rule}` },
        locations: physicalLocation(entry.location),
        suppressions: [{ kind: 'inSource', justification: entry.reason }],
      };
    }),
  ];

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kinko',
            version,
            rules: report.rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.title },
              help: { text: rule.fix },
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { practice: rule.practice, tags: [rule.practice] },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: report.problems.length === 0,
            toolExecutionNotifications: report.problems.map((problem) => ({
              level: 'error',
              message: { text: problem.message },
              locations: physicalLocation(problem.location),
            })),
          },
        ],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
