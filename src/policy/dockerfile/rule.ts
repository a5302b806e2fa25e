/**
 * Dockerfile rules are ordinary rule units, registered in the same registry with a severity and
 * a practice, whose check is not applicable to anything but a Dockerfile. `dockerfileRule`
 * builds one and marks its check, so the Dockerfile evaluator runs only these.
 */
import {
  NOT_APPLICABLE,
  outcomeOf,
  type RuleCheck,
  type RuleContext,
  type RuleUnit,
  type Violation,
} from '../rule.js';
import { dockerfileOf, type Dockerfile } from './resource.js';

const DOCKERFILE_CHECKS = new WeakSet<RuleCheck>();

export function dockerfileRule(unit: {
  readonly id: string;
  readonly variants?: readonly string[];
  readonly check: (dockerfile: Dockerfile, context: RuleContext) => readonly Violation[];
}): RuleUnit {
  const check: RuleCheck = (resource, context) => {
    const dockerfile = dockerfileOf(resource);
    return dockerfile === undefined ? NOT_APPLICABLE : outcomeOf(unit.check(dockerfile, context));
  };
  DOCKERFILE_CHECKS.add(check);
  return {
    id: unit.id,
    scope: 'object',
    ...(unit.variants !== undefined ? { variants: unit.variants } : {}),
    check,
  };
}

export function isDockerfileRule(rule: RuleUnit): boolean {
  return DOCKERFILE_CHECKS.has(rule.check);
}
