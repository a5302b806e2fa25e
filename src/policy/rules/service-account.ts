/** How S7 rules read a pod's ServiceAccount. */
import { stringAt } from '../resource.js';
import type { PodTemplate } from '../workload.js';

/** `serviceAccountName`, or the deprecated `serviceAccount`, or undefined when neither is set. */
export function serviceAccountNameOf(pod: PodTemplate): string | undefined {
  return stringAt(pod.spec, 'serviceAccountName') ?? stringAt(pod.spec, 'serviceAccount');
}
