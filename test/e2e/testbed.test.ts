// Smoke tests of the real-component test bed: each component comes up, does its job and is gone
// after stop(). A cold cache builds Kubernetes from source first (see testbed/README.md).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  AdmissionregistrationV1Api,
  ApiException,
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  PolicyV1Api,
  type KubeConfig,
  type V1Deployment,
  type V1Pod,
} from '@kubernetes/client-node';

import {
  awsEnvironment,
  cfnLintPath,
  startTestbed,
  TESTBED_ZONES,
  type Testbed,
} from '../support/testbed/index.js';
import { ComponentStartError, ManagedProcess } from '../support/testbed/process.js';
import { waitFor } from '../support/testbed/wait.js';

const execFileAsync = promisify(execFile);

/** Time a test gets once the bed is up: scheduling and kwok's stages take seconds. */
const TEST_TIMEOUT_MS = 120_000;

/** Labels that make a namespace enforce the Pod Security "restricted" profile. */
const RESTRICTED_NAMESPACE_LABELS = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'latest',
};

/** Return a Deployment that passes Pod Security "restricted" and spreads its pods over zones. */
function restrictedDeployment(name: string, replicas: number): V1Deployment {
  const labels = { app: name };
  return {
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 10001,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          topologySpreadConstraints: [
            {
              maxSkew: 1,
              topologyKey: 'topology.kubernetes.io/zone',
              whenUnsatisfiable: 'DoNotSchedule',
              labelSelector: { matchLabels: labels },
            },
          ],
          containers: [
            {
              name: 'app',
              // kwok simulates the kubelet, so no image is ever pulled.
              image: 'registry.invalid/kinko/testbed-app:1.0',
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  };
}

function isReady(pod: V1Pod): boolean {
  return (
    pod.status?.conditions?.some(
      (condition) => condition.type === 'Ready' && condition.status === 'True',
    ) ?? false
  );
}

/** Wait until a Deployment reports `replicas` ready pods, and return its pods. */
async function waitForReadyPods(
  kubeConfig: KubeConfig,
  namespace: string,
  name: string,
  replicas: number,
): Promise<V1Pod[]> {
  const apps = kubeConfig.makeApiClient(AppsV1Api);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  return waitFor(
    async () => {
      const deployment = await apps.readNamespacedDeployment({ name, namespace });
      if (deployment.status?.readyReplicas !== replicas) {
        return undefined;
      }
      const pods = await core.listNamespacedPod({ namespace, labelSelector: `app=${name}` });
      const live = pods.items.filter((pod) => pod.metadata?.deletionTimestamp === undefined);
      return live.length === replicas && live.every(isReady) ? live : undefined;
    },
    {
      description: `${replicas} ready pods of deployment ${namespace}/${name}`,
      timeoutMs: 90_000,
      intervalMs: 500,
    },
  );
}

/** Return the HTTP status of a failed API call, or rethrow anything else. */
async function statusOfRejection(call: Promise<unknown>): Promise<number> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiException) {
      return error.code;
    }
    throw error;
  }
  assert.fail('the API server accepted a request that the test expects it to reject');
}

describe('[testbed] full bed: control plane, three kwok nodes, moto', () => {
  let testbed: Testbed;
  let core: CoreV1Api;

  before(async () => {
    testbed = await startTestbed({
      scheduler: true,
      controllerManager: true,
      kwokNodes: 3,
      moto: true,
    });
    core = testbed.kubeConfig.makeApiClient(CoreV1Api);
  });

  after(async () => {
    await testbed?.stop();
  });

  it(
    '[testbed][apiserver] lists namespaces with the admin kubeconfig',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const namespaces = await core.listNamespace();

      const names = namespaces.items.map((namespace) => namespace.metadata?.name);
      assert.ok(names.includes('default'), `namespaces: ${names.join(', ')}`);
      assert.ok(names.includes('kube-system'), `namespaces: ${names.join(', ')}`);
    },
  );

  it('[testbed][apiserver] serves only on 127.0.0.1', () => {
    assert.match(testbed.server, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.match(testbed.awsEndpoint ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it(
    '[testbed][kwok] one Ready node per zone with a unique hostname',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const nodes = await core.listNode();

      const zones = nodes.items
        .map((node) => node.metadata?.labels?.['topology.kubernetes.io/zone'])
        .sort();
      assert.deepEqual(zones, [...TESTBED_ZONES].sort());
      const hostnames = new Set(
        nodes.items.map((node) => node.metadata?.labels?.['kubernetes.io/hostname']),
      );
      assert.equal(hostnames.size, 3);
      for (const node of nodes.items) {
        const ready = node.status?.conditions?.find((condition) => condition.type === 'Ready');
        assert.equal(
          ready?.status,
          'True',
          `node ${node.metadata?.name} Ready condition: ${JSON.stringify(ready)}`,
        );
      }
    },
  );

  it(
    '[testbed][scheduler] deployment pods become Ready, one per zone',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const namespace = 'smoke-deploy';
      await core.createNamespace({
        body: { metadata: { name: namespace, labels: RESTRICTED_NAMESPACE_LABELS } },
      });

      await testbed.kubeConfig
        .makeApiClient(AppsV1Api)
        .createNamespacedDeployment({ namespace, body: restrictedDeployment('web', 3) });
      const pods = await waitForReadyPods(testbed.kubeConfig, namespace, 'web', 3);

      const nodes = await core.listNode();
      const zoneOfNode = new Map(
        nodes.items.map((node) => [
          node.metadata?.name,
          node.metadata?.labels?.['topology.kubernetes.io/zone'],
        ]),
      );
      const zones = pods.map((pod) => zoneOfNode.get(pod.spec?.nodeName)).sort();
      assert.deepEqual(zones, [...TESTBED_ZONES].sort());
    },
  );

  it(
    '[testbed][controller-manager] eviction honours PodDisruptionBudgets',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const namespace = 'smoke-evict';
      await core.createNamespace({
        body: { metadata: { name: namespace, labels: RESTRICTED_NAMESPACE_LABELS } },
      });
      const apps = testbed.kubeConfig.makeApiClient(AppsV1Api);
      const policy = testbed.kubeConfig.makeApiClient(PolicyV1Api);
      await apps.createNamespacedDeployment({ namespace, body: restrictedDeployment('spare', 3) });
      await apps.createNamespacedDeployment({ namespace, body: restrictedDeployment('pinned', 3) });
      await policy.createNamespacedPodDisruptionBudget({
        namespace,
        body: {
          metadata: { name: 'spare' },
          spec: { minAvailable: 2, selector: { matchLabels: { app: 'spare' } } },
        },
      });
      await policy.createNamespacedPodDisruptionBudget({
        namespace,
        body: {
          metadata: { name: 'pinned' },
          spec: { maxUnavailable: 0, selector: { matchLabels: { app: 'pinned' } } },
        },
      });
      const [spareVictim] = await waitForReadyPods(testbed.kubeConfig, namespace, 'spare', 3);
      const [pinnedVictim] = await waitForReadyPods(testbed.kubeConfig, namespace, 'pinned', 3);
      await waitFor(
        async () => {
          const spare = await policy.readNamespacedPodDisruptionBudget({
            name: 'spare',
            namespace,
          });
          const pinned = await policy.readNamespacedPodDisruptionBudget({
            name: 'pinned',
            namespace,
          });
          return spare.status?.disruptionsAllowed === 1 && pinned.status?.currentHealthy === 3
            ? true
            : undefined;
        },
        {
          description: 'the disruption controller to compute both budgets',
          timeoutMs: 60_000,
          intervalMs: 500,
        },
      );

      const spareName = spareVictim?.metadata?.name ?? '';
      await core.createNamespacedPodEviction({
        name: spareName,
        namespace,
        body: { metadata: { name: spareName, namespace } },
      });
      const pinnedName = pinnedVictim?.metadata?.name ?? '';
      const pinnedStatus = await statusOfRejection(
        core.createNamespacedPodEviction({
          name: pinnedName,
          namespace,
          body: { metadata: { name: pinnedName, namespace } },
        }),
      );

      assert.equal(pinnedStatus, 429);
      await waitFor(
        async () => {
          const pods = await core.listNamespacedPod({
            namespace,
            fieldSelector: `metadata.name=${spareName}`,
          });
          return pods.items.length === 0 ? true : undefined;
        },
        {
          description: `evicted pod ${namespace}/${spareName} to be deleted`,
          timeoutMs: 60_000,
          intervalMs: 500,
        },
      );
    },
  );

  it(
    '[testbed][apiserver] audit log records the eviction with its request',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const lines = readFileSync(testbed.auditLogPath, 'utf8').trim().split('\n');
      const events = lines.map(
        (line) =>
          JSON.parse(line) as {
            verb: string;
            objectRef?: { subresource?: string; namespace?: string };
            requestObject?: unknown;
            responseStatus?: { code: number };
          },
      );

      assert.ok(events.length > 10, `audit log has ${events.length} events`);
      const evictions = events.filter(
        (event) =>
          event.objectRef?.subresource === 'eviction' &&
          event.objectRef.namespace === 'smoke-evict',
      );
      assert.deepEqual(evictions.map((event) => event.responseStatus?.code).sort(), [201, 429]);
      assert.ok(
        evictions.every((event) => event.requestObject !== undefined),
        'evictions are logged at RequestResponse level',
      );
    },
  );

  it(
    '[testbed][apiserver] PodSecurity rejects a privileged pod in a restricted namespace',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const namespace = 'smoke-psa';
      await core.createNamespace({
        body: { metadata: { name: namespace, labels: RESTRICTED_NAMESPACE_LABELS } },
      });

      const status = await statusOfRejection(
        core.createNamespacedPod({
          namespace,
          body: {
            metadata: { name: 'privileged' },
            spec: {
              containers: [
                {
                  name: 'app',
                  image: 'registry.invalid/app:1',
                  securityContext: { privileged: true },
                },
              ],
            },
          },
        }),
      );

      assert.equal(status, 403);
    },
  );

  it(
    '[testbed][apiserver] ValidatingAdmissionPolicy denies a matching object',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const admission = testbed.kubeConfig.makeApiClient(AdmissionregistrationV1Api);
      await admission.createValidatingAdmissionPolicy({
        body: {
          metadata: { name: 'smoke-deny-labelled-configmaps' },
          spec: {
            failurePolicy: 'Fail',
            matchConstraints: {
              resourceRules: [
                {
                  apiGroups: [''],
                  apiVersions: ['v1'],
                  operations: ['CREATE'],
                  resources: ['configmaps'],
                },
              ],
            },
            validations: [
              {
                expression:
                  "!has(object.metadata.labels) || !('smoke-deny' in object.metadata.labels)",
                message: 'smoke-deny label present',
              },
            ],
          },
        },
      });
      await admission.createValidatingAdmissionPolicyBinding({
        body: {
          metadata: { name: 'smoke-deny-labelled-configmaps' },
          spec: { policyName: 'smoke-deny-labelled-configmaps', validationActions: ['Deny'] },
        },
      });

      // The policy takes effect once the API server's informer has seen the binding, within seconds.
      const status = await waitFor(
        async () => {
          const code = await statusOfRejection(
            core.createNamespacedConfigMap({
              namespace: 'default',
              body: { metadata: { generateName: 'smoke-', labels: { 'smoke-deny': 'yes' } } },
            }),
          ).catch(() => undefined);
          return code;
        },
        {
          description: 'the ValidatingAdmissionPolicy to deny a labelled ConfigMap',
          timeoutMs: 30_000,
          intervalMs: 500,
        },
      );

      assert.equal(status, 422);
    },
  );

  it(
    '[testbed][apiserver] RBAC denies a user without bindings',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const outsider = await testbed.kubeConfigFor('smoke-outsider', ['smoke:outsiders']);

      const status = await statusOfRejection(
        outsider.makeApiClient(CoreV1Api).listNamespacedSecret({ namespace: 'default' }),
      );

      assert.equal(status, 403);
    },
  );

  it(
    '[testbed][crds] a SecretProviderClass and a Rollout can be created',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const custom = testbed.kubeConfig.makeApiClient(CustomObjectsApi);
      assert.ok(
        testbed.crdNames.includes('secretproviderclasses.secrets-store.csi.x-k8s.io'),
        testbed.crdNames.join(', '),
      );
      assert.ok(testbed.crdNames.includes('applications.argoproj.io'), testbed.crdNames.join(', '));
      assert.ok(
        testbed.crdNames.includes('virtualservers.k8s.nginx.org'),
        testbed.crdNames.join(', '),
      );

      await custom.createNamespacedCustomObject({
        group: 'secrets-store.csi.x-k8s.io',
        version: 'v1',
        namespace: 'default',
        plural: 'secretproviderclasses',
        body: {
          apiVersion: 'secrets-store.csi.x-k8s.io/v1',
          kind: 'SecretProviderClass',
          metadata: { name: 'smoke' },
          spec: {
            provider: 'aws',
            parameters: { objects: '- objectName: "smoke/db"\n  objectType: "secretsmanager"\n' },
          },
        },
      });
      const rollout = restrictedDeployment('smoke-rollout', 1);
      await custom.createNamespacedCustomObject({
        group: 'argoproj.io',
        version: 'v1alpha1',
        namespace: 'default',
        plural: 'rollouts',
        body: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Rollout',
          metadata: { name: 'smoke' },
          spec: {
            ...rollout.spec,
            strategy: { blueGreen: { activeService: 'smoke-active', autoPromotionEnabled: false } },
          },
        },
      });
    },
  );

  it(
    '[testbed][moto] answers an SQS CreateQueue and ListQueues call',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const endpoint = testbed.awsEndpoint ?? assert.fail('moto endpoint missing');
      const call = async (action: string, parameters: Record<string, string>): Promise<string> => {
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            // moto reads the region and service from the credential scope of the SigV4 header and does not verify the signature.
            authorization:
              'AWS4-HMAC-SHA256 Credential=testing/20261204/ap-northeast-1/sqs/aws4_request, SignedHeaders=host, Signature=0',
          },
          body: new URLSearchParams({
            Action: action,
            Version: '2012-11-05',
            ...parameters,
          }).toString(),
        });
        assert.equal(response.status, 200, `${action}: ${await response.clone().text()}`);
        return response.text();
      };

      await call('CreateQueue', { QueueName: 'smoke-queue' });
      const listing = await call('ListQueues', {});

      assert.match(listing, /<QueueUrl>[^<]*\/smoke-queue<\/QueueUrl>/);
    },
  );
});

describe('[testbed] cfn-lint', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'kinko-cfn-lint-'));
  });

  after(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('[testbed][cfn-lint] passes a valid template', { timeout: 600_000 }, async () => {
    const template = join(folder, 'valid.yaml');
    writeFileSync(
      template,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      MessageRetentionPeriod: 345600\n',
    );

    const { stdout } = await execFileAsync(
      await cfnLintPath(),
      ['--regions', 'ap-northeast-1', '--', template],
      { env: { ...process.env, ...awsEnvironment() } },
    );

    assert.equal(stdout, '');
  });

  it('[testbed][cfn-lint] reports an unknown resource type', { timeout: 600_000 }, async () => {
    const template = join(folder, 'invalid.yaml');
    writeFileSync(
      template,
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Queue:\n    Type: AWS::SQS::Queues\n',
    );

    const failure = await execFileAsync(
      await cfnLintPath(),
      ['--regions', 'ap-northeast-1', '--', template],
      { env: { ...process.env, ...awsEnvironment() } },
    ).then(
      () => assert.fail('cfn-lint accepted an unknown resource type'),
      (error: { code?: number; stdout?: string }) => error,
    );

    assert.equal(failure.code, 2, 'cfn-lint exits with 2 when it finds an error');
    assert.match(failure.stdout ?? '', /E3006/);
  });
});

describe('[testbed] stop', () => {
  it('[testbed][stop] leaves no process and no state folder', { timeout: 600_000 }, async () => {
    const testbed = await startTestbed({ crds: false });
    const pids = testbed.components.map((component) => component.pid);

    await testbed.stop();

    assert.equal(existsSync(testbed.stateDir), false, `${testbed.stateDir} still exists`);
    for (const pid of pids) {
      assert.throws(
        () => process.kill(pid, 0),
        { code: 'ESRCH' },
        `process ${pid} is still running`,
      );
    }
  });
});

describe('[testbed] start failure', () => {
  it('[testbed][process] start error quotes the component log', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kinko-process-'));
    const failing = new ManagedProcess({
      name: 'failing-component',
      command: 'sh',
      args: ['-c', 'echo "bind: address already in use" >&2; exit 3'],
      logPath: join(folder, 'failing-component.log'),
    });
    await failing.exited;

    const error = await failing.abortStart(failing.describeExit());
    rmSync(folder, { recursive: true, force: true });

    assert.ok(error instanceof ComponentStartError);
    assert.equal(error.component, 'failing-component');
    assert.match(
      error.message,
      /^testbed: failing-component failed to start: exited with code 3\n/,
    );
    assert.match(error.message, /bind: address already in use/);
  });
});
