/**
 * S6: a RoleBinding names only subjects of its own namespace's system: no ServiceAccount of
 * another namespace, and no group of another business system. Such a binding lets one system
 * act in another's namespace.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { describeSubject, namespaceOfSubject, subjectsOf } from './rbac-subjects.js';
import { celString, NAMESPACE } from '../cel/rule.js';

export const rolebindingOwnSubjects: RuleUnit = {
  id: 'rolebinding-own-subjects',
  scope: 'object',
  cel: {
    target: { scope: 'object', kinds: ['RoleBinding'] },
    expression: ({ settings }) => {
      // Each subject: the namespace of the system whose group it is, else the namespace its kind
      // or name gives, else none; it complies when that is the binding's own namespace.
      const groupOwners = settings.systemGroups.map(
        (entry) =>
          `s.kind == 'Group' && s.name == ${celString(entry.group)} ? ${NAMESPACE} == ${celString(entry.namespace)} : `,
      );
      return (
        '!has(object.subjects) || object.subjects.all(s, ' +
        groupOwners.join('') +
        `s.kind == 'ServiceAccount' ? (!has(s.namespace) || s.namespace == ${NAMESPACE}) : ` +
        "s.kind == 'User' && s.name.matches('^system:serviceaccount:[^:]+:[^:]+$')" +
        ` ? s.name.startsWith('system:serviceaccount:' + ${NAMESPACE} + ':') : ` +
        "s.kind == 'Group' && s.name.matches('^system:serviceaccounts:[^:]+$')" +
        ` ? s.name == 'system:serviceaccounts:' + ${NAMESPACE} : true)`
      );
    },
    messageParams: () => ({ namespace: NAMESPACE }),
  },
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
