/**
 * Kinko's rule pack: every rule with the severity and practice it is registered under. The order
 * here is the order of the rules table in docs/policy.md.
 */
import { RuleRegistry } from './registry.js';
import { dedicatedServiceAccount } from './rules/dedicated-service-account.js';
import { dockerfileSuppressionReason } from './rules/dockerfile-suppression-reason.js';
import {
  dockerfileNonRootUser,
  dockerfileNumericUser,
  dockerfileSetsUser,
  dockerfileUserVerifiable,
} from './rules/dockerfile-user.js';
import { dropAllCapabilities } from './rules/drop-all-capabilities.js';
import { gracePeriodExceedsPrestop } from './rules/grace-period-exceeds-prestop.js';
import { noHostIpc, noHostNetwork, noHostPid } from './rules/host-namespaces.js';
import { imageAllowedRegistry } from './rules/image-allowed-registry.js';
import { imagePinned } from './rules/image-pinned.js';
import { meshEnrolled } from './rules/mesh-enrolled.js';
import { meshPodCapture } from './rules/mesh-pod-capture.js';
import { mtlsStrict } from './rules/mtls-strict.js';
import { namespaceDefaultDeny } from './rules/namespace-default-deny.js';
import { namespaceMtlsStrict } from './rules/namespace-mtls-strict.js';
import { namespacePodSecurity } from './rules/namespace-pod-security.js';
import { noClusterBindingToSystemGroup } from './rules/no-cluster-binding-to-system-group.js';
import { noDeprecatedTopologyLabels } from './rules/no-deprecated-topology-labels.js';
import { noHostPath } from './rules/no-host-path.js';
import { noHostPort } from './rules/no-host-port.js';
import { noPrivilegeEscalation } from './rules/no-privilege-escalation.js';
import { noPrivileged } from './rules/no-privileged.js';
import { noRbacWildcards } from './rules/no-rbac-wildcards.js';
import { noSecretData } from './rules/no-secret-data.js';
import { noTokenAutomount } from './rules/no-token-automount.js';
import { pdbSelectsWorkload } from './rules/pdb-selects-workload.js';
import { prestopSleep } from './rules/prestop-sleep.js';
import { readOnlyRootFilesystem } from './rules/read-only-root-filesystem.js';
import { replicasAtLeastTwo } from './rules/replicas-at-least-two.js';
import { rolebindingAllowedRole } from './rules/rolebinding-allowed-role.js';
import { rolebindingOwnSubjects } from './rules/rolebinding-own-subjects.js';
import { runAsNonRoot } from './rules/run-as-non-root.js';
import { seccompRuntimeDefault } from './rules/seccomp-runtime-default.js';
import { secretsViaCsi } from './rules/secrets-via-csi.js';
import { serviceAccountExists } from './rules/service-account-exists.js';
import { spreadZonesAndHosts } from './rules/spread-zones-and-hosts.js';
import { suppressionReason } from './rules/suppression-reason.js';

/** Builds a registry with every Kinko rule. */
export function createKinkoRegistry(): RuleRegistry {
  return (
    new RuleRegistry()
      // S1: non-root, unprivileged containers, on every container kind of every workload.
      .register(runAsNonRoot, { severity: 'error', practice: 'S1' })
      .register(noPrivilegeEscalation, { severity: 'error', practice: 'S1' })
      .register(noPrivileged, { severity: 'error', practice: 'S1' })
      .register(dropAllCapabilities, { severity: 'error', practice: 'S1' })
      .register(seccompRuntimeDefault, { severity: 'error', practice: 'S1' })
      .register(readOnlyRootFilesystem, { severity: 'error', practice: 'S1' })
      .register(noHostPath, { severity: 'error', practice: 'S1' })
      .register(noHostNetwork, { severity: 'error', practice: 'S1' })
      .register(noHostPid, { severity: 'error', practice: 'S1' })
      .register(noHostIpc, { severity: 'error', practice: 'S1' })
      .register(noHostPort, { severity: 'error', practice: 'S1' })
      // S1 in the image: the final stage of each Dockerfile runs as a numeric non-root UID.
      .register(dockerfileSetsUser, { severity: 'error', practice: 'S1' })
      .register(dockerfileNonRootUser, { severity: 'error', practice: 'S1' })
      .register(dockerfileNumericUser, { severity: 'error', practice: 'S1' })
      .register(dockerfileUserVerifiable, { severity: 'warning', practice: 'S1' })
      // S2: the API server enforces S1 itself; suppressions stay explained.
      .register(namespacePodSecurity, { severity: 'error', practice: 'S2' })
      .register(suppressionReason, { severity: 'error', practice: 'S2' })
      .register(dockerfileSuppressionReason, { severity: 'error', practice: 'S2' })
      // S3: images from the platform's scanned registries, pinned.
      .register(imageAllowedRegistry, { severity: 'error', practice: 'S3' })
      .register(imagePinned, { severity: 'error', practice: 'S3' })
      // S4: no secret values in manifests.
      .register(noSecretData, { severity: 'error', practice: 'S4' })
      .register(secretsViaCsi, { severity: 'warning', practice: 'S4' })
      // S5: system namespaces in the ambient mesh, under STRICT mTLS.
      .register(meshEnrolled, { severity: 'error', practice: 'S5' })
      .register(meshPodCapture, { severity: 'error', practice: 'S5' })
      .register(mtlsStrict, { severity: 'error', practice: 'S5' })
      .register(namespaceMtlsStrict, { severity: 'error', practice: 'S5' })
      // S6: each system's rights stay in its namespace.
      .register(rolebindingAllowedRole, { severity: 'error', practice: 'S6' })
      .register(rolebindingOwnSubjects, { severity: 'error', practice: 'S6' })
      .register(noClusterBindingToSystemGroup, { severity: 'error', practice: 'S6' })
      .register(noRbacWildcards, { severity: 'error', practice: 'S6' })
      // S7: a ServiceAccount per system, without an API token it does not need.
      .register(dedicatedServiceAccount, { severity: 'warning', practice: 'S7' })
      .register(serviceAccountExists, { severity: 'error', practice: 'S7' })
      .register(noTokenAutomount, { severity: 'warning', practice: 'S7' })
      // S8: a default-deny NetworkPolicy in every namespace.
      .register(namespaceDefaultDeny, { severity: 'error', practice: 'S8' })
      // R2: replicas over zones and hosts.
      .register(replicasAtLeastTwo, { severity: 'error', practice: 'R2' })
      .register(spreadZonesAndHosts, { severity: 'error', practice: 'R2' })
      .register(noDeprecatedTopologyLabels, { severity: 'warning', practice: 'R2' })
      // R6: drains without errors.
      .register(pdbSelectsWorkload, { severity: 'error', practice: 'R6' })
      .register(prestopSleep, { severity: 'error', practice: 'R6' })
      .register(gracePeriodExceedsPrestop, { severity: 'error', practice: 'R6' })
  );
}
