import { TACTICS, type Detection } from '../detection.js';
import { bindingOf, isWrite } from '../predicates.js';
import { subjectList } from './subjects.js';

/**
 * A binding that grants rights to a namespace's `default` ServiceAccount, which every pod that
 * names no ServiceAccount runs as.
 */
export const bindingDefaultServiceAccount: Detection = {
  id: 'binding-default-service-account',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event)) return undefined;
    const binding = bindingOf(event);
    const defaults = (binding?.subjects ?? []).filter(
      (subject) => subject.kind === 'ServiceAccount' && subject.name === 'default',
    );
    if (binding === undefined || defaults.length === 0) return undefined;
    return { roleRef: String(binding.roleRef?.name), subjects: subjectList(defaults) };
  },
};
