import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { checkExitCode, runCheck } from '../../src/policy/check.js';
import { DEFAULT_SETTINGS } from '../../src/policy/settings.js';

const CLI = 'dist/src/cli/main.js';
const CORPUS = '../shared/corpora/manifests';
const SKIP = existsSync(CORPUS)
  ? false
  : `corpus ${CORPUS} is absent (it sits beside the repository)`;

interface JsonReport {
  files: number;
  objects: number;
  findings: { rule: string }[];
  problems: unknown[];
}

function check(paths: string[], extra: string[] = []) {
  const result = spawnSync(
    process.execPath,
    [CLI, 'check', ...paths, '--format', 'json', ...extra],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { PATH: process.env.PATH, LANG: 'C' },
    },
  );
  return {
    status: result.status,
    report: JSON.parse(result.stdout) as JsonReport,
    stderr: result.stderr,
  };
}

/** A Pod with no securityContext, no ServiceAccount and an untagged Docker Hub image. */
const BARE_POD = [
  'dedicated-service-account',
  'drop-all-capabilities',
  'image-pinned',
  'no-privilege-escalation',
  'no-token-automount',
  'read-only-root-filesystem',
  'run-as-non-root',
  'seccomp-runtime-default',
];
/** What a single-replica Deployment without spread, budget or preStop adds. */
const BARE_REPLICATED = [
  'grace-period-exceeds-prestop',
  'pdb-selects-workload',
  'prestop-sleep',
  'replicas-at-least-two',
  'spread-zones-and-hosts',
];
const without = (rules: string[], ...removed: string[]) =>
  rules.filter((rule) => !removed.includes(rule));

/**
 * Verdicts labelled by reading each file against Kinko's rules (with docker.io allowed, so the
 * registry rule fires only for other registries and for containers without an image):
 * [exit code, input problems, rules that fire].
 */
const LABELS: Record<string, [number, number, string[]]> = {
  'polaris/hostIPCSet/failure.yaml': [1, 0, [...BARE_POD, 'no-host-ipc']],
  'polaris/hostIPCSet/success.yaml': [1, 0, BARE_POD],
  'polaris/hostPIDSet/failure.yaml': [1, 0, [...BARE_POD, 'no-host-pid']],
  'polaris/hostNetworkSet/failure.yaml': [1, 0, [...BARE_POD, 'no-host-network']],
  'polaris/hostPortSet/failure.yaml': [1, 0, [...BARE_POD, 'no-host-port']],
  'polaris/hostPathSet/failure.yaml': [1, 0, [...BARE_POD, 'no-host-path']],
  // The container names no image.
  'polaris/runAsPrivileged/failure.yaml': [
    1,
    0,
    [...without(BARE_POD, 'image-pinned'), 'image-allowed-registry', 'no-privileged'],
  ],
  'polaris/runAsRootAllowed/success.yaml': [
    1,
    0,
    [...without(BARE_POD, 'run-as-non-root'), ...BARE_REPLICATED],
  ],
  'polaris/privilegeEscalationAllowed/success.yaml': [
    1,
    0,
    without(BARE_POD, 'no-privilege-escalation'),
  ],
  'polaris/notReadOnlyRootFilesystem/success.yaml': [
    1,
    0,
    [...without(BARE_POD, 'read-only-root-filesystem', 'image-pinned'), 'image-allowed-registry'],
  ],
  'polaris/tagNotSpecified/failure.latest.yaml': [1, 0, BARE_POD],
  'polaris/automountServiceAccountToken/success.serviceaccount.yaml': [
    1,
    0,
    without(BARE_POD, 'dedicated-service-account', 'no-token-automount'),
  ],
  'polaris/automountServiceAccountToken/failure.pod_true_serviceaccount_false.yaml': [
    1,
    0,
    without(BARE_POD, 'dedicated-service-account'),
  ],
  'polaris/rolebindingClusterAdminClusterRole/failure.default_clusteradmin_clusterrole.yaml': [
    1,
    0,
    ['no-rbac-wildcards', 'rolebinding-allowed-role'],
  ],
  'polaris/clusterrolebindingClusterAdmin/failure.binding_to_system_prefix.yaml': [
    1,
    0,
    ['no-rbac-wildcards'],
  ],
  'polaris/clusterrolebindingClusterAdmin/failure.wildcards.yaml': [1, 0, ['no-rbac-wildcards']],
  // Mixed-case names, but no ALL among the dropped capabilities.
  'polaris/insecureCapabilities/success.case.yaml': [1, 0, BARE_POD],
  'polaris/dangerousCapabilities/failure.case.yaml': [1, 0, BARE_POD],
  'polaris/missingPodDisruptionBudget/success.yaml': [
    1,
    0,
    [...BARE_POD, ...without(BARE_REPLICATED, 'pdb-selects-workload')],
  ],
  'polaris/missingPodDisruptionBudget/failure-bad-ns.yaml': [
    1,
    0,
    [...BARE_POD, ...BARE_REPLICATED],
  ],
  // Its only spread constraint selects app: foo, not its own pods, so it spreads nothing.
  'polaris/topologySpreadConstraint/success.yaml': [
    1,
    0,
    [
      ...without(
        BARE_POD,
        'drop-all-capabilities',
        'no-privilege-escalation',
        'read-only-root-filesystem',
        'run-as-non-root',
      ),
      'image-allowed-registry',
      ...BARE_REPLICATED,
    ],
  ],
  // The pod-level runAsUser: 1000 is inherited by the container.
  'checkov/example_AllowPrivilegeEscalation/pod-runas1000-PASSED.yaml': [
    1,
    0,
    without(BARE_POD, 'run-as-non-root', 'no-privilege-escalation'),
  ],
  'checkov/example_AllowPrivilegeEscalation/pod-to-node-FAILED.yaml': [
    1,
    0,
    [...BARE_POD, 'no-host-ipc', 'no-host-network', 'no-host-path', 'no-host-pid', 'no-privileged'],
  ],
  // NOTE: `containers` is a map, not a list, so the container rules find no container.
  'checkov/example_AllowPrivilegeEscalation/pod-runas1000-malformed-PASSED.yaml': [
    0,
    0,
    ['dedicated-service-account', 'no-token-automount'],
  ],
  'kube-score/security-inherit-pod-security-context.yaml': [
    1,
    0,
    [
      ...without(BARE_POD, 'run-as-non-root', 'read-only-root-filesystem', 'image-pinned'),
      'image-allowed-registry',
      ...BARE_REPLICATED,
    ],
  ],
  'kube-score/pod-security-context-all-good.yaml': [
    1,
    0,
    without(BARE_POD, 'run-as-non-root', 'read-only-root-filesystem'),
  ],
  'kube-score/pod-seccomp-container-securecontext-ok.yaml': [
    1,
    0,
    without(BARE_POD, 'run-as-non-root', 'read-only-root-filesystem', 'seccomp-runtime-default'),
  ],
  // No metadata.name: an input problem, and the DaemonSet is still checked.
  'kubesec/score-0-daemonset-host-network.yml': [2, 1, [...BARE_POD, 'no-host-network']],
  'kubesec/invalid-type.yml': [0, 0, []],
  // replicas: "2" is not a number; hostNetwork: "1" is not false.
  'kubesec/invalid-schema.yml': [
    1,
    0,
    [
      ...without(BARE_POD, 'image-pinned', 'drop-all-capabilities'),
      'image-allowed-registry',
      'no-host-network',
      ...BARE_REPLICATED,
    ],
  ],
  'checkov/example_Secrets/pod-secretEnvironment-FAILED.yaml': [
    1,
    0,
    [...BARE_POD, 'no-secret-data', 'secrets-via-csi'],
  ],
  'checkov/example_Secrets/pod-secretVolume-PASSED.yaml': [
    1,
    0,
    [...BARE_POD, 'no-secret-data', 'secrets-via-csi'],
  ],
};

describe('kinko check over the manifest corpus', { skip: SKIP }, () => {
  it('[S2][check] every corpus folder is checked without a crash', () => {
    const counts: Record<
      string,
      { files: number; objects: number; findings: number; problems: number; status: number | null }
    > = {};
    for (const folder of readdirSync(CORPUS).sort()) {
      const { status, report, stderr } = check([join(CORPUS, folder)]);
      assert.ok(
        status === 0 || status === 1 || status === 2,
        `${folder}: exit ${status}: ${stderr}`,
      );
      assert.doesNotMatch(stderr, /KINKO_INTERNAL|ruleFailed/);
      counts[folder] = {
        files: report.files,
        objects: report.objects,
        findings: report.findings.length,
        problems: report.problems.length,
        status,
      };
    }
    const files = Object.values(counts).reduce((sum, entry) => sum + entry.files, 0);
    // kubesec/very-long-file has no .yaml, .yml or .json extension, so the folder walk skips it.
    assert.equal(files, 957, JSON.stringify(counts));
    assert.equal(counts['microservices-demo']?.objects, 35);
    console.log(JSON.stringify(counts));
  });

  it('[S2][check] hand-labelled sample of 32 files gets its verdicts', () => {
    assert.equal(Object.keys(LABELS).length, 32);
    // In process, since a kinko process per file spends most of its time starting up.
    const settings = { ...DEFAULT_SETTINGS, allowedRegistries: ['docker.io'] };
    for (const [file, [exitCode, problems, rules]] of Object.entries(LABELS)) {
      const report = runCheck({ paths: [join(CORPUS, file)], settings, locale: 'en' });
      const status = checkExitCode(report, 'error');
      const fired = [...new Set(report.findings.map((finding) => finding.rule))].sort();
      assert.deepEqual(fired, [...new Set(rules)].sort(), file);
      assert.equal(report.problems.length, problems, file);
      assert.equal(status, exitCode, file);
    }
  });
});
