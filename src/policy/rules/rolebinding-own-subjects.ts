/**
 * S6: a RoleBinding names only subjects of its own namespace's system: no ServiceAccount of
 * another namespace, and no group of another business system. Such a binding lets one system
 * act in another's namespace.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { describeSubject, namespaceOfSubject, subjectsOf } from './rbac-subjects.js';

export const rolebindingOwnSubjects: RuleUnit = {
  id: 'rolebinding-own-subjects',
  scope: 'object',
  check: (resource, { settings }) => {
    if (resource.kind !== 'RoleBinding') return NOT_APPLICABLE;
    const namespace = namespaceOf(resource);
    const violations: Violation[] = [];

    for (const subject of subjectsOf(resource.body)) {
      const systemGroup = settings.systemGroups.find(
        (entry) => subject.kind === 'Group' && entry.group === subject.name,
      );
      const owner = systemGroup?.namespace ?? namespaceOfSubject(subject, namespace);
      if (owner === undefined || owner === namespace) continue;
      violations.push({
        params: { subject: describeSubject(subject), owner, namespace },
        path: ['subjects', subject.index],
      });
    }
    return outcomeOf(violations);
  },
};
