import { TACTICS, type Detection } from '../detection.js';
import { isWrite, roleRulesOf, userIsSystemComponent } from '../predicates.js';

const RISKY_VERBS = ['escalate', 'bind', 'impersonate'];
const SHELL_RESOURCES = ['pods/exec', 'pods/attach', 'pods/*'];

/** Name the risks of one PolicyRule: wildcards, shells in pods, and verbs that widen rights. */
function ruleRisks(rule: Record<string, unknown>): string[] {
  const verbs = Array.isArray(rule.verbs) ? rule.verbs.map(String) : [];
  const resources = Array.isArray(rule.resources) ? rule.resources.map(String) : [];
  const risks: string[] = [];
  if (verbs.includes('*')) risks.push('wildcard-verbs');
  if (resources.includes('*')) risks.push('wildcard-resources');
  if (resources.some((resource) => SHELL_RESOURCES.includes(resource))) risks.push('pods-exec');
  for (const verb of RISKY_VERBS) if (verbs.includes(verb)) risks.push(verb);
  return risks;
}

/**
 * A Role or ClusterRole, written by someone other than the control plane, with a wildcard or a
 * right to exec into pods, escalate, bind or impersonate. The control plane is left out because
 * it reconciles the built-in roles (cluster-admin, admin, edit) at every start.
 */
export const roleRiskyRules: Detection = {
  id: 'role-risky-rules',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event) || userIsSystemComponent(event)) return undefined;
    const rules = roleRulesOf(event);
    if (rules === undefined) return undefined;
    const risks = [...new Set(rules.flatMap(ruleRisks))];
    return risks.length > 0 ? { risks: risks.join(',') } : undefined;
  },
};
