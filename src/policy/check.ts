/**
 * The check operation behind `kinko check`: read the inputs, evaluate every rule over them as
 * one set, and build the report. The CLI only parses options and prints.
 */
import type { Locale } from '../i18n/locale.js';
import { evaluateDockerfiles } from './dockerfile/evaluate.js';
import { readDockerfileInputs } from './dockerfile/read.js';
import { evaluate } from './engine.js';
import { readManifestInputs } from './input/read.js';
import { createKinkoRegistry } from './pack.js';
import type { RuleRegistry } from './registry.js';
import { buildReport, type CheckReport } from './report/report.js';
import { severityRank, type Severity } from './rule.js';
import type { PolicySettings } from './settings.js';

export interface CheckOptions {
  readonly paths: readonly string[];
  /** Files read as Dockerfiles whatever their names (`--dockerfile`). */
  readonly dockerfiles?: readonly string[];
  readonly settings: PolicySettings;
  readonly locale: Locale;
  readonly registry?: RuleRegistry;
  readonly readStdin?: () => string;
}

export function runCheck(options: CheckOptions): CheckReport {
  const registry = options.registry ?? createKinkoRegistry();
  const input = readManifestInputs(options.paths, options.readStdin);
  const manifests = evaluate(input.resources, registry, options.settings);
  const dockerInput = readDockerfileInputs(options.paths, options.dockerfiles ?? []);
  const images = evaluateDockerfiles(dockerInput.resources, registry, options.settings);
  const evaluation = {
    findings: [...manifests.findings, ...images.findings],
    suppressed: [...manifests.suppressed, ...images.suppressed],
  };
  const all = {
    files: [...input.files, ...dockerInput.files],
    resources: [...input.resources, ...dockerInput.resources],
    problems: [...input.problems, ...dockerInput.problems],
  };
  return buildReport(evaluation, all, registry, options.locale);
}

/** Findings at or above `failOn`: error counts errors; info counts every finding. */
export function countFailing(report: CheckReport, failOn: Severity): number {
  return report.findings.filter((finding) => severityRank(finding.severity) >= severityRank(failOn))
    .length;
}

/** Exit codes of `kinko check`. */
export const CHECK_EXIT = { clean: 0, findings: 1, input: 2 } as const;

/** 2 when any input could not be read or parsed, else 1 when a finding reaches `failOn`, else 0. */
export function checkExitCode(report: CheckReport, failOn: Severity): number {
  if (report.problems.length > 0) return CHECK_EXIT.input;
  return countFailing(report, failOn) > 0 ? CHECK_EXIT.findings : CHECK_EXIT.clean;
}
