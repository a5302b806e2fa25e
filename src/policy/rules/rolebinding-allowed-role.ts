/**
 * S6: a RoleBinding grants a namespaced Role, or a ClusterRole on the allowed list (by default
 * only `view`). Binding `admin` or `edit` in a namespace grants reading its Secrets, and any
 * other ClusterRole grants what a platform team did not review for that namespace.
 */
import { COMPLIANT, NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { recordAt, stringAt } from '../resource.js';
import { celString, celStringList } from '../cel/rule.js';

export const rolebindingAllowedRole: RuleUnit = {
  id: 'rolebinding-allowed-role',
  scope: 'object',
  cel: {
    target: { scope: 'object', kinds: ['RoleBinding'] },
    expression: ({ settings }) =>
      "object.roleRef.kind == 'Role' || (object.roleRef.kind == 'ClusterRole' &&" +
      ` object.roleRef.name in ${celStringList(settings.allowedClusterRoles)})`,
    messageParams: ({ settings }) => ({
      role: "object.roleRef.kind + ' ' + object.roleRef.name",
      allowed: celString(settings.allowedClusterRoles.join(', ')),
    }),
  },
  check: (resource, { settings }) => {
    if (resource.kind !== 'RoleBinding') return NOT_APPLICABLE;
    const roleRef = recordAt(resource.body, 'roleRef');
    const kind = stringAt(roleRef, 'kind');
    const name = stringAt(roleRef, 'name') ?? '';
    if (kind === 'Role') return COMPLIANT;
    if (kind === 'ClusterRole' && settings.allowedClusterRoles.includes(name)) return COMPLIANT;
    return outcomeOf([
      {
        params: {
          role: `${kind ?? '?'} ${name}`,
          allowed: settings.allowedClusterRoles.join(', '),
        },
        path: ['roleRef'],
      },
    ]);
  },
};
