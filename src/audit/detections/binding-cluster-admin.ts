import { TACTICS, type Detection } from '../detection.js';
import { bindingOf, isWrite, userIsApiserver } from '../predicates.js';
import { subjectList } from './subjects.js';

/**
 * A RoleBinding or ClusterRoleBinding that grants the ClusterRole cluster-admin, other than the
 * apiserver's own bootstrap binding to system:masters.
 */
export const bindingClusterAdmin: Detection = {
  id: 'binding-cluster-admin',
  severity: 'critical',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event) || userIsApiserver(event)) return undefined;
    const binding = bindingOf(event);
    if (binding?.roleRef?.name !== 'cluster-admin') return undefined;
    return { roleRef: 'cluster-admin', subjects: subjectList(binding.subjects) };
  },
};
