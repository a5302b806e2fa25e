/**
 * The verdict on one object at admission: the engine's findings on the object alone, split by
 * severity into the rules that deny the request and the rules that only warn.
 */
import { t } from '../i18n/catalog.js';
import { evaluate } from '../policy/engine.js';
import { EMPTY_INDEX } from '../policy/object-index.js';
import type { RuleRegistry } from '../policy/registry.js';
import type { KubeResource } from '../policy/resource.js';
import type { RuleContext } from '../policy/rule.js';
import type { PolicySettings } from '../policy/settings.js';

export interface RuleMessage {
  readonly rule: string;
  /** The catalogue's English text; the apiserver returns it to the client that sent the request. */
  readonly message: string;
}

export interface ObjectVerdict {
  /** Findings of error severity: any one denies the request. */
  readonly denials: readonly RuleMessage[];
  /** Findings of warning and info severity: returned as admission warnings. */
  readonly warnings: readonly RuleMessage[];
  /** Rules whose findings a suppression annotation hid. */
  readonly suppressed: readonly string[];
  /** False when no admission rule applies to the object's kind. */
  readonly checked: boolean;
}

/** Evaluate `resource` alone with the admission rules of `registry`. */
export function judgeObject(
  resource: KubeResource,
  registry: RuleRegistry,
  settings: PolicySettings,
): ObjectVerdict {
  const result = evaluate([resource], registry, settings);
  const denials: RuleMessage[] = [];
  const warnings: RuleMessage[] = [];
  for (const finding of result.findings) {
    const entry = { rule: finding.rule.id, message: t(finding.messageId, finding.params, 'en') };
    if (finding.rule.severity === 'error') denials.push(entry);
    else warnings.push(entry);
  }
  return {
    denials,
    warnings,
    suppressed: [...new Set(result.suppressed.map((entry) => entry.rule.id))],
    checked: result.findings.length > 0 || appliesToAny(resource, registry, settings),
  };
}

/** Whether any rule returns something other than not-applicable for the object. */
function appliesToAny(
  resource: KubeResource,
  registry: RuleRegistry,
  settings: PolicySettings,
): boolean {
  const context: RuleContext = { settings, index: EMPTY_INDEX, ruleIds: registry.ids() };
  return registry.all().some((rule) => {
    try {
      return rule.check(resource, context).status !== 'not-applicable';
    } catch {
      return true;
    }
  });
}
