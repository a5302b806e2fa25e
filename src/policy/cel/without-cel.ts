/**
 * Object rules that have no CEL form, each with the reason. Set rules and Dockerfile rules are
 * left out of admission altogether. A unit test checks that every other rule of the pack has CEL
 * or an entry here.
 */
export const RULES_WITHOUT_CEL: Readonly<Record<string, string>> = {
  'no-deprecated-topology-labels':
    'searches every string under nodeSelector, affinity and topologySpreadConstraints at any depth; CEL has no recursion, so a CEL form would list fixed paths and miss labels the check finds',
  'prestop-sleep':
    'reads the sleep duration out of an exec command or a shell script; standard CEL can test a string with matches() but cannot capture the number to compare it with the minimum',
  'grace-period-exceeds-prestop':
    'needs the same sleep duration; the apiserver also sets an omitted terminationGracePeriodSeconds to 30 before admission, so a policy never sees it unset',
  'namespace-pod-security':
    'fits CEL, but the exported policies do not match Namespace objects yet',
  'mesh-enrolled':
    'fits CEL, but the exported policies do not match Namespace objects yet, and a system namespace list would have to be written into the expression',
  'mesh-pod-capture':
    'fits CEL, but the exported pod policies read only the pod spec, not the template labels and annotations, and a system namespace list would have to be written into the expression',
  'mtls-strict':
    'fits CEL, but the exported policies do not match Istio PeerAuthentication objects yet',
};
