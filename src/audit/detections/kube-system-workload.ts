import { TACTICS, type Detection } from '../detection.js';
import {
  WORKLOAD_RESOURCES,
  isCreate,
  targetsNamespace,
  targetsResource,
  userIsSystemComponent,
} from '../predicates.js';

/** Namespaces of the control plane's own workloads, where nothing else belongs. */
export const CONTROL_PLANE_NAMESPACES = ['kube-system', 'kube-public'];

/** A workload created in a control-plane namespace by anyone but the control plane. */
export const kubeSystemWorkload: Detection = {
  id: 'kube-system-workload',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.persistence,
  condition: (event) => {
    const matches =
      isCreate(event) &&
      targetsResource(event, ...WORKLOAD_RESOURCES) &&
      targetsNamespace(event, ...CONTROL_PLANE_NAMESPACES) &&
      !userIsSystemComponent(event);
    return matches ? {} : undefined;
  },
};
