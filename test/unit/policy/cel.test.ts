import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { parse } from '@bufbuild/cel';

import { isAdmissionRule } from '../../../src/guard/rules.js';
import { t } from '../../../src/i18n/catalog.js';
import { evaluateCel } from '../../../src/policy/cel/evaluate.js';
import { buildValidatingAdmissionPolicies, celRulesOf } from '../../../src/policy/cel/export.js';
import { WORKLOAD_FAMILIES } from '../../../src/policy/cel/kinds.js';
import { RULES_WITHOUT_CEL } from '../../../src/policy/cel/without-cel.js';
import { parseManifests } from '../../../src/policy/input/parse.js';
import { EMPTY_INDEX } from '../../../src/policy/object-index.js';
import { createKinkoRegistry } from '../../../src/policy/pack.js';
import type { KubeResource } from '../../../src/policy/resource.js';
import type { RuleContext, RuleUnit } from '../../../src/policy/rule.js';
import { noPrivileged } from '../../../src/policy/rules/no-privileged.js';
import { workloadKindsYaml } from '../../support/workload-kinds.js';
import { decodable, disagreement, messageFalsehood, reachesPolicies } from './cel-agreement.js';
import { compliantDeployment, hardenedContainer, objects, TEST_SETTINGS } from './fixtures.js';

const CORPUS = '../shared/corpora/manifests';
const registry = createKinkoRegistry();
const context: RuleContext = {
  settings: {
    ...TEST_SETTINGS,
    allowedRegistries: [...TEST_SETTINGS.allowedRegistries, 'docker.io'],
  },
  index: EMPTY_INDEX,
  ruleIds: registry.ids(),
};

function yamlFiles(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .flatMap((entry) => {
      const path = join(folder, entry);
      if (statSync(path).isDirectory()) return yamlFiles(path);
      return /\.(ya?ml|json)$/.test(entry) ? [path] : [];
    });
}

/** Lists every disagreement between the checks and their CEL on `resources`, labelled by object. */
function disagreements(resources: readonly KubeResource[]): string[] {
  const found: string[] = [];
  for (const resource of resources) {
    for (const rule of registry.all()) {
      const difference = disagreement(rule, resource, context);
      if (difference === undefined) continue;
      const where = `${resource.source?.file ?? ''} ${resource.kind} ${resource.name}`;
      found.push(`${where}: ${JSON.stringify(difference)}`);
    }
  }
  return found;
}

describe('CEL form of the rules', () => {
  it('[S2][cel] every admission rule has CEL or a stated reason', () => {
    const admission = registry.all().filter(isAdmissionRule);
    const without = admission.filter((rule) => rule.cel === undefined).map((rule) => rule.id);
    assert.deepEqual(without.sort(), Object.keys(RULES_WITHOUT_CEL).sort());
    assert.equal(celRulesOf(registry).length, admission.length - without.length);
    assert.equal(celRulesOf(registry).length, 23);
  });

  it('[S2][cel] @bufbuild/cel parses every exported expression', () => {
    const policies = buildValidatingAdmissionPolicies(context.settings, registry).filter(
      (object) => object.kind === 'ValidatingAdmissionPolicy',
    );
    const expressions = policies.flatMap((policy) => {
      const spec = policy.spec as {
        variables: { expression: string }[];
        validations: { expression: string; messageExpression: string }[];
      };
      return [
        ...spec.variables.map((variable) => variable.expression),
        ...spec.validations.flatMap((entry) => [entry.expression, entry.messageExpression]),
      ];
    });
    assert.ok(expressions.length > 100);
    for (const expression of expressions) {
      assert.doesNotThrow(() => parse(expression), expression.slice(0, 200));
    }
  });

  it('[S1][cel] a wrong CEL form is caught', () => {
    const wrong: RuleUnit = {
      ...noPrivileged,
      cel: { target: { scope: 'pod' }, container: () => 'true' },
    };
    const [pod] = objects(`
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: web, image: nginx, securityContext: { privileged: true } }]
`);
    assert.ok(pod);
    assert.deepEqual(disagreement(wrong, pod, context), {
      rule: 'no-privileged',
      check: 'denied',
      cel: 'compliant',
    });
  });

  it('[S1][cel] agrees with the checks on every workload kind', () => {
    const hardened = `
        serviceAccountName: web
        containers:${hardenedContainer()}`;
    const loose = `
        hostNetwork: true
        volumes: [{ name: host, hostPath: { path: /var/run } }]
        containers:
          - name: web
            image: nginx:latest
            ports: [{ containerPort: 80, hostPort: 80 }]
            securityContext: { privileged: true, capabilities: { add: [SYS_ADMIN] } }`;
    const all = [...objects(workloadKindsYaml(hardened)), ...objects(workloadKindsYaml(loose))];
    assert.equal(all.length, 16);
    assert.ok(all.every(reachesPolicies));
    assert.deepEqual(disagreements(all), []);
  });

  it('[S1][cel] inherits the pod securityContext and reads init and ephemeral containers', () => {
    const cases = [
      `
        securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: RuntimeDefault } }
        containers:
          - { name: web, image: nginx:1.2, securityContext: { allowPrivilegeEscalation: false } }`,
      `
        securityContext: { runAsUser: 10001 }
        containers:
          - { name: web, image: nginx:1.2, securityContext: { runAsUser: 0 } }`,
      `
        securityContext: { runAsNonRoot: true, seccompProfile: { type: Unconfined } }
        containers:
          - { name: web, image: nginx:1.2, securityContext: { seccompProfile: { type: Localhost, localhostProfile: p.json } } }`,
      `
        containers:${hardenedContainer()}
        initContainers:
          - { name: setup, image: nginx:1.2, securityContext: { privileged: true } }
        ephemeralContainers:
          - { name: debug, image: busybox, securityContext: { capabilities: { drop: [all], add: [cap_net_bind_service] } } }`,
      `
        containers:
          - { name: web, image: nginx:1.2, securityContext: { capabilities: { drop: [" All "], add: [NET_RAW] } } }`,
    ];
    const all = cases.flatMap((podSpec) => objects(workloadKindsYaml(podSpec)));
    assert.deepEqual(disagreements(all), []);
  });

  it('[S2][cel] honours suppressions with a reason, on the object or its template', () => {
    const privileged = `
        containers:
          - { name: web, image: nginx:1.2, securityContext: { privileged: true } }`;
    const reasoned = objects(
      workloadKindsYaml(privileged, "{ suppress.kinko.dev/no-privileged: 'node agent' }"),
    );
    const blank = objects(
      workloadKindsYaml(privileged, "{ suppress.kinko.dev/no-privileged: '  ' }"),
    );
    const unknown = objects(
      workloadKindsYaml(privileged, "{ suppress.kinko.dev/no-such-rule: 'typo' }"),
    );
    assert.deepEqual(disagreements([...reasoned, ...blank, ...unknown]), []);

    const rule = registry.get('no-privileged');
    assert.ok(rule?.cel);
    const deployment = reasoned.find((resource) => resource.kind === 'Deployment');
    assert.ok(deployment);
    assert.equal(
      evaluateCel({ id: rule.id, cel: rule.cel }, deployment, context).status,
      'compliant',
    );
  });

  it('[S1][cel] agrees with the checks on the compliant fixture of every replicated kind', () => {
    const kinds = ['Deployment', 'StatefulSet', 'ReplicaSet', 'Rollout'];
    const all = kinds.flatMap((kind) => objects(compliantDeployment(undefined, kind)));
    assert.deepEqual(disagreements(all), []);
  });

  it('[S1][cel] message names the rule and each failing container', () => {
    const rule = registry.get('no-privileged');
    assert.ok(rule?.cel);
    const [pod] = objects(`
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers: [{ name: web, image: nginx, securityContext: { privileged: true } }]
  initContainers: [{ name: setup, image: nginx, securityContext: { privileged: true } }]
`);
    assert.ok(pod);
    const verdict = evaluateCel({ id: rule.id, cel: rule.cel }, pod, context);
    assert.equal(verdict.status, 'non-compliant');
    assert.equal(
      verdict.status === 'non-compliant' ? verdict.message : '',
      `[no-privileged] ${t('policy.no-privileged.message', { container: 'containers "web", initContainers "setup"' }, 'en')}`,
    );
  });

  it('[S1][cel] a rule with variants denies with its title, true for every variant', () => {
    const rule = registry.get('drop-all-capabilities');
    assert.ok(rule?.cel);
    const [pod] = objects(`
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
    - name: web
      image: nginx
      securityContext: { capabilities: { drop: [ALL], add: [SYS_ADMIN] } }
`);
    assert.ok(pod);
    const verdict = evaluateCel({ ...rule, cel: rule.cel }, pod, context);
    assert.equal(
      verdict.status === 'non-compliant' ? verdict.message : verdict.status,
      '[drop-all-capabilities] Containers drop all capabilities: not met by containers "web". kinko check names the cause.',
    );
    // The main message states that ALL is not dropped, which is false for this pod.
    const main = `[drop-all-capabilities] ${t('policy.drop-all-capabilities.message', { container: 'containers "web"' }, 'en')}`;
    assert.equal(messageFalsehood(rule, pod, context, main), main);
  });

  it('[S1][cel] message without CEL parameter has no gap', () => {
    const rule = registry.get('no-rbac-wildcards');
    assert.ok(rule?.cel);
    const [role] = objects(`
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata: { name: r, namespace: a }
rules:
  - { apiGroups: [''], resources: [pods], verbs: [get] }
  - { apiGroups: [''], resources: ['*'], verbs: [get] }
`);
    assert.ok(role);
    const verdict = evaluateCel({ ...rule, cel: rule.cel }, role, context);
    assert.equal(
      verdict.status === 'non-compliant' ? verdict.message : verdict.status,
      '[no-rbac-wildcards] Roles name their verbs and resources: not met. kinko check names the cause.',
    );
    assert.equal(
      messageFalsehood(
        rule,
        role,
        context,
        '[no-rbac-wildcards] rules[]. contains a wildcard, which also grants what later versions and CRDs add.',
      ),
      '[no-rbac-wildcards] rules[]. contains a wildcard, which also grants what later versions and CRDs add.',
    );
  });

  it(
    '[S1][cel] agrees with the checks on every corpus object',
    { skip: existsSync(CORPUS) ? false : `corpus ${CORPUS} is absent` },
    () => {
      const resources = yamlFiles(CORPUS).flatMap(
        (file) => parseManifests(readFileSync(file, 'utf8'), file).resources,
      );
      const reaching = resources.filter(reachesPolicies);
      const undecodable = reaching.filter((resource) => !decodable(resource));
      // Printed: the apiserver rejects these before admission, so only kinko check judges them.
      console.log(
        `not decodable by the apiserver: ${undecodable.map((r) => `${r.source?.file ?? ''} ${r.kind} ${r.name}`).join('; ')}`,
      );
      assert.ok(reaching.length > 500, `only ${reaching.length} corpus objects reach a policy`);
      const kinds = new Set(reaching.map((resource) => resource.kind));
      console.log(
        `corpus objects reaching a policy: ${reaching.length}, kinds: ${[...kinds].sort().join(', ')}`,
      );
      for (const family of WORKLOAD_FAMILIES.filter((entry) => entry.id !== 'replicated')) {
        assert.ok(
          family.kinds.some((kind) => kinds.has(kind.kind)),
          family.id,
        );
      }
      assert.deepEqual(disagreements(reaching.filter(decodable)), []);
    },
  );
});
