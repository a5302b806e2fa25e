/**
 * S6: a Role or ClusterRole names its verbs and resources. A wildcard also grants whatever a
 * later Kubernetes version or CRD adds, which nobody reviewed.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { arrayAt } from '../resource.js';

function isWildcardResource(resource: unknown): boolean {
  return resource === '*' || (typeof resource === 'string' && resource.startsWith('*/'));
}

export const noRbacWildcards: RuleUnit = {
  id: 'no-rbac-wildcards',
  scope: 'object',
  cel: {
    target: { scope: 'object', kinds: ['Role', 'ClusterRole'] },
    expression: () =>
      "!has(object.rules) || object.rules.all(r, !(has(r.verbs) && '*' in r.verbs) &&" +
      " !(has(r.resources) && r.resources.exists(x, x == '*' || x.startsWith('*/'))))",
  },
  check: (resource) => {
    if (resource.kind !== 'Role' && resource.kind !== 'ClusterRole') return NOT_APPLICABLE;
    const violations: Violation[] = [];

    arrayAt(resource.body, 'rules').forEach((rule, index) => {
      if (arrayAt(rule, 'verbs').includes('*')) {
        violations.push({
          params: { rule: index, field: 'verbs' },
          path: ['rules', index, 'verbs'],
        });
      }
      if (arrayAt(rule, 'resources').some(isWildcardResource)) {
        violations.push({
          params: { rule: index, field: 'resources' },
          path: ['rules', index, 'resources'],
        });
      }
    });
    return outcomeOf(violations);
  },
};
