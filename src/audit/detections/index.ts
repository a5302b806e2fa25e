/** The registry of detections, in the order alerts for one event are reported. */
import type { Detection } from '../detection.js';
import { admissionChange } from './admission-change.js';
import { anonymousAllowed } from './anonymous-allowed.js';
import { bindingClusterAdmin } from './binding-cluster-admin.js';
import { bindingDefaultServiceAccount } from './binding-default-service-account.js';
import { crossSystemAccess } from './cross-system-access.js';
import { crossSystemSecret } from './cross-system-secret.js';
import { deniedBurst } from './denied-burst.js';
import { guardChange } from './guard-change.js';
import { kubeSystemWorkload } from './kube-system-workload.js';
import { networkPolicyDeleted } from './network-policy-deleted.js';
import { podEphemeralContainer } from './pod-ephemeral-container.js';
import { podExec } from './pod-exec.js';
import { podHostNamespace } from './pod-host-namespace.js';
import { podHostPath } from './pod-host-path.js';
import { podPortForward } from './pod-port-forward.js';
import { podPrivileged } from './pod-privileged.js';
import { roleRiskyRules } from './role-risky-rules.js';
import { serviceAccountToken } from './service-account-token.js';
import { watchedSource } from './watched-source.js';

/** Build the registry; a duplicate id is a programming error and throws. */
function registry(detections: readonly Detection[]): readonly Detection[] {
  const ids = new Set<string>();
  for (const detection of detections) {
    if (ids.has(detection.id)) throw new Error(`duplicate detection id: ${detection.id}`);
    ids.add(detection.id);
  }
  return detections;
}

export const DETECTIONS: readonly Detection[] = registry([
  podExec,
  podPortForward,
  podEphemeralContainer,
  podPrivileged,
  podHostPath,
  podHostNamespace,
  kubeSystemWorkload,
  anonymousAllowed,
  bindingClusterAdmin,
  bindingDefaultServiceAccount,
  roleRiskyRules,
  crossSystemSecret,
  crossSystemAccess,
  deniedBurst,
  serviceAccountToken,
  admissionChange,
  guardChange,
  networkPolicyDeleted,
  watchedSource,
]);

export const DETECTION_IDS: readonly string[] = DETECTIONS.map((detection) => detection.id);
