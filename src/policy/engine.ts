/**
 * The policy engine: runs every registered rule on every object, applies suppressions, and
 * returns findings as catalogue ids and parameters, so CLI reporters and a webhook render them in
 * the user's language.
 */
import type { MessageParams } from '../i18n/catalog.js';
import { buildObjectIndex } from './object-index.js';
import { ruleMessageIds, type RuleRegistry } from './registry.js';
import type { FieldPath, RegisteredRule, RuleContext } from './rule.js';
import type { KubeResource } from './resource.js';
import type { PolicySettings } from './settings.js';
import { suppressionsOf } from './suppression.js';

/** The rule that checks suppressions; it cannot be suppressed itself. */
const SUPPRESSION_RULE = 'suppression-reason';

export interface Finding {
  readonly rule: RegisteredRule;
  readonly resource: KubeResource;
  readonly messageId: string;
  readonly params: MessageParams;
  readonly path: FieldPath;
}

export interface SuppressedFinding {
  readonly rule: RegisteredRule;
  readonly resource: KubeResource;
  readonly reason: string;
  /** Violations the suppression hid. */
  readonly count: number;
  readonly path: FieldPath;
}

export interface EvaluationResult {
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
}

/** Evaluate `resources` as one set: cross-resource rules see all of them. */
export function evaluate(
  resources: readonly KubeResource[],
  registry: RuleRegistry,
  settings: PolicySettings,
): EvaluationResult {
  const context: RuleContext = {
    settings,
    index: buildObjectIndex(resources),
    ruleIds: registry.ids(),
  };
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];

  for (const resource of resources) {
    const suppressions = new Map(
      suppressionsOf(resource)
        .filter((suppression) => suppression.reason !== '')
        .map((suppression) => [suppression.ruleId, suppression]),
    );

    for (const rule of registry.all()) {
      const found = runRule(rule, resource, context);
      if (found.length === 0) continue;
      const suppression = rule.id === SUPPRESSION_RULE ? undefined : suppressions.get(rule.id);
      if (suppression !== undefined) {
        suppressed.push({
          rule,
          resource,
          reason: suppression.reason,
          count: found.length,
          path: suppression.path,
        });
      } else {
        findings.push(...found);
      }
    }
  }
  return { findings, suppressed };
}

/**
 * Run one rule. A rule that throws, or returns a message variant it did not declare, fails
 * closed: it is reported as a finding of that rule instead of passing the object.
 */
function runRule(rule: RegisteredRule, resource: KubeResource, context: RuleContext): Finding[] {
  const ids = ruleMessageIds(rule.id);
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
        messageId: ids.message(violation.variant),
        params: violation.params,
        path: violation.path,
      };
    });
  } catch (error) {
    return [
      {
        rule,
        resource,
        messageId: 'policy.engine.ruleFailed',
        params: { rule: rule.id, reason: error instanceof Error ? error.message : String(error) },
        path: [],
      },
    ];
  }
}
