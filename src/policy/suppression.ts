/**
 * Suppressions: an object opts out of a rule with the annotation
 * `suppress.kinko.dev/<rule-id>: <reason>`, on the object or on its pod template. The reason is
 * required; the output lists every suppression with it, so auditors see each exception.
 */
import {
  NOT_APPLICABLE,
  outcomeOf,
  type FieldPath,
  type RuleOutcome,
  type Violation,
} from './rule.js';
import { recordAt, stringMapAt, type KubeResource } from './resource.js';
import { podTemplateOf } from './workload.js';

export const SUPPRESSION_PREFIX = 'suppress.kinko.dev/';

export interface Suppression {
  readonly ruleId: string;
  readonly annotation: string;
  /** The reason, trimmed; empty when the annotation has none. */
  readonly reason: string;
  readonly path: FieldPath;
}

/** Suppressions of an object, the object's own annotations before its pod template's. */
export function suppressionsOf(resource: KubeResource): Suppression[] {
  const found = new Map<string, Suppression>();
  const collect = (annotations: Readonly<Record<string, string>>, path: FieldPath): void => {
    for (const [annotation, value] of Object.entries(annotations)) {
      if (!annotation.startsWith(SUPPRESSION_PREFIX)) continue;
      const ruleId = annotation.slice(SUPPRESSION_PREFIX.length);
      if (found.has(ruleId)) continue;
      found.set(ruleId, { ruleId, annotation, reason: value.trim(), path: [...path, annotation] });
    }
  };

  collect(stringMapAt(recordAt(resource.body, 'metadata'), 'annotations'), [
    'metadata',
    'annotations',
  ]);
  const pod = podTemplateOf(resource);
  if (pod !== undefined && resource.kind !== 'Pod') {
    collect(pod.annotations, [...pod.specPath.slice(0, -1), 'metadata', 'annotations']);
  }
  return [...found.values()];
}

/** Run `check` on each suppression of the object; not applicable when it has none. */
export function checkEachSuppression(
  resource: KubeResource,
  check: (suppression: Suppression) => Violation | undefined,
): RuleOutcome {
  const suppressions = suppressionsOf(resource);
  if (suppressions.length === 0) return NOT_APPLICABLE;
  const violations: Violation[] = [];
  for (const suppression of suppressions) {
    const violation = check(suppression);
    if (violation !== undefined) violations.push(violation);
  }
  return outcomeOf(violations);
}
