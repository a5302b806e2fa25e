import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { AdmissionregistrationV1Api, ApiException, CoreV1Api } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

import { loadPlatformConfig } from '../../src/config/load.js';
import { createAdmissionRegistry } from '../../src/guard/rules.js';
import { judgeObject } from '../../src/guard/verdict.js';
import { resolvePlatform } from '../../src/model/resolve.js';
import {
  buildValidatingAdmissionPolicies,
  celRulesOf,
  type AdmissionPolicyObject,
} from '../../src/policy/cel/export.js';
import { CEL_KINDS, WORKLOAD_FAMILIES, type CelKind } from '../../src/policy/cel/kinds.js';
import { parseManifests } from '../../src/policy/input/parse.js';
import { recordAt, toResource, type KubeResource } from '../../src/policy/resource.js';
import { DEFAULT_SETTINGS, settingsFromPlatform } from '../../src/policy/settings.js';
import { CertificateAuthority } from '../support/testbed/pki.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';
import { workloadKindsYaml } from '../support/workload-kinds.js';
import { hardenedContainer } from '../unit/policy/fixtures.js';

const CLI = 'dist/src/cli/main.js';
const CONFIG = 'examples/platform.yaml';
const CORPUS = '../shared/corpora/manifests';
/** The corpus's images come from Docker Hub; allowing it lets the other rules decide. */
const EXTRA_REGISTRY = 'docker.io';
const WEBHOOK = 'guard.kinko.dev';
const DENIED_BY_WEBHOOK = `admission webhook "${WEBHOOK}" denied the request`;
/** Namespace where every exported binding only warns, so each failing rule shows. */
const POLICY_NAMESPACE = 'diff-policies';
/** Namespace where only the webhook reviews. */
const WEBHOOK_NAMESPACE = 'diff-webhook';
/** Namespace where the exported bindings apply as exported. */
const ENFORCED_NAMESPACE = 'enforced';
const DIFF_LABEL = 'kinko.dev/differential';
const SAMPLE_SIZE = 80;

const KINDS: readonly CelKind[] = [
  ...WORKLOAD_FAMILIES.flatMap((family) => family.kinds),
  ...Object.values(CEL_KINDS),
];

function kindOf(resource: KubeResource): CelKind | undefined {
  return KINDS.find(
    (kind) =>
      kind.kind === resource.kind &&
      resource.apiVersion === (kind.group === '' ? kind.version : `${kind.group}/${kind.version}`),
  );
}

const CLUSTER_SCOPED = new Set(['ClusterRole', 'ClusterRoleBinding']);

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.ya?ml$/.test(entry) ? [path] : [];
    });
}

/**
 * Copies the object without server fields, in `namespace` unless its kind is cluster-scoped,
 * labelled for the leg (`policies` or `webhook`) that reviews it. Namespace selectors do not
 * apply to cluster-scoped objects, so the bindings and the webhook also select by this label.
 */
function placed(
  resource: KubeResource,
  namespace: string,
  leg: 'policies' | 'webhook',
): KubeResource | undefined {
  const body = structuredClone(resource.body) as Record<string, unknown>;
  delete body.status;
  const metadata = { ...recordAt(body, 'metadata') };
  for (const key of ['resourceVersion', 'uid', 'creationTimestamp', 'namespace']) {
    delete metadata[key];
  }
  metadata.labels = { ...recordAt(metadata, 'labels'), [DIFF_LABEL]: leg };
  if (!CLUSTER_SCOPED.has(resource.kind)) metadata.namespace = namespace;
  const copy = toResource({ ...body, metadata });
  return copy === undefined ? undefined : { ...copy, source: resource.source };
}

/** Picks an evenly spaced sample of the corpus's objects of the kinds the policies match. */
function corpusSample(): KubeResource[] {
  const candidates = yamlFiles(CORPUS).flatMap((file) =>
    parseManifests(readFileSync(file, 'utf8'), file).resources.filter(
      (resource) => kindOf(resource) !== undefined,
    ),
  );
  const step = Math.max(1, Math.floor(candidates.length / SAMPLE_SIZE));
  return candidates.filter((_, index) => index % step === 0).slice(0, SAMPLE_SIZE);
}

/** Kinko's own cases: hardened and loose pods, and the peers' known faults, in every kind. */
function ownCases(): KubeResource[] {
  const podSpecs = [
    `
        serviceAccountName: web
        containers:${hardenedContainer()}`,
    `
        hostNetwork: true
        volumes: [{ name: host, hostPath: { path: /var/run } }]
        containers:
          - name: web
            image: nginx:latest
            ports: [{ containerPort: 80, hostPort: 80 }]
            securityContext: { privileged: true, capabilities: { add: [SYS_ADMIN] } }`,
    `
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
        containers:
          - name: web
            image: nginx:1.27
            securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: [all] } }
        initContainers:
          - name: setup
            image: nginx:1.27
            securityContext: { runAsUser: 0, capabilities: { drop: [ALL], add: [NET_RAW] } }`,
  ];
  const annotated = `
        containers:
          - { name: web, image: nginx:1.27, securityContext: { privileged: true } }`;
  const texts = [
    ...podSpecs.map((spec) => workloadKindsYaml(spec)),
    workloadKindsYaml(annotated, "{ suppress.kinko.dev/no-privileged: 'node agent' }"),
    workloadKindsYaml(annotated, "{ suppress.kinko.dev/no-privileged: ' ' }"),
  ];
  return texts.flatMap((text) => parseManifests(text, 'own-cases.yaml').resources);
}

/** Create a ServiceAccount unless it exists: the controller manager creates `default` too. */
async function createServiceAccount(
  core: CoreV1Api,
  namespace: string,
  name: string,
): Promise<void> {
  try {
    await core.createNamespacedServiceAccount({ namespace, body: { metadata: { name } } });
  } catch (error) {
    if (!(error instanceof ApiException && error.code === 409)) throw error;
  }
}

interface Answer {
  status: number;
  body: string;
  warnings: string[];
}

/** Rule ids named `[rule-id]` in a text. */
function rulesIn(text: string): string[] {
  return [...text.matchAll(/\[([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\] /g)].map((match) => match[1] ?? '');
}

/**
 * Rules whose verdict at admission differs from `kinko check` because the apiserver changes the
 * object first, with the reason. The webhook and the policies see the same changed object.
 */
const DIFFER_BY_NATURE: Readonly<Record<string, string>> = {
  'no-host-port':
    'the apiserver sets hostPort to containerPort on a pod with hostNetwork: true before admission',
};

function usesHostNetwork(resource: KubeResource): boolean {
  const spec = recordAt(resource.body, 'spec');
  const podSpec =
    resource.kind === 'Pod'
      ? spec
      : resource.kind === 'CronJob'
        ? recordAt(recordAt(recordAt(recordAt(spec, 'jobTemplate'), 'spec'), 'template'), 'spec')
        : recordAt(recordAt(spec, 'template'), 'spec');
  return podSpec?.hostNetwork === true;
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

describe('exported ValidatingAdmissionPolicies on the real apiserver', () => {
  let bed: Testbed;
  let work: string;
  let child: ChildProcess | undefined;
  const platform = resolvePlatform(loadPlatformConfig(CONFIG));
  const fromPlatform = settingsFromPlatform(platform);
  const settings = {
    ...DEFAULT_SETTINGS,
    ...fromPlatform,
    allowedRegistries: [...fromPlatform.allowedRegistries, EXTRA_REGISTRY],
  };
  const registry = createAdmissionRegistry();
  // The policies come from the command, with the settings the webhook gets from its flags.
  const exportRun = spawnSync(
    process.execPath,
    [CLI, 'guard', 'export-policies', '--config', CONFIG, '--allowed-registry', EXTRA_REGISTRY],
    { encoding: 'utf8', env: { PATH: process.env.PATH, LANG: 'C' } },
  );
  const exported = parseAllDocuments(exportRun.stdout).map(
    (document) => document.toJSON() as AdmissionPolicyObject,
  );
  const celRules = new Set(celRulesOf(registry).map((rule) => rule.id));

  /** Sends `resource` as a dry-run create and returns the response with its warnings. */
  async function dryRunCreate(resource: KubeResource): Promise<Answer> {
    const kind = kindOf(resource);
    assert.ok(kind, `${resource.kind} is not a policy kind`);
    const prefix = kind.group === '' ? '/api/v1' : `/apis/${kind.group}/${kind.version}`;
    const scope = resource.namespace === undefined ? '' : `/namespaces/${resource.namespace}`;
    const url = new URL(`${bed.server}${prefix}${scope}/${kind.resource}?dryRun=All`);
    const options: RequestOptions = {
      host: url.hostname,
      port: url.port,
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    };
    await bed.kubeConfig.applyToHTTPSOptions(options);
    return new Promise((resolve, reject) => {
      const req = request(options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const warnings: string[] = [];
          for (let index = 0; index < res.rawHeaders.length; index += 2) {
            if (res.rawHeaders[index]?.toLowerCase() === 'warning') {
              warnings.push(res.rawHeaders[index + 1] ?? '');
            }
          }
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            warnings,
          });
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify(resource.body));
    });
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-vap-'));
    const authority = await CertificateAuthority.create(work, 'guard-ca');
    const serving = await authority.issue({
      stem: 'guard',
      commonName: '127.0.0.1',
      usage: 'server',
      ipAddresses: ['127.0.0.1'],
    });
    const ca = readFileSync(authority.certPath);
    child = spawn(
      process.execPath,
      [
        CLI,
        'guard',
        'serve',
        '--tls-cert',
        serving.certPath,
        '--tls-key',
        serving.keyPath,
        '--listen',
        '127.0.0.1:0',
        '--config',
        CONFIG,
        '--allowed-registry',
        EXTRA_REGISTRY,
      ],
      { env: { PATH: process.env.PATH, LANG: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    const port = await new Promise<number>((resolve, reject) => {
      let stderr = '';
      child?.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /https:\/\/127\.0\.0\.1:(\d+)\/validate/.exec(stderr);
        if (match !== null) resolve(Number(match[1]));
      });
      child?.once('exit', (code) => reject(new Error(`kinko guard exited ${code}: ${stderr}`)));
    });

    // The controller manager runs the controller that type-checks policies and fills their status.
    bed = await startTestbed({ controllerManager: true });
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    // Pod Security admission runs before the policies; `privileged` leaves every pod to them.
    for (const [name, role] of [
      [POLICY_NAMESPACE, 'policies'],
      [WEBHOOK_NAMESPACE, 'webhook'],
      [ENFORCED_NAMESPACE, 'enforced'],
    ] as const) {
      await core.createNamespace({
        body: {
          metadata: {
            name,
            labels: { 'pod-security.kubernetes.io/enforce': 'privileged', [DIFF_LABEL]: role },
          },
        },
      });
      await core.createNamespacedServiceAccount({
        namespace: name,
        body: { metadata: { name: 'web' } },
      });
      await createServiceAccount(core, name, 'default');
    }

    const admission = bed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
    for (const object of exported) {
      if (object.kind === 'ValidatingAdmissionPolicy') {
        await admission.createValidatingAdmissionPolicy({ body: object as never });
        continue;
      }
      // As exported, except in the differential namespaces.
      const spec = structuredClone(object.spec) as {
        matchResources: {
          namespaceSelector: { matchExpressions: unknown[] };
          objectSelector?: unknown;
        };
      };
      spec.matchResources.namespaceSelector.matchExpressions.push({
        key: DIFF_LABEL,
        operator: 'NotIn',
        values: ['policies', 'webhook'],
      });
      spec.matchResources.objectSelector = {
        matchExpressions: [{ key: DIFF_LABEL, operator: 'DoesNotExist' }],
      };
      await admission.createValidatingAdmissionPolicyBinding({
        body: { ...object, spec } as never,
      });
      // In the policies' namespace, every binding warns, so each failing rule is listed.
      await admission.createValidatingAdmissionPolicyBinding({
        body: {
          apiVersion: object.apiVersion,
          kind: object.kind,
          metadata: { name: `${object.metadata.name}-differential` },
          spec: {
            policyName: object.spec.policyName,
            validationActions: ['Warn'],
            matchResources: {
              namespaceSelector: { matchLabels: { [DIFF_LABEL]: 'policies' } },
              objectSelector: { matchLabels: { [DIFF_LABEL]: 'policies' } },
            },
          },
        } as never,
      });
    }

    const operations = ['CREATE', 'UPDATE'];
    await admission.createValidatingWebhookConfiguration({
      body: {
        metadata: { name: 'kinko-guard' },
        webhooks: [
          {
            name: WEBHOOK,
            admissionReviewVersions: ['v1'],
            sideEffects: 'None',
            failurePolicy: 'Fail',
            timeoutSeconds: 5,
            clientConfig: {
              url: `https://127.0.0.1:${port}/validate`,
              caBundle: ca.toString('base64'),
            },
            namespaceSelector: { matchLabels: { [DIFF_LABEL]: 'webhook' } },
            objectSelector: { matchLabels: { [DIFF_LABEL]: 'webhook' } },
            rules: KINDS.map((kind) => ({
              apiGroups: [kind.group],
              apiVersions: [kind.version],
              resources: [kind.resource],
              operations,
            })),
          },
        ],
      },
    });
  });

  after(async () => {
    if (child !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await bed?.stop();
    if (work !== undefined) rmSync(work, { recursive: true, force: true });
  });

  it('[S2][cli] export-policies prints the policies of its settings', () => {
    assert.equal(exportRun.status, 0, exportRun.stderr);
    assert.deepEqual(exported, buildValidatingAdmissionPolicies(settings));
  });

  it('[S2][apiserver] type-checks every exported policy without a warning', async () => {
    const admission = bed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
    const names = exported
      .filter((object) => object.kind === 'ValidatingAdmissionPolicy')
      .map((object) => object.metadata.name);
    const warnings: string[] = [];
    for (const name of names) {
      // The apiserver type-checks a new policy in the background and then records the result.
      for (let attempt = 0; ; attempt++) {
        const policy = await admission.readValidatingAdmissionPolicy({ name });
        const typeChecking = policy.status?.typeChecking;
        if (typeChecking !== undefined) {
          for (const entry of typeChecking.expressionWarnings ?? []) {
            warnings.push(`${name} ${entry.fieldRef}: ${entry.warning}`);
          }
          break;
        }
        if (attempt > 150) assert.fail(`policy ${name} was never type-checked`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    assert.equal(names.length, 13);
    assert.deepEqual(warnings, []);
  });

  it('[S1][apiserver] an exported binding denies a privileged pod with the rule id', async () => {
    const [pod] = parseManifests(
      workloadKindsYaml(`
        containers:
          - { name: web, image: nginx:1.27, securityContext: { privileged: true } }`),
      'probe.yaml',
    ).resources;
    assert.ok(pod);
    const body = structuredClone(pod.body) as Record<string, unknown>;
    const probe = toResource({
      ...body,
      metadata: { name: 'probe', namespace: ENFORCED_NAMESPACE },
    });
    assert.ok(probe);

    // A new binding takes effect within a moment; retry until the policy denies.
    let answer: Answer;
    for (let attempt = 0; ; attempt++) {
      answer = await dryRunCreate(probe);
      if (answer.status === 403) break;
      if (attempt > 150) assert.fail(`the policy never denied: ${answer.status} ${answer.body}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const message = (JSON.parse(answer.body) as { message: string }).message;
    assert.ok(
      message.startsWith(
        `pods "probe" is forbidden: ValidatingAdmissionPolicy 'kinko-pod-deny' with binding 'kinko-pod-deny' denied request: `,
      ),
      message,
    );
    // The apiserver names the first failing validation of a policy; run-as-non-root comes first.
    assert.deepEqual(rulesIn(message), ['run-as-non-root']);
  });

  it(
    '[S1][apiserver] check, webhook and policies agree on corpus objects and own cases',
    {
      skip: existsSync(CORPUS)
        ? false
        : `corpus ${CORPUS} is absent (it sits beside the repository)`,
    },
    async () => {
      const sources = [...corpusSample(), ...ownCases()];
      // Pods name their ServiceAccount; the apiserver rejects a pod whose account does not exist.
      const core = bed.kubeConfig.makeApiClient(CoreV1Api);
      const accounts = new Set<string>();
      for (const resource of sources) {
        const spec = recordAt(resource.body, 'spec');
        const podSpec =
          resource.kind === 'Pod'
            ? spec
            : recordAt(
                recordAt(
                  resource.kind === 'CronJob'
                    ? recordAt(recordAt(spec, 'jobTemplate'), 'spec')
                    : spec,
                  'template',
                ),
                'spec',
              );
        const name: unknown = podSpec?.serviceAccountName ?? podSpec?.serviceAccount;
        if (typeof name === 'string' && name !== '' && name !== 'default' && name !== 'web') {
          accounts.add(name);
        }
      }
      for (const name of accounts) {
        for (const namespace of [POLICY_NAMESPACE, WEBHOOK_NAMESPACE]) {
          await createServiceAccount(core, namespace, name);
        }
      }

      const disagreements: string[] = [];
      const rejectedBeforeAdmission: string[] = [];
      const differByNature: string[] = [];
      let compared = 0;
      let flagged = 0;
      for (const source of sources) {
        const label = `${source.source?.file ?? ''} ${source.kind} ${source.name}`;
        const forPolicies = placed(source, POLICY_NAMESPACE, 'policies');
        const forWebhook = placed(source, WEBHOOK_NAMESPACE, 'webhook');
        if (forPolicies === undefined || forWebhook === undefined) continue;

        const verdict = judgeObject(forPolicies, registry, settings);
        const byCheck = unique(
          [...verdict.denials, ...verdict.warnings]
            .map((entry) => entry.rule)
            .filter((rule) => celRules.has(rule)),
        );
        const byCheckDenials = unique(
          verdict.denials.map((entry) => entry.rule).filter((rule) => celRules.has(rule)),
        );

        const policyAnswer = await dryRunCreate(forPolicies);
        if (policyAnswer.status >= 300) {
          rejectedBeforeAdmission.push(
            `${label}: ${policyAnswer.status} ${policyAnswer.body.slice(0, 200)}`,
          );
          continue;
        }
        let byPolicies = unique(policyAnswer.warnings.flatMap(rulesIn));

        const webhookAnswer = await dryRunCreate(forWebhook);
        const webhookMessage =
          webhookAnswer.status >= 300
            ? ((JSON.parse(webhookAnswer.body) as { message?: string }).message ?? '')
            : '';
        if (webhookAnswer.status >= 300 && !webhookMessage.includes(DENIED_BY_WEBHOOK)) {
          rejectedBeforeAdmission.push(`${label}: webhook namespace ${webhookMessage}`);
          continue;
        }
        let byWebhook = unique(rulesIn(webhookMessage).filter((rule) => celRules.has(rule)));
        compared += 1;
        if (byPolicies.length > 0) flagged += 1;

        const hostPort = 'no-host-port';
        if (
          usesHostNetwork(source) &&
          !byCheck.includes(hostPort) &&
          (byPolicies.includes(hostPort) || byWebhook.includes(hostPort))
        ) {
          differByNature.push(`${label}: ${hostPort}: ${DIFFER_BY_NATURE[hostPort] ?? ''}`);
          byPolicies = byPolicies.filter((rule) => rule !== hostPort);
          byWebhook = byWebhook.filter((rule) => rule !== hostPort);
        }

        if (JSON.stringify(byCheck) !== JSON.stringify(byPolicies)) {
          disagreements.push(
            `${label}: check ${byCheck.join(',')} / policies ${byPolicies.join(',')}`,
          );
        }
        if (JSON.stringify(byCheckDenials) !== JSON.stringify(byWebhook)) {
          disagreements.push(
            `${label}: check ${byCheckDenials.join(',')} / webhook ${byWebhook.join(',')}`,
          );
        }
      }
      // Printed so the run shows which objects the apiserver rejected before admission.
      console.log(
        `compared ${compared} of ${sources.length}, ${flagged} breaking a rule; rejected before admission: ${JSON.stringify(rejectedBeforeAdmission, null, 1)}; differ by nature: ${JSON.stringify(differByNature, null, 1)}`,
      );
      for (const entry of differByNature) {
        assert.ok(
          Object.keys(DIFFER_BY_NATURE).some((rule) => entry.includes(`: ${rule}: `)),
          entry,
        );
      }
      assert.deepEqual(disagreements, []);
      assert.ok(compared >= 80, `only ${compared} objects reached admission`);
      // The sample must exercise the policies, not only admit compliant objects.
      assert.ok(flagged >= 40, `only ${flagged} objects broke a rule`);
    },
  );
});
