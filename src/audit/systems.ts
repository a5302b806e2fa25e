/** Which platform system a request comes from and which one it reaches. */
import type { AuditSystem } from './detection.js';
import type { AuditEvent } from './event.js';
import { effectiveUser, serviceAccountNamespace } from './predicates.js';

/**
 * The system the acting principal belongs to: a member of `<system>:admins`, or a ServiceAccount
 * of the system's namespace. Undefined for anyone else, such as cluster administrators.
 */
export function principalSystem(
  event: AuditEvent,
  systems: readonly AuditSystem[],
): AuditSystem | undefined {
  const { groups } = effectiveUser(event);
  const byGroup = systems.find((system) => groups.includes(system.adminGroup));
  if (byGroup !== undefined) return byGroup;
  const namespace = serviceAccountNamespace(event);
  return namespace === undefined
    ? undefined
    : systems.find((system) => system.namespace === namespace);
}

/** The system whose namespace the request targets. */
export function targetSystem(
  event: AuditEvent,
  systems: readonly AuditSystem[],
): AuditSystem | undefined {
  const namespace = event.objectRef?.namespace;
  return namespace === undefined
    ? undefined
    : systems.find((system) => system.namespace === namespace);
}

/**
 * The other system a system principal's request reaches, if any: a namespaced request into
 * another system's namespace.
 */
export function crossSystemTarget(
  event: AuditEvent,
  systems: readonly AuditSystem[],
): { from: AuditSystem; to: AuditSystem } | undefined {
  const from = principalSystem(event, systems);
  if (from === undefined) return undefined;
  const to = targetSystem(event, systems);
  if (to === undefined || to.name === from.name) return undefined;
  return { from, to };
}
