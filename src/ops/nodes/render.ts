/** Text rendering of the node freshness report and of `kinko nodes pin`, in the user's language. */
import { renderProblem, type Problem } from '../../errors.js';
import { t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import type { FreshnessEntry, FreshnessReport } from './freshness.js';
import type { PinChange } from './pin.js';

export function renderFreshness(report: FreshnessReport, locale: Locale): string {
  const lines = [
    t(
      'nodes.report.header',
      { cluster: report.cluster, region: report.region, max: report.maxDaysBehind },
      locale,
    ),
  ];
  for (const entry of report.entries) lines.push(renderEntry(entry, locale));
  lines.push(
    t('nodes.report.summary', { total: report.entries.length, failed: report.failed }, locale),
  );
  return `${lines.join('\n')}\n`;
}

/**
 * Converts the report to the object that `-o json` prints. Every entry has every field that
 * docs/nodes.md lists, with null where the value is unknown, so scripts need no presence checks.
 */
export function freshnessJson(report: FreshnessReport): unknown {
  return {
    cluster: report.cluster,
    region: report.region,
    maxDaysBehind: report.maxDaysBehind,
    failed: report.failed,
    entries: report.entries.map((entry) => ({
      kind: entry.kind,
      name: entry.name,
      nodegroup: entry.nodegroup ?? null,
      kubernetesVersion: entry.kubernetesVersion ?? null,
      amiType: entry.amiType ?? null,
      imageId: entry.imageId ?? null,
      status: entry.status,
      passed: entry.passed,
      current: entry.current ?? null,
      latest: entry.latest ?? null,
      latestParameter: entry.latestParameter ?? null,
      daysBehind: entry.daysBehind ?? null,
      reason: entry.reason ?? null,
    })),
  };
}

/**
 * Builds the error that ends a report with failed entries. Lagging entries get the pin-and-roll fix.
 * Unknown entries point at the cause on their lines, because pin fails on the same lookups.
 */
export function failedProblems(report: FreshnessReport): {
  summary: Problem;
  problems: Problem[];
} {
  const failed = report.entries.filter((entry) => !entry.passed);
  const unknownCount = failed.filter((entry) => entry.status === 'unknown').length;
  const laggingCount = failed.length - unknownCount;
  const summary: Problem = {
    messageId: 'nodes.failed',
    params: { count: report.failed, max: report.maxDaysBehind },
    ...(laggingCount === 0 ? { fixId: 'nodes.failed.unknown.fix' } : {}),
  };
  if (laggingCount === 0 || unknownCount === 0) return { summary, problems: [] };
  return {
    summary,
    problems: [
      { messageId: 'nodes.failed.lagging', params: { count: laggingCount } },
      { messageId: 'nodes.failed.unknownToo', params: { count: unknownCount } },
    ],
  };
}

function renderEntry(entry: FreshnessEntry, locale: Locale): string {
  const subject = t(
    entry.kind === 'nodegroup' ? 'nodes.kind.nodegroup' : 'nodes.kind.node',
    { name: entry.name },
    locale,
  );
  if (entry.status === 'unknown') {
    const reason = entry.reason !== undefined ? renderProblem(entry.reason, locale) : '-';
    return t('nodes.report.unknown', { subject, reason }, locale);
  }
  const params = {
    subject,
    current: entry.current ?? '-',
    latest: entry.latest ?? '-',
    days: entry.daysBehind ?? 0,
  };
  if (entry.status === 'current') return t('nodes.report.current', params, locale);
  return t(entry.passed ? 'nodes.report.laggingAllowed' : 'nodes.report.lagging', params, locale);
}

/** Lists each pinned release as old → new, then where the record went (or would go, on a dry run). */
export function renderPinChanges(
  changes: readonly PinChange[],
  file: string,
  dryRun: boolean,
  locale: Locale,
): string {
  const lines = changes.map((change) =>
    t(
      change.previous === undefined
        ? 'nodes.pin.added'
        : change.previous === change.release.releaseVersion
          ? 'nodes.pin.unchanged'
          : 'nodes.pin.changed',
      {
        region: change.release.region,
        version: change.release.kubernetesVersion,
        amiType: change.release.amiType,
        old: change.previous ?? '-',
        new: change.release.releaseVersion,
      },
      locale,
    ),
  );
  lines.push(
    t(
      dryRun ? 'nodes.pin.notWritten' : 'nodes.pin.written',
      { file, count: changes.length },
      locale,
    ),
  );
  return `${lines.join('\n')}\n`;
}
