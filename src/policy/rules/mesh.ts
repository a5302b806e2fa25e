/**
 * Helpers shared by the mesh rules: the test for a business system's namespace (from the
 * platform's systems in PolicySettings.systemGroups) and readers of a PeerAuthentication.
 */
import type { PolicySettings } from '../settings.js';
import { isRecord, recordAt, stringAt, type KubeResource } from '../resource.js';

/**
 * Istio's root namespace when istiod runs with its defaults, as Kinko installs it: a
 * PeerAuthentication without a selector here applies to the whole mesh.
 */
export const MESH_ROOT_NAMESPACE = 'istio-system';

export const PEER_AUTHENTICATION_API_GROUP = 'security.istio.io';

export function isSystemNamespace(settings: PolicySettings, namespace: string): boolean {
  return settings.systemGroups.some((entry) => entry.namespace === namespace);
}

export function isPeerAuthentication(resource: KubeResource): boolean {
  return (
    resource.kind === 'PeerAuthentication' &&
    resource.apiVersion.startsWith(`${PEER_AUTHENTICATION_API_GROUP}/`)
  );
}

/** `spec.mtls.mode`, or undefined when the policy does not set it (UNSET: inherit). */
export function mtlsModeOf(resource: KubeResource): string | undefined {
  return stringAt(recordAt(recordAt(resource.body, 'spec'), 'mtls'), 'mode');
}

/** `spec.portLevelMtls` as port → mode; entries without a string mode are left out. */
export function portModesOf(resource: KubeResource): [string, string][] {
  const ports = recordAt(recordAt(resource.body, 'spec'), 'portLevelMtls') ?? {};
  const modes: [string, string][] = [];
  for (const [port, entry] of Object.entries(ports)) {
    const mode = isRecord(entry) ? stringAt(entry, 'mode') : undefined;
    if (mode !== undefined) modes.push([port, mode]);
  }
  return modes;
}

/** True when the policy has no workload selector, so it covers its whole namespace. */
export function coversWholeNamespace(resource: KubeResource): boolean {
  const selector = recordAt(recordAt(resource.body, 'spec'), 'selector');
  const matchLabels = recordAt(selector, 'matchLabels');
  return (
    selector === undefined || matchLabels === undefined || Object.keys(matchLabels).length === 0
  );
}
