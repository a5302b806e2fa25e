/** Text output of `kinko images` for a terminal or a CI log: one block per image, then a summary. */
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import { formatLocation } from '../../policy/report/report.js';
import type { ImageResult } from '../evaluate.js';
import type { ImageGateResult } from '../gate.js';
import {
  closedText,
  countVerdicts,
  formatCounts,
  formatUseLocation,
  problemsOf,
} from './render.js';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

function imageLines(
  image: ImageResult,
  locale: Locale,
  paint: (code: string, text: string) => string,
): string[] {
  const verdict = t(`images.verdict.${image.verdict}`, {}, locale);
  const lines = [`${paint(image.verdict === 'pass' ? GREEN : RED, verdict)} ${image.image}`];
  const indent = '    ';

  if (image.digest !== undefined || image.scanStatus !== undefined) {
    lines.push(
      indent +
        t(
          'images.line.scan',
          { digest: image.digest ?? '-', status: image.scanStatus ?? '-' },
          locale,
        ),
    );
  }
  const closed = closedText(image, locale);
  if (closed !== undefined) {
    lines.push(`${indent}${closed.message}`);
    lines.push(paint(DIM, `${indent}${t('check.fixLabel', {}, locale)}: ${closed.fix}`));
  } else {
    lines.push(indent + t('images.line.counts', { counts: formatCounts(image.counts) }, locale));
  }

  for (const finding of image.blocking) {
    const packageText =
      [finding.packageName, finding.packageVersion].filter(Boolean).join(' ') || '-';
    lines.push(
      indent +
        t(
          'images.line.blocking',
          { finding: finding.id, severity: finding.severity, package: packageText },
          locale,
        ),
    );
  }
  for (const use of image.exceptionsApplied) {
    lines.push(indent + t('images.line.excepted', { ...use }, locale));
  }
  for (const use of image.exceptionsExpired) {
    lines.push(indent + t('images.line.expired', { ...use }, locale));
  }
  for (const use of image.uses) {
    lines.push(
      paint(
        DIM,
        indent +
          t(
            'images.line.usedBy',
            {
              object: use.object,
              container: use.container,
              location: formatUseLocation(use.location),
            },
            locale,
          ),
      ),
    );
  }
  return lines;
}

export function formatImagesText(
  result: ImageGateResult,
  locale: Locale,
  options: { colour: boolean },
): string {
  const paint = (code: string, text: string): string =>
    options.colour ? `${code}${text}${RESET}` : text;
  const lines: string[] = [];

  for (const problem of problemsOf(result, locale)) {
    lines.push(
      `${formatLocation(problem.location)}: ${paint(RED, t('check.severity.error', {}, locale))} ${problem.message}`,
    );
  }
  for (const image of result.images) lines.push(...imageLines(image, locale, paint));
  for (const exception of result.unusedExceptions) {
    lines.push(
      t(
        exception.repository === undefined
          ? 'images.line.unusedException.everyRepository'
          : 'images.line.unusedException',
        {
          finding: exception.finding,
          repository: exception.repository ?? '*',
          expires: exception.expires,
          failOn: result.failOn,
        },
        locale,
      ),
    );
  }

  const { passed, failed } = countVerdicts(result);
  lines.push(
    t(
      'images.summary',
      {
        images: result.images.length,
        objects: result.objects,
        files: result.files,
        passed,
        failed,
        failOn: result.failOn,
        problems: result.problems.length,
      },
      locale,
    ),
  );
  return `${lines.join('\n')}\n`;
}
