/**
 * A check's result rendered in one language, the input of every output format. Findings keep
 * their file, line, object, rule, severity, practice, message and fix.
 */
import { hasMessage, t } from '../../i18n/catalog.js';
import type { Locale } from '../../i18n/locale.js';
import type { EvaluationResult } from '../engine.js';
import type { InputProblem } from '../input/parse.js';
import { ruleMessageIds, type RuleRegistry } from '../registry.js';
import type { FieldPath, RegisteredRule, Severity } from '../rule.js';
import { describeResource, type KubeResource } from '../resource.js';

export interface ReportLocation {
  readonly file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  readonly line: number;
  readonly column: number;
}

export interface ReportObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  /** `Kind namespace/name`. */
  readonly display: string;
}

export interface ReportRule {
  readonly id: string;
  readonly severity: Severity;
  readonly practice: string;
  readonly title: string;
  readonly fix: string;
}

export interface ReportFinding {
  readonly rule: string;
  readonly severity: Severity;
  readonly practice: string;
  readonly object: ReportObject;
  readonly location?: ReportLocation;
  readonly message: string;
  readonly fix: string;
}

export interface ReportSuppression {
  readonly rule: string;
  readonly object: ReportObject;
  readonly location?: ReportLocation;
  readonly reason: string;
  readonly count: number;
}

export interface ReportProblem {
  readonly location: ReportLocation;
  readonly message: string;
  readonly fix: string;
}

export interface CheckReport {
  readonly locale: Locale;
  readonly files: number;
  readonly objects: number;
  readonly rules: readonly ReportRule[];
  readonly findings: readonly ReportFinding[];
  readonly suppressed: readonly ReportSuppression[];
  readonly problems: readonly ReportProblem[];
}

function objectOf(resource: KubeResource): ReportObject {
  return {
    apiVersion: resource.apiVersion,
    kind: resource.kind,
    ...(resource.namespace !== undefined ? { namespace: resource.namespace } : {}),
    name: resource.name,
    display: describeResource(resource),
  };
}

function locationOf(resource: KubeResource, path: FieldPath): ReportLocation | undefined {
  if (resource.source === undefined) return undefined;
  const position = resource.source.locate(path);
  return { file: resource.source.file, line: position.line, column: position.column };
}

function ruleOf(rule: RegisteredRule, locale: Locale): ReportRule {
  const ids = ruleMessageIds(rule.id);
  return {
    id: rule.id,
    severity: rule.severity,
    practice: rule.practice,
    title: t(ids.title, {}, locale),
    fix: t(ids.fix, {}, locale),
  };
}

function compareLocations(a?: ReportLocation, b?: ReportLocation): number {
  const fileA = a?.file ?? '';
  const fileB = b?.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  return (a?.line ?? 0) - (b?.line ?? 0) || (a?.column ?? 0) - (b?.column ?? 0);
}

export function buildReport(
  evaluation: EvaluationResult,
  input: {
    readonly files: readonly string[];
    readonly resources: readonly KubeResource[];
    readonly problems: readonly InputProblem[];
  },
  registry: RuleRegistry,
  locale: Locale,
): CheckReport {
  const rules = registry.all().map((rule) => ruleOf(rule, locale));
  const fixes = new Map(rules.map((rule) => [rule.id, rule.fix]));

  const findings = evaluation.findings
    .map((finding): ReportFinding => {
      const location = locationOf(finding.resource, finding.path);
      return {
        rule: finding.rule.id,
        severity: finding.rule.severity,
        practice: finding.rule.practice,
        object: objectOf(finding.resource),
        ...(location !== undefined ? { location } : {}),
        message: t(finding.messageId, finding.params, locale),
        // A message variant with its own fix text (`<messageId>.fix`) replaces the rule's fix.
        fix: hasMessage(`${finding.messageId}.fix`)
          ? t(`${finding.messageId}.fix`, finding.params, locale)
          : (fixes.get(finding.rule.id) ?? ''),
      };
    })
    .sort(
      (a, b) =>
        compareLocations(a.location, b.location) ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
    );

  const suppressed = evaluation.suppressed.map((entry): ReportSuppression => {
    const location = locationOf(entry.resource, entry.path);
    return {
      rule: entry.rule.id,
      object: objectOf(entry.resource),
      ...(location !== undefined ? { location } : {}),
      reason: entry.reason,
      count: entry.count,
    };
  });

  const problems = input.problems.map((problem): ReportProblem => ({
    location: { file: problem.file, line: problem.line, column: problem.column },
    message: t(problem.messageId, problem.params, locale),
    // A problem with its own fix text (a missing or unreadable path) has no line to correct.
    fix: t(
      hasMessage(`${problem.messageId}.fix`) ? `${problem.messageId}.fix` : 'check.input.fix',
      problem.params,
      locale,
    ),
  }));

  return {
    locale,
    files: input.files.length,
    objects: input.resources.length,
    rules,
    findings,
    suppressed,
    problems,
  };
}

/** `file:line:column`, or `file` alone for a problem with the whole file. */
export function formatLocation(location: ReportLocation | undefined): string {
  if (location === undefined) return '';
  return location.line > 0 ? `${location.file}:${location.line}:${location.column}` : location.file;
}
