/**
 * CEL for a container's security settings, with the pod's securityContext filling in the fields
 * the container leaves unset, as src/policy/security-context.ts does for the checks. The
 * container is bound to `c`.
 */
import { POD_SPEC } from './rule.js';

export type PodLevelField = 'runAsNonRoot' | 'runAsUser' | 'seccompProfile';

/** Tests whether the container's own securityContext sets `field`. */
export function containerSets(field: string): string {
  return `(has(c.securityContext) && has(c.securityContext.${field}))`;
}

/** Tests whether the pod's securityContext sets `field`. */
export function podSets(field: PodLevelField): string {
  return `(has(${POD_SPEC}.securityContext) && has(${POD_SPEC}.securityContext.${field}))`;
}

/**
 * `test` applied to the effective value of `field`, or `unset` when neither level sets it. `test`
 * receives the CEL of the value.
 */
export function effective(
  field: PodLevelField,
  test: (value: string) => string,
  unset: string,
): string {
  return (
    `(${containerSets(field)} ? ${test(`c.securityContext.${field}`)}` +
    ` : ${podSets(field)} ? ${test(`${POD_SPEC}.securityContext.${field}`)} : ${unset})`
  );
}

/** Writes a capability name in canonical form: trimmed, upper case, without the `CAP_` prefix. */
export function canonicalCapability(name: string): string {
  const upper = `${name}.trim().upperAscii()`;
  return `(${upper}.startsWith('CAP_') ? ${upper}.substring(4) : ${upper})`;
}
