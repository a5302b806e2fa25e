/**
 * The controls report (controls.md, controls.ja.md): for each practice S1–S12 and R1–R6, the
 * CloudFormation resources and Kubernetes manifests that implement it, then every exception and
 * every suppressed cdk-nag finding in force with its reason. Reviewers and auditors read it.
 */
import { t } from '../i18n/catalog.js';
import type { Locale } from '../i18n/locale.js';
import type { ResolvedException } from '../model/platform.js';
import { PRACTICES, type PracticeId } from '../model/practices.js';

export interface LocalizedText {
  readonly en: string;
  readonly ja: string;
}

export interface CloudFormationImplementation {
  readonly practice: PracticeId;
  readonly stack: string;
  readonly logicalId: string;
  readonly type: string;
  readonly summary: LocalizedText;
}

export interface ManifestImplementation {
  readonly practice: PracticeId;
  /** File path relative to the output folder, for example k8s/kinko-demo-main/a/00-namespace.yaml. */
  readonly file: string;
  readonly kind: string;
  readonly name: string;
  readonly summary: LocalizedText;
}

export interface NagSuppression {
  readonly ruleId: string;
  readonly stack: string;
  readonly logicalId: string;
  readonly reason: string;
}

export interface ControlsReportInput {
  readonly platform: string;
  readonly cloudFormation: readonly CloudFormationImplementation[];
  readonly manifests: readonly ManifestImplementation[];
  readonly exceptions: readonly ResolvedException[];
  readonly suppressions: readonly NagSuppression[];
  /** Known gaps per practice, printed under it. */
  readonly gaps?: readonly { readonly practice: PracticeId; readonly text: LocalizedText }[];
}

/** Markdown table cells must not break the row. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export function renderControlsReport(input: ControlsReportInput, locale: Locale): string {
  const lines: string[] = [];
  const implemented = PRACTICES.filter(
    (practice) =>
      input.cloudFormation.some((entry) => entry.practice === practice.id) ||
      input.manifests.some((entry) => entry.practice === practice.id),
  ).length;

  lines.push(t('report.controls.title', { platform: input.platform }, locale), '');
  lines.push(t('report.controls.intro', {}, locale), '');
  lines.push(
    t(
      'report.controls.summary',
      { implemented, total: PRACTICES.length, missing: PRACTICES.length - implemented },
      locale,
    ),
    '',
  );

  for (const practice of PRACTICES) {
    lines.push(`## ${practice.id} ${practice.title[locale]}`, '');
    const resources = input.cloudFormation.filter((entry) => entry.practice === practice.id);
    const manifests = input.manifests.filter((entry) => entry.practice === practice.id);
    for (const gap of (input.gaps ?? []).filter((entry) => entry.practice === practice.id)) {
      lines.push(`${t('report.controls.gap', {}, locale)}${gap.text[locale]}`, '');
    }

    if (resources.length === 0 && manifests.length === 0) {
      lines.push(t('report.controls.notImplemented', {}, locale), '');
      continue;
    }
    if (resources.length > 0) {
      lines.push(`${t('report.controls.cloudformation', {}, locale)}:`, '');
      for (const entry of resources) {
        lines.push(
          `- \`${entry.stack}\` / \`${entry.logicalId}\` / \`${entry.type}\`: ${entry.summary[locale]}`,
        );
      }
      lines.push('');
    }
    if (manifests.length > 0) {
      lines.push(`${t('report.controls.manifests', {}, locale)}:`, '');
      for (const entry of manifests) {
        lines.push(
          `- \`${entry.file}\` / ${entry.kind} / \`${entry.name}\`: ${entry.summary[locale]}`,
        );
      }
      lines.push('');
    }
  }

  lines.push(t('report.controls.exceptions', {}, locale), '');
  if (input.exceptions.length === 0) {
    lines.push(t('report.controls.noExceptions', {}, locale));
  } else {
    for (const exception of input.exceptions) {
      lines.push(t('report.controls.exceptionRow', { ...exception }, locale));
    }
  }
  lines.push('');

  lines.push(t('report.controls.suppressions', {}, locale), '');
  if (input.suppressions.length === 0) {
    lines.push(t('report.controls.noSuppressions', {}, locale));
  } else {
    lines.push(
      t('report.controls.suppressionsIntro', { count: input.suppressions.length }, locale),
      '',
    );
    lines.push(t('report.controls.suppressionHeader', {}, locale), '| --- | --- | --- |');
    for (const group of groupSuppressions(input.suppressions)) {
      const resources = group.resources.join(', ');
      lines.push(`| ${cell(group.ruleId)} | ${cell(group.reason)} | ${cell(resources)} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

interface SuppressionGroup {
  readonly ruleId: string;
  readonly reason: string;
  /** `stack / logicalId` of each resource the suppression covers. */
  readonly resources: string[];
}

/** One row per rule and reason, so a stock suppression on many resources does not hide the rest. */
function groupSuppressions(suppressions: readonly NagSuppression[]): SuppressionGroup[] {
  const groups = new Map<string, SuppressionGroup>();
  for (const suppression of suppressions) {
    const key = `${suppression.ruleId}\u0000${suppression.reason}`;
    const group = groups.get(key) ?? {
      ruleId: suppression.ruleId,
      reason: suppression.reason,
      resources: [],
    };
    group.resources.push(`${suppression.stack} / ${suppression.logicalId}`);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Read the cdk-nag suppressions that NagSuppressions wrote into each resource's template
 * metadata (`Metadata.cdk_nag.rules_to_suppress`), so the report shows what the templates say.
 */
export function suppressionsFromTemplate(stack: string, template: unknown): NagSuppression[] {
  const resources =
    (template as { Resources?: Record<string, { Metadata?: unknown }> }).Resources ?? {};
  const suppressions: NagSuppression[] = [];
  for (const [logicalId, resource] of Object.entries(resources)) {
    const rules = (resource.Metadata as { cdk_nag?: { rules_to_suppress?: unknown[] } } | undefined)
      ?.cdk_nag?.rules_to_suppress;
    for (const rule of rules ?? []) {
      const { id, reason } = rule as { id?: unknown; reason?: unknown };
      if (typeof id === 'string') {
        suppressions.push({
          ruleId: id,
          stack,
          logicalId,
          reason: typeof reason === 'string' ? reason : '',
        });
      }
    }
  }
  return suppressions.sort(
    (a, b) =>
      a.stack.localeCompare(b.stack) ||
      a.ruleId.localeCompare(b.ruleId) ||
      a.logicalId.localeCompare(b.logicalId),
  );
}
