/**
 * Evaluates Dockerfiles: runs every Dockerfile rule of the registry on each file and applies the
 * `# kinko-suppress` comments, which suppress a rule on the instruction right below them. The
 * result has the engine's shape, so the report merges it with the manifest findings.
 */
import type { EvaluationResult, Finding, SuppressedFinding } from '../engine.js';
import { buildObjectIndex } from '../object-index.js';
import { ruleMessageIds, type RuleRegistry } from '../registry.js';
import type { RegisteredRule, RuleContext } from '../rule.js';
import type { KubeResource } from '../resource.js';
import type { PolicySettings } from '../settings.js';
import { dockerfileOf } from './resource.js';
import { isDockerfileRule } from './rule.js';
import { suppressionComments } from './suppression.js';

/** The rule that checks suppression comments. It cannot be suppressed itself. */
export const DOCKERFILE_SUPPRESSION_RULE = 'dockerfile-suppression-reason';

/** A rule that throws or returns an undeclared variant fails closed, as in the engine. */
function runRule(rule: RegisteredRule, resource: KubeResource, context: RuleContext): Finding[] {
  try {
    const outcome = rule.check(resource, context);
    if (outcome.status !== 'non-compliant') return [];
    return outcome.violations.map((violation) => {
      if (violation.variant !== undefined && !(rule.variants ?? []).includes(violation.variant)) {
        throw new Error(`undeclared message variant "${violation.variant}"`);
      }
      return {
        rule,
        resource,
        messageId: ruleMessageIds(rule.id).message(violation.variant),
        params: violation.params,
        path: violation.path,
      };
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        rule,
        resource,
        messageId: 'policy.engine.ruleFailed',
        params: { rule: rule.id, reason },
        path: [],
      },
    ];
  }
}

export function evaluateDockerfiles(
  resources: readonly KubeResource[],
  registry: RuleRegistry,
  settings: PolicySettings,
): EvaluationResult {
  const rules = registry.all().filter(isDockerfileRule);
  const context: RuleContext = { settings, index: buildObjectIndex([]), ruleIds: registry.ids() };
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const resource of resources) {
    const dockerfile = dockerfileOf(resource);
    if (dockerfile === undefined) continue;
    const suppressions = suppressionComments(dockerfile.syntax).filter(
      (suppression) => suppression.reason !== '' && suppression.instruction !== undefined,
    );

    for (const rule of rules) {
      // Group this rule's findings by the suppression that hides them, if any.
      const hidden = new Map<number, number>();
      for (const finding of runRule(rule, resource, context)) {
        const [list, index] = finding.path;
        const suppression =
          rule.id === DOCKERFILE_SUPPRESSION_RULE || list !== 'instructions'
            ? undefined
            : suppressions.find((entry) => entry.ruleId === rule.id && entry.instruction === index);
        if (suppression === undefined) {
          findings.push(finding);
          continue;
        }
        hidden.set(suppression.comment, (hidden.get(suppression.comment) ?? 0) + 1);
      }
      for (const [comment, count] of hidden) {
        const suppression = suppressions.find((entry) => entry.comment === comment);
        suppressed.push({
          rule,
          resource,
          reason: suppression?.reason ?? '',
          count,
          path: ['comments', comment],
        });
      }
    }
  }
  return { findings, suppressed };
}
