/**
 * S6: no ClusterRoleBinding names a business system's group, which would reach beyond the
 * system's namespace, nor a group that contains every user or every ServiceAccount
 * (`system:authenticated`, `system:unauthenticated`, `system:serviceaccounts`), nor the anonymous
 * user.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { describeSubject, subjectsOf } from './rbac-subjects.js';
import { celStringList } from '../cel/rule.js';

const EVERYONE_GROUPS = new Set([
  'system:authenticated',
  'system:unauthenticated',
  'system:serviceaccounts',
]);
const ANONYMOUS_USER = 'system:anonymous';

export const noClusterBindingToSystemGroup: RuleUnit = {
  id: 'no-cluster-binding-to-system-group',
  scope: 'object',
  variants: ['everyone'],
  cel: {
    target: { scope: 'object', kinds: ['ClusterRoleBinding'] },
    expression: ({ settings }) => {
      const groups = [...settings.systemGroups.map((entry) => entry.group), ...EVERYONE_GROUPS];
      return (
        '!has(object.subjects) || object.subjects.all(s,' +
        ` !(s.kind == 'Group' && s.name in ${celStringList(groups)}) &&` +
        ` !(s.kind == 'User' && s.name == '${ANONYMOUS_USER}'))`
      );
    },
  },
  check: (resource, { settings }) => {
    if (resource.kind !== 'ClusterRoleBinding') return NOT_APPLICABLE;
    const violations: Violation[] = [];

    for (const subject of subjectsOf(resource.body)) {
      const path = ['subjects', subject.index];
      const params = { subject: describeSubject(subject) };
      if (
        subject.kind === 'Group' &&
        settings.systemGroups.some((entry) => entry.group === subject.name)
      ) {
        violations.push({ params, path });
      } else if (
        (subject.kind === 'Group' && EVERYONE_GROUPS.has(subject.name)) ||
        (subject.kind === 'User' && subject.name === ANONYMOUS_USER)
      ) {
        violations.push({ params, path, variant: 'everyone' });
      }
    }
    return outcomeOf(violations);
  },
};
