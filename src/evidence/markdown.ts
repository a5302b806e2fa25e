/** evidence.md and evidence.ja.md: the evidence pack as Markdown, one section per practice. */
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { EvidencePack, OwnControlEvidence, PracticeEvidence, ProvingTest } from './build.js';

/** Markdown table cells must not break the row. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function header(columns: string): string[] {
  const names = columns.split(' | ');
  return [`| ${names.join(' | ')} |`, `|${names.map(() => ' --- |').join('')}`];
}

function testRows(tests: readonly ProvingTest[], locale: Locale): string[] {
  return [
    ...header(t('evidence.table.tests', {}, locale)),
    ...tests.map(
      (test) =>
        `| ${t(`evidence.outcome.${test.outcome}`, {}, locale)} | ${cell(test.component ?? '')} | ${cell(test.title)}${test.message !== undefined ? ` (${cell(test.message)})` : ''} | ${cell(test.suite)} |`,
    ),
  ];
}

/** Render the catalogue lines of a practice, which the HTML page shows too. */
export function catalogueLines(entry: PracticeEvidence, locale: Locale): string[] {
  const unknown = t('evidence.catalogue.unknown', {}, locale);
  const items = (list: PracticeEvidence['cis']) =>
    list.length === 0
      ? unknown
      : list.map((item) => t('evidence.catalogue.item', { ...item }, locale)).join('; ');
  const nist =
    entry.nist === undefined
      ? t('evidence.catalogue.nist.unreadable', {}, locale)
      : entry.nist.length === 0
        ? t('evidence.catalogue.nist.none', {}, locale)
        : t(
            'evidence.catalogue.nist',
            { rules: entry.nistRules.join(', '), controls: entry.nist.join(', ') },
            locale,
          );
  return [
    nist,
    t('evidence.catalogue.cis', { items: items(entry.cis) }, locale),
    t('evidence.catalogue.fisc', { items: items(entry.fisc) }, locale),
  ];
}

function practiceSection(entry: PracticeEvidence, locale: Locale): string[] {
  const lines = [`## ${entry.practice.id} ${entry.practice.title[locale]}`, ''];
  lines.push(
    t('evidence.status.line', { status: t(`evidence.status.${entry.status}`, {}, locale) }, locale),
    '',
  );

  lines.push(`### ${t('evidence.section.implements', {}, locale)}`, '');
  if (entry.resources.length === 0 && entry.manifests.length === 0) {
    lines.push(t('evidence.none.implementation', {}, locale), '');
  }
  if (entry.resources.length > 0) {
    lines.push(...header(t('evidence.table.resources', {}, locale)));
    for (const resource of entry.resources) {
      lines.push(
        `| ${cell(`${resource.stack}/${resource.logicalId}`)} | ${cell(resource.type)} | ${cell(resource.summary[locale])} |`,
      );
    }
    lines.push('');
  }
  if (entry.manifests.length > 0) {
    lines.push(...header(t('evidence.table.manifests', {}, locale)));
    for (const manifest of entry.manifests) {
      lines.push(
        `| ${cell(manifest.file)} | ${cell(`${manifest.kind} ${manifest.name}`)} | ${cell(manifest.summary[locale])} |`,
      );
    }
    lines.push('');
  }

  lines.push(`### ${t('evidence.section.tests', {}, locale)}`, '');
  if (entry.tests.length === 0) lines.push(t('evidence.none.tests', {}, locale), '');
  else lines.push(...testRows(entry.tests, locale), '');

  lines.push(`### ${t('evidence.section.gaps', {}, locale)}`, '');
  if (entry.gaps.length === 0) lines.push(t('evidence.none.gaps', {}, locale), '');
  for (const gap of entry.gaps) lines.push(`- ${gap[locale]}`);
  if (entry.gaps.length > 0) lines.push('');

  lines.push(`### ${t('evidence.section.catalogues', {}, locale)}`, '');
  lines.push(...catalogueLines(entry, locale).map((line) => `- ${line}`), '');
  return lines;
}

function ownSection(entry: OwnControlEvidence, locale: Locale): string[] {
  return [
    `### ${entry.control}`,
    '',
    t('evidence.status.line', { status: t(`evidence.status.${entry.status}`, {}, locale) }, locale),
    '',
    ...testRows(entry.tests, locale),
    '',
  ];
}

export function summaryParams(pack: EvidencePack) {
  const count = (status: string) => pack.practices.filter((p) => p.status === status).length;
  return {
    done: count('done'),
    failing: count('failing'),
    unproven: count('unproven'),
    total: pack.practices.length,
  };
}

export function renderEvidenceMarkdown(pack: EvidencePack, locale: Locale): string {
  const lines = [`# ${t('evidence.title', { platform: pack.platform }, locale)}`, ''];
  lines.push(t('evidence.intro', {}, locale), '');
  lines.push(t('evidence.summary', summaryParams(pack), locale), '');
  lines.push(t('evidence.totals', { ...pack.totals }, locale), '');
  lines.push(t('evidence.legend', {}, locale), '');
  for (const entry of pack.practices) lines.push(...practiceSection(entry, locale));
  lines.push(`## ${t('evidence.section.own', {}, locale)}`, '');
  lines.push(t('evidence.section.own.intro', {}, locale), '');
  for (const entry of pack.ownControls) lines.push(...ownSection(entry, locale));
  return `${lines.join('\n').trimEnd()}\n`;
}
