/**
 * How the detections recognise Kinko's guard: its admission webhook configurations and
 * ValidatingAdmissionPolicies are named with this prefix.
 * TODO: read the names from the resolved model once `kinko guard` defines them there.
 */
export const GUARD_NAME_PREFIX = 'kinko';

/** Admission resources of admissionregistration.k8s.io. */
export const ADMISSION_RESOURCES = [
  'validatingwebhookconfigurations',
  'mutatingwebhookconfigurations',
  'validatingadmissionpolicies',
  'validatingadmissionpolicybindings',
  'mutatingadmissionpolicies',
  'mutatingadmissionpolicybindings',
];
