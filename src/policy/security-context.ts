/**
 * Effective security settings of a container: a field of the container's securityContext wins,
 * and the pod's securityContext fills in the fields the pod level has (runAsNonRoot, runAsUser,
 * seccompProfile) when the container leaves them unset, as the kubelet applies them.
 */
import type { FieldPath } from './rule.js';
import { arrayAt, recordAt, stringAt } from './resource.js';
import type { ContainerEntry, PodTemplate } from './workload.js';

export interface EffectiveField {
  readonly value: unknown;
  /** Where the value came from, or where the container's securityContext would set it. */
  readonly path: FieldPath;
}

/** Path of the container's securityContext, whether or not it exists. */
export function containerSecurityPath(container: ContainerEntry): FieldPath {
  return [...container.path, 'securityContext'];
}

/**
 * The value of `field` for the container: its own securityContext first, then the pod's. The
 * returned path points at the field that decided, or at the container's securityContext when
 * neither sets it, because that is where the fix goes.
 */
export function effectiveField(
  pod: PodTemplate,
  container: ContainerEntry,
  field: 'runAsNonRoot' | 'runAsUser' | 'seccompProfile',
): EffectiveField {
  const own = recordAt(container.body, 'securityContext');
  if (own !== undefined && own[field] !== undefined && own[field] !== null) {
    return { value: own[field], path: [...containerSecurityPath(container), field] };
  }
  const podContext = recordAt(pod.spec, 'securityContext');
  if (podContext !== undefined && podContext[field] !== undefined && podContext[field] !== null) {
    return { value: podContext[field], path: [...pod.specPath, 'securityContext', field] };
  }
  return { value: undefined, path: containerSecurityPath(container) };
}

/** A field that only the container's securityContext has (privileged, capabilities, ...). */
export function containerField(container: ContainerEntry, field: string): EffectiveField {
  const own = recordAt(container.body, 'securityContext');
  const value = own?.[field];
  return {
    value,
    path:
      value === undefined
        ? containerSecurityPath(container)
        : [...containerSecurityPath(container), field],
  };
}

/** The seccomp profile type that applies to the container, for example `RuntimeDefault`. */
export function effectiveSeccompType(pod: PodTemplate, container: ContainerEntry): EffectiveField {
  const profile = effectiveField(pod, container, 'seccompProfile');
  return { value: stringAt(profile.value, 'type'), path: profile.path };
}

/**
 * A capability name in canonical form: upper case without the `CAP_` prefix, because runtimes
 * accept `all`, `ALL`, `net_raw` and `CAP_NET_RAW` alike.
 */
export function canonicalCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice('CAP_'.length) : upper;
}

export function capabilityList(container: ContainerEntry, list: 'add' | 'drop'): string[] {
  const capabilities = recordAt(recordAt(container.body, 'securityContext'), 'capabilities');
  return arrayAt(capabilities, list)
    .filter((name): name is string => typeof name === 'string')
    .map(canonicalCapability);
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
