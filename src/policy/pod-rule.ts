/** Helpers that turn a check of one container or one pod into a rule outcome for any workload. */
import { NOT_APPLICABLE, outcomeOf, type RuleOutcome, type Violation } from './rule.js';
import type { KubeResource } from './resource.js';
import { containersOf, podTemplateOf, type ContainerEntry, type PodTemplate } from './workload.js';

/**
 * Run `check` on every container (regular, init and ephemeral) of the workload's pod. Not
 * applicable to objects that run no pod.
 */
export function checkEachContainer(
  resource: KubeResource,
  check: (pod: PodTemplate, container: ContainerEntry) => Violation | undefined,
): RuleOutcome {
  const pod = podTemplateOf(resource);
  if (pod === undefined) return NOT_APPLICABLE;
  const violations: Violation[] = [];
  for (const container of containersOf(pod)) {
    const violation = check(pod, container);
    if (violation !== undefined) violations.push(violation);
  }
  return outcomeOf(violations);
}

/** Run `check` on the workload's pod spec. Not applicable to objects that run no pod. */
export function checkPod(
  resource: KubeResource,
  check: (pod: PodTemplate) => readonly Violation[],
): RuleOutcome {
  const pod = podTemplateOf(resource);
  if (pod === undefined) return NOT_APPLICABLE;
  return outcomeOf(check(pod));
}
