/**
 * SARIF 2.1.0 output of `kinko images` for GitHub code scanning. Two rules: a finding that blocks
 * the image, and an image that failed closed. Each result points at the manifest line of the
 * image's first use. A finding that an exception accepts is a result with an external
 * suppression, whose justification is the exception's reason.
 */
import { sep } from 'node:path';

import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import type { ReportLocation } from '../../policy/report/report.js';
import type { ImageResult } from '../evaluate.js';
import type { ImageGateResult } from '../gate.js';
import { closedText, problemsOf } from './render.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const VULNERABILITY_RULE = 'image-vulnerability';
export const NOT_SCANNED_RULE = 'image-not-scanned';
const PRACTICE = 'S3';

function fileUri(file: string): string {
  return file.split(sep).map(encodeURIComponent).join('/');
}

function locations(location: ReportLocation | undefined) {
  if (location === undefined) return [];
  const region =
    location.line > 0 ? { region: { startLine: location.line, startColumn: location.column } } : {};
  return [{ physicalLocation: { artifactLocation: { uri: fileUri(location.file) }, ...region } }];
}

interface SarifResult {
  readonly ruleId: string;
  readonly ruleIndex: number;
  readonly level: string;
  readonly message: { readonly text: string };
  readonly locations: readonly unknown[];
  readonly properties: Readonly<Record<string, unknown>>;
  readonly suppressions?: readonly unknown[];
}

function imageResults(image: ImageResult, locale: Locale): SarifResult[] {
  const where = locations(image.uses[0]?.location);
  const name = image.digest !== undefined ? `${image.image} (${image.digest})` : image.image;
  const properties = { image: image.image, digest: image.digest ?? null };

  const closed = closedText(image, locale);
  if (closed !== undefined) {
    return [
      {
        ruleId: NOT_SCANNED_RULE,
        ruleIndex: 1,
        level: 'error',
        message: { text: `${name}: ${closed.message}` },
        locations: where,
        properties: {
          ...properties,
          reason: image.closed?.reason,
          scanStatus: image.scanStatus ?? null,
        },
      },
    ];
  }
  return [
    ...image.blocking.map((finding) => ({
      ruleId: VULNERABILITY_RULE,
      ruleIndex: 0,
      level: 'error',
      message: { text: `${name}: ${finding.id} (${finding.severity})` },
      locations: where,
      properties: { ...properties, finding: finding.id, severity: finding.severity },
    })),
    ...image.exceptionsApplied.map((use) => ({
      ruleId: VULNERABILITY_RULE,
      ruleIndex: 0,
      level: 'error',
      message: { text: `${name}: ${use.finding} (${use.severity})` },
      locations: where,
      properties: {
        ...properties,
        finding: use.finding,
        severity: use.severity,
        expires: use.expires,
      },
      suppressions: [{ kind: 'external', status: 'accepted', justification: use.reason }],
    })),
  ];
}

export function formatImagesSarif(
  result: ImageGateResult,
  locale: Locale,
  version: string,
): string {
  const rule = (id: string, titleId: string, fixId: string) => ({
    id,
    name: id,
    shortDescription: { text: t(titleId, {}, locale) },
    help: { text: t(fixId, {}, locale) },
    defaultConfiguration: { level: 'error' },
    properties: { practice: PRACTICE, tags: [PRACTICE] },
  });
  const problems = problemsOf(result, locale);

  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kinko',
            version,
            rules: [
              rule(
                VULNERABILITY_RULE,
                'images.rule.vulnerability.title',
                'images.rule.vulnerability.fix',
              ),
              rule(
                NOT_SCANNED_RULE,
                'images.rule.notScanned.title',
                'images.closed.scan-status.fix',
              ),
            ],
          },
        },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: problems.map((problem) => ({
              level: 'error',
              message: { text: problem.message },
              locations: locations(problem.location),
            })),
          },
        ],
        results: result.images.flatMap((image) => imageResults(image, locale)),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
