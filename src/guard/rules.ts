/**
 * The rules `kinko guard` runs at admission: the object rules of Kinko's pack, with the severity
 * and practice the pack gives them. Set rules read other objects of a set (a PodDisruptionBudget
 * for a Deployment) and Dockerfile rules read no Kubernetes object, so admission leaves both out.
 */
import { isDockerfileRule } from '../policy/dockerfile/rule.js';
import { createKinkoRegistry } from '../policy/pack.js';
import { RuleRegistry } from '../policy/registry.js';
import type { RegisteredRule } from '../policy/rule.js';

export function isAdmissionRule(rule: RegisteredRule): boolean {
  return rule.scope === 'object' && !isDockerfileRule(rule);
}

/**
 * A registry whose `all()` lists only the admission rules while `ids()` keeps every rule of the
 * pack, so a suppression naming a set rule is not reported as naming an unknown rule.
 */
class AdmissionRegistry extends RuleRegistry {
  override all(): readonly RegisteredRule[] {
    return super.all().filter(isAdmissionRule);
  }
}

export function createAdmissionRegistry(pack: RuleRegistry = createKinkoRegistry()): RuleRegistry {
  const registry = new AdmissionRegistry();
  for (const rule of pack.all()) {
    registry.register(rule, { severity: rule.severity, practice: rule.practice });
  }
  return registry;
}
