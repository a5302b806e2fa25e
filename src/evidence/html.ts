/**
 * evidence.html: the evidence pack as one self-contained page. Styles and the platform diagram
 * are inline and nothing is loaded from elsewhere, so the page opens offline and can be archived
 * as one file. Every piece of text is HTML-escaped.
 */
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { EvidencePack, PracticeEvidence, ProvingTest } from './build.js';
import { escapeHtml as e } from './escape.js';
import { catalogueLines, summaryParams } from './markdown.js';

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #0f172a; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.5rem; border-bottom: 1px solid #cbd5e1; } h3 { font-size: 1.05rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.9rem; }
th, td { border: 1px solid #cbd5e1; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f1f5f9; }
.status { display: inline-block; padding: 0.1rem 0.6rem; border-radius: 1rem; font-weight: bold; }
.status-done { background: #dcfce7; color: #166534; }
.status-failing { background: #fee2e2; color: #991b1b; }
.status-unproven { background: #fef9c3; color: #854d0e; }
.outcome-failed { color: #991b1b; font-weight: bold; } .outcome-skipped { color: #854d0e; }
figure { margin: 1rem 0; } figcaption { font-size: 0.85rem; color: #475569; }
nav ul { columns: 2; }
`;

function status(value: string, locale: Locale): string {
  return `<span class="status status-${e(value)}">${e(t(`evidence.status.${value}`, {}, locale))}</span>`;
}

function table(headers: string, rows: readonly (readonly string[])[]): string {
  const head = headers
    .split(' | ')
    .map((name) => `<th>${e(name)}</th>`)
    .join('');
  const body = rows
    .map((row) => `<tr>${row.map((value) => `<td>${value}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

function testsTable(tests: readonly ProvingTest[], locale: Locale): string {
  return table(
    t('evidence.table.tests', {}, locale),
    tests.map((test) => [
      `<span class="outcome-${e(test.outcome)}">${e(t(`evidence.outcome.${test.outcome}`, {}, locale))}</span>`,
      e(test.component ?? ''),
      e(test.title) + (test.message !== undefined ? `<br><small>${e(test.message)}</small>` : ''),
      e(test.suite),
    ]),
  );
}

function practiceSection(entry: PracticeEvidence, locale: Locale): string {
  const parts = [
    `<section class="practice" id="practice-${e(entry.practice.id)}" data-status="${e(entry.status)}">`,
    `<h2>${e(entry.practice.id)} ${e(entry.practice.title[locale])} ${status(entry.status, locale)}</h2>`,
    `<h3>${e(t('evidence.section.implements', {}, locale))}</h3>`,
  ];
  if (entry.resources.length === 0 && entry.manifests.length === 0) {
    parts.push(`<p>${e(t('evidence.none.implementation', {}, locale))}</p>`);
  }
  if (entry.resources.length > 0) {
    parts.push(
      table(
        t('evidence.table.resources', {}, locale),
        entry.resources.map((resource) => [
          `<code>${e(`${resource.stack}/${resource.logicalId}`)}</code>`,
          e(resource.type),
          e(resource.summary[locale]),
        ]),
      ),
    );
  }
  if (entry.manifests.length > 0) {
    parts.push(
      table(
        t('evidence.table.manifests', {}, locale),
        entry.manifests.map((manifest) => [
          `<code>${e(manifest.file)}</code>`,
          e(`${manifest.kind} ${manifest.name}`),
          e(manifest.summary[locale]),
        ]),
      ),
    );
  }
  parts.push(`<h3>${e(t('evidence.section.tests', {}, locale))}</h3>`);
  parts.push(
    entry.tests.length === 0
      ? `<p>${e(t('evidence.none.tests', {}, locale))}</p>`
      : testsTable(entry.tests, locale),
  );
  parts.push(`<h3>${e(t('evidence.section.gaps', {}, locale))}</h3>`);
  parts.push(
    entry.gaps.length === 0
      ? `<p>${e(t('evidence.none.gaps', {}, locale))}</p>`
      : `<ul>${entry.gaps.map((gap) => `<li>${e(gap[locale])}</li>`).join('')}</ul>`,
  );
  parts.push(`<h3>${e(t('evidence.section.catalogues', {}, locale))}</h3>`);
  parts.push(
    `<ul>${catalogueLines(entry, locale)
      .map((line) => `<li>${e(line)}</li>`)
      .join('')}</ul>`,
  );
  parts.push('</section>');
  return parts.join('\n');
}

export function renderEvidenceHtml(pack: EvidencePack, diagramSvg: string, locale: Locale): string {
  const title = t('evidence.title', { platform: pack.platform }, locale);
  const nav = pack.practices
    .map(
      (entry) =>
        `<li><a href="#practice-${e(entry.practice.id)}">${e(entry.practice.id)} ${e(entry.practice.title[locale])}</a> ${status(entry.status, locale)}</li>`,
    )
    .join('\n');
  const own = pack.ownControls
    .map(
      (entry) =>
        `<section class="own-control" id="own-${e(entry.control)}"><h3>${e(entry.control)} ${status(entry.status, locale)}</h3>\n${testsTable(entry.tests, locale)}</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${e(title)}</h1>
<p>${e(t('evidence.intro', {}, locale))}</p>
<p id="summary"><strong>${e(t('evidence.summary', summaryParams(pack), locale))}</strong></p>
<p>${e(t('evidence.totals', { ...pack.totals }, locale))}</p>
<p>${e(t('evidence.legend', {}, locale))}</p>
<h2>${e(t('evidence.section.diagram', {}, locale))}</h2>
<figure>
${diagramSvg}
<figcaption>${e(t('evidence.diagram.caption', {}, locale))}</figcaption>
</figure>
<h2>${e(t('evidence.section.practices', {}, locale))}</h2>
<nav><ul>
${nav}
</ul></nav>
${pack.practices.map((entry) => practiceSection(entry, locale)).join('\n')}
<h2>${e(t('evidence.section.own', {}, locale))}</h2>
<p>${e(t('evidence.section.own.intro', {}, locale))}</p>
${own}
</body>
</html>
`;
}
