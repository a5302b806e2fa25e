import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';
import { parseDocument } from 'yaml';

import { applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';
import { waitFor } from '../support/testbed/wait.js';

const CLI = 'dist/src/cli/main.js';
const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const COLOUR = 'kinko.dev/colour';
const ROLLOUT = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  namespace: 'b',
  plural: 'rollouts',
  name: 'trade',
};
const VIRTUAL_SERVER = {
  group: 'k8s.nginx.org',
  version: 'v1',
  namespace: 'a',
  plural: 'virtualservers',
  name: 'a',
};
/** Steps where the change pauses when KINKO_FAULT_PAUSE_BEFORE names them. */
const STEPS = ['plan', 'health', 'confirm', 'journal', 'apply', 'verify', 'done'] as const;

interface JournalLine {
  readonly id: string;
  readonly operation: string;
  readonly system: string;
  readonly app?: string;
  readonly status: string;
  readonly who: string;
  readonly old: Record<string, string>;
  readonly new: Record<string, string>;
}

interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

interface RolloutBody {
  readonly spec: {
    readonly template: { metadata: { labels: Record<string, string> }; spec: V1Pod['spec'] };
  };
  readonly status?: {
    readonly abort?: boolean;
    readonly pauseConditions?: unknown[];
    readonly currentPodHash?: string;
    readonly stableRS?: string;
  };
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

describe('application blue/green on the apiserver', () => {
  let testbed: Testbed;
  let core: CoreV1Api;
  let apps: AppsV1Api;
  let custom: CustomObjectsApi;
  let work: string;
  let config: string;
  /** The same platform with one cluster and no edge ALB, so `kinko status` reads no AWS API. */
  let configWithoutEdge: string;
  let journal: string;
  let smokeServer: Server;
  let previewUrl: string;
  /** HTTP status the stand-in preview returns on /healthz. */
  let previewStatus = 200;

  function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      AWS_EC2_METADATA_DISABLED: 'true',
      KINKO_JOURNAL: journal,
      KINKO_OPERATOR: 'e2e-operator',
      ...env,
    };
  }

  function commonArgs(configFile = config): string[] {
    return ['--config', configFile, '--kubeconfig', testbed.kubeconfigPath];
  }

  /**
   * Runs the CLI to its end. It runs asynchronously, because the stand-in preview server in this
   * process must respond to the CLI's smoke check meanwhile.
   */
  function kinko(
    args: string[],
    env: NodeJS.ProcessEnv = {},
    configFile = config,
  ): Promise<CliResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args, ...commonArgs(configFile)], {
        env: cliEnv(env),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });
  }

  /** Runs the CLI until it pauses before `step`, then kills it with SIGKILL and returns the signal. */
  function killBefore(args: string[], step: string): Promise<NodeJS.Signals | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args, ...commonArgs()], {
        env: cliEnv({ KINKO_FAULT_PAUSE_BEFORE: step }),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes(`paused before ${step}`)) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (signal === null) {
          reject(new Error(`exited with ${code ?? ''} before pausing: ${stderr}`));
        } else {
          resolve(signal);
        }
      });
    });
  }

  function journalLines(): JournalLine[] {
    return readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as JournalLine);
  }

  /** Colours the Services of web select: `live/preview`. */
  async function webColours(): Promise<string> {
    const live = await core.readNamespacedService({ name: 'web', namespace: 'a' });
    const preview = await core.readNamespacedService({ name: 'web-preview', namespace: 'a' });
    return `${live.spec?.selector?.[COLOUR] ?? '-'}/${preview.spec?.selector?.[COLOUR] ?? '-'}`;
  }

  /** Upstream the route of api passes to. */
  async function apiPass(): Promise<string> {
    const body = (await custom.getNamespacedCustomObject(VIRTUAL_SERVER)) as {
      spec: { routes: Array<{ path: string; action: { pass: string } }> };
    };
    return body.spec.routes.find((route) => route.path === '/api')?.action.pass ?? '-';
  }

  async function rollout(): Promise<RolloutBody> {
    return (await custom.getNamespacedCustomObject(ROLLOUT)) as RolloutBody;
  }

  /** Writes what the Argo Rollouts controller would report, since the test bed runs none. */
  async function setRolloutStatus(status: Record<string, unknown>): Promise<void> {
    await custom.patchNamespacedCustomObjectStatus({ ...ROLLOUT, body: { status } }, MERGE_PATCH);
  }

  const paused = () => [{ reason: 'BlueGreenPause', startTime: new Date().toISOString() }];

  async function readyPods(namespace: string, selector: string): Promise<number> {
    const pods = await core.listNamespacedPod({ namespace, labelSelector: selector });
    return pods.items.filter((pod) => isReady(pod) && pod.metadata?.deletionTimestamp === undefined)
      .length;
  }

  async function waitReady(namespace: string, selector: string, count: number): Promise<void> {
    await waitFor(
      async () => ((await readyPods(namespace, selector)) === count ? true : undefined),
      { description: `${count} Ready pods for ${selector}`, timeoutMs: 120_000 },
    );
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-switch-app-'));
    journal = join(work, 'journal.jsonl');

    // The example, with one app per method and two replicas each, so three kwok nodes hold
    // both colours of every app.
    const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    document.setIn(
      ['systems', 0, 'apps', 0, 'blueGreen'],
      document.createNode({
        method: 'service',
        previewImage: { tag: '1.5.0' },
        smokeCheck: { path: '/healthz', expectStatus: 200, timeoutSeconds: 5 },
      }),
    );
    document.setIn(
      ['systems', 0, 'apps', 1, 'blueGreen'],
      document.createNode({ method: 'upstream' }),
    );
    document.setIn(
      ['systems', 1, 'apps', 0, 'blueGreen'],
      document.createNode({ method: 'rollout' }),
    );
    for (const [system, app] of [
      [0, 0],
      [0, 1],
      [1, 0],
    ]) {
      document.setIn(['systems', system, 'apps', app, 'replicas'], 2);
    }
    config = join(work, 'platform.yaml');
    writeFileSync(config, document.toString());
    document.delete('edge');
    document.deleteIn(['regions', 'dr']);
    document.deleteIn(['clusters', 1]);
    configWithoutEdge = join(work, 'platform-without-edge.yaml');
    writeFileSync(configWithoutEdge, document.toString());
    synth({ configFile: config, outDir: join(work, 'out') });

    smokeServer = createServer((request, response) => {
      response.statusCode = request.url === '/healthz' ? previewStatus : 404;
      response.end();
    });
    await new Promise<void>((resolve) => smokeServer.listen(0, '127.0.0.1', resolve));
    previewUrl = `http://127.0.0.1:${(smokeServer.address() as AddressInfo).port}`;

    // moto serves the edge lookups of `kinko status` and has no edge ALB.
    testbed = await startTestbed({
      scheduler: true,
      controllerManager: true,
      kwokNodes: 3,
      moto: true,
    });
    core = testbed.kubeConfig.makeApiClient(CoreV1Api);
    apps = testbed.kubeConfig.makeApiClient(AppsV1Api);
    custom = testbed.kubeConfig.makeApiClient(CustomObjectsApi);

    const clusterDir = clusterManifestDir(join(work, 'out'), 'kinko-demo-blue');
    for (const namespace of ['a', 'b']) {
      await applyManifests({
        kubeConfig: testbed.kubeConfig,
        objects: readManifestSet(join(clusterDir, namespace)),
        dryRun: false,
        prune: false,
      });
    }

    // What the Argo Rollouts controller would do for a new revision: pods for the stable and
    // the new revision, and a status paused before promotion.
    const template = (await rollout()).spec.template;
    for (const revision of ['rev1', 'rev2']) {
      for (let index = 0; index < 2; index += 1) {
        await core.createNamespacedPod({
          namespace: 'b',
          body: {
            metadata: {
              name: `trade-${revision}-${index}`,
              labels: { ...template.metadata.labels, 'rollouts-pod-template-hash': revision },
            },
            spec: template.spec,
          },
        });
      }
    }
    await setRolloutStatus({ stableRS: 'rev1', currentPodHash: 'rev2', pauseConditions: paused() });

    for (const name of ['web-blue', 'web-green', 'api-blue', 'api-green']) {
      await waitReady(
        'a',
        `${COLOUR}=${name.split('-')[1] ?? ''},app.kubernetes.io/name=${name.split('-')[0] ?? ''}`,
        2,
      );
    }
    await waitReady('b', 'app.kubernetes.io/name=trade', 4);
  });

  after(async () => {
    smokeServer?.close();
    await testbed?.stop();
  });

  it('[R3][apiserver] synthesized apps start on their declared colours', async () => {
    assert.equal(await webColours(), 'blue/green');
    assert.equal(await apiPass(), 'api-blue');
    const web = await apps.readNamespacedDeployment({ name: 'web-green', namespace: 'a' });
    assert.match(web.spec?.template.spec?.containers[0]?.image ?? '', /:1\.5\.0$/);
    assert.equal((await rollout()).status?.currentPodHash, 'rev2');
  });

  it('[R3][apiserver] dry run changes nothing', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--preview-url',
      previewUrl,
      '--dry-run',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(
      result.stdout,
      /plan: system a: web: live blue, preview green → web: live green, preview blue/,
    );
    assert.match(result.stdout, /dry run: system a left unchanged/);
    assert.equal(await webColours(), 'blue/green');
    const dryRunPatches = readFileSync(testbed.auditLogPath, 'utf8')
      .split('\n')
      .filter((line) => line.includes('"verb":"patch"') && line.includes('dryRun=All'))
      .filter((line) => line.includes('/namespaces/a/services/web'));
    assert.ok(dryRunPatches.length >= 2, 'the audit log shows server-side dry-run patches');
  });

  it('[R3][apiserver] missing preview URL is rejected', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--yes',
    ]);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_APP_SMOKE_INVALID/);
    assert.match(result.stderr, /port-forward svc\/web-preview 8080:8080/);
    assert.equal(await webColours(), 'blue/green');
  });

  it('[R3][apiserver] failed smoke check is rejected', async () => {
    previewStatus = 503;
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--preview-url',
      previewUrl,
      '--yes',
    ]);
    previewStatus = 200;

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_APP_SMOKE_FAILED/);
    assert.match(result.stderr, /expected 200, got HTTP 503/);
    assert.equal(await webColours(), 'blue/green');
  });

  it('[R3][apiserver] service switch moves web only', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--preview-url',
      previewUrl,
      '--yes',
      '-o',
      'json',
    ]);

    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as {
      status: string;
      app: string;
      old: unknown;
      new: unknown;
    };
    assert.equal(output.status, 'changed');
    assert.equal(output.app, 'web');
    assert.deepEqual(output.old, { live: 'blue', preview: 'green' });
    assert.deepEqual(output.new, { live: 'green', preview: 'blue' });
    assert.equal(await webColours(), 'green/blue');
    assert.equal(await apiPass(), 'api-blue');
    const last = journalLines().slice(-2);
    assert.deepEqual(
      last.map((line) => [line.operation, line.system, line.app, line.status, line.who]),
      [
        ['switch-app', 'a', 'web', 'started', 'e2e-operator'],
        ['switch-app', 'a', 'web', 'completed', 'e2e-operator'],
      ],
    );
    assert.deepEqual(last[1]?.new, { live: 'green', preview: 'blue' });
  });

  it('[R3][apiserver] second switch is unchanged', async () => {
    const before = journalLines().length;
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--yes',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /system a is already web: live green, preview blue; nothing to do/);
    assert.equal(journalLines().length, before);
  });

  it('[R3][apiserver] upstream switch moves api only', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'api',
      '--to',
      'green',
      '--yes',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(await apiPass(), 'api-green');
    assert.equal(await webColours(), 'green/blue');
    const last = journalLines().at(-1);
    assert.deepEqual([last?.app, last?.status], ['api', 'completed']);
    assert.deepEqual(last?.old, { live: 'blue' });
  });

  it('[R3][apiserver] rollback returns web to blue', async () => {
    const result = await kinko(['rollback', 'app', '--system', 'a', '--app', 'web', '--yes']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal(await webColours(), 'blue/green');
    assert.equal(await apiPass(), 'api-green');
    const last = journalLines().at(-1);
    assert.deepEqual(
      [last?.operation, last?.app, last?.status],
      ['rollback-app', 'web', 'completed'],
    );
    const again = await kinko(['rollback', 'app', '--system', 'a', '--app', 'web', '--yes']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already/);
  });

  it('[R3][apiserver] two apps switch independently', async () => {
    const web = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'web',
      '--to',
      'green',
      '--preview-url',
      previewUrl,
      '--yes',
    ]);
    const api = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'api',
      '--to',
      'blue',
      '--yes',
    ]);

    assert.equal(web.status, 0, web.stderr);
    assert.equal(api.status, 0, api.stderr);
    assert.equal(await webColours(), 'green/blue');
    assert.equal(await apiPass(), 'api-blue');
    assert.equal((await rollout()).status?.currentPodHash, 'rev2');
    assert.deepEqual((await rollout()).status?.pauseConditions?.length, 1);
  });

  it('[R3][apiserver] unready target is rejected without --force', async () => {
    await apps.patchNamespacedDeployment(
      { name: 'api-green', namespace: 'a', body: { spec: { replicas: 0 } } },
      MERGE_PATCH,
    );
    await waitReady('a', `${COLOUR}=green,app.kubernetes.io/name=api`, 0);

    const refused = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'api',
      '--to',
      'green',
      '--yes',
    ]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /KINKO_CHANGE_UNHEALTHY/);
    assert.match(refused.stderr, /a\/api-green has no Ready pods/);
    assert.equal(await apiPass(), 'api-blue');

    const forced = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'api',
      '--to',
      'green',
      '--yes',
      '--force',
    ]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.equal(await apiPass(), 'api-green');

    await apps.patchNamespacedDeployment(
      { name: 'api-green', namespace: 'a', body: { spec: { replicas: 2 } } },
      MERGE_PATCH,
    );
    await waitReady('a', `${COLOUR}=green,app.kubernetes.io/name=api`, 2);
  });

  it('[R3][apiserver] kill at each step, rerun converges', async () => {
    for (const step of STEPS) {
      const to = (await webColours()).startsWith('blue') ? 'green' : 'blue';
      const args = [
        'switch',
        'app',
        '--system',
        'a',
        '--app',
        'web',
        '--to',
        to,
        '--preview-url',
        previewUrl,
        '--yes',
      ];

      const killed = await killBefore(args, step);
      assert.equal(killed, 'SIGKILL', step);
      const rerun = await kinko(args);

      assert.equal(rerun.status, 0, `${step}: ${rerun.stderr}`);
      assert.equal(await webColours(), to === 'green' ? 'green/blue' : 'blue/green', step);
      const last = journalLines().at(-1);
      const expected = step === 'verify' || step === 'done' ? 'recovered' : 'completed';
      assert.equal(last?.status, expected, step);
      assert.equal(last?.app, 'web', step);
    }
    assert.equal(await apiPass(), 'api-green');
  });

  it('[R3][apiserver] upstream kill before apply converges', async () => {
    const args = ['switch', 'app', '--system', 'a', '--app', 'api', '--to', 'blue', '--yes'];

    assert.equal(await killBefore(args, 'apply'), 'SIGKILL');
    assert.equal(await apiPass(), 'api-green');
    const interrupted = journalLines().at(-1);
    assert.deepEqual([interrupted?.app, interrupted?.status], ['api', 'started']);

    const rerun = await kinko(args);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.equal(await apiPass(), 'api-blue');
    assert.equal(journalLines().at(-1)?.id, interrupted?.id);
    assert.equal(journalLines().at(-1)?.status, 'completed');
  });

  it('[R3][apiserver] rollout --to is rejected', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'b',
      '--app',
      'trade',
      '--to',
      'green',
      '--yes',
    ]);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_SWITCH_INVALID/);
    assert.match(result.stderr, /omit --to/);
  });

  it('[R3][apiserver] rollout promote clears the pause', async () => {
    const dryRun = await kinko(['switch', 'app', '--system', 'b', '--app', 'trade', '--dry-run']);
    assert.equal(dryRun.status, 0, dryRun.stderr);
    assert.equal((await rollout()).status?.pauseConditions?.length, 1);

    const killed = await killBefore(
      ['switch', 'app', '--system', 'b', '--app', 'trade', '--yes'],
      'apply',
    );
    assert.equal(killed, 'SIGKILL');
    assert.equal((await rollout()).status?.pauseConditions?.length, 1);

    const result = await kinko([
      'switch',
      'app',
      '--system',
      'b',
      '--app',
      'trade',
      '--yes',
      '-o',
      'json',
    ]);
    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { status: string; old: unknown; new: unknown };
    assert.equal(output.status, 'changed');
    assert.deepEqual(output.old, { revision: 'rev2', phase: 'paused' });
    assert.deepEqual(output.new, { revision: 'rev2', phase: 'promoted' });
    assert.equal((await rollout()).status?.pauseConditions, undefined);
    assert.equal(journalLines().at(-1)?.app, 'trade');

    const again = await kinko(['switch', 'app', '--system', 'b', '--app', 'trade', '--yes']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already/);
  });

  it('[R3][apiserver] promoted rollout has nothing to abort', async () => {
    await setRolloutStatus({ stableRS: 'rev2' });

    const result = await kinko(['rollback', 'app', '--system', 'b', '--app', 'trade', '--yes']);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /runs only its stable revision rev2/);
    assert.equal((await rollout()).status?.abort, undefined);
  });

  it('[R3][apiserver] rollout with no ready preview is rejected', async () => {
    await setRolloutStatus({ currentPodHash: 'rev3', pauseConditions: paused() });

    const result = await kinko(['switch', 'app', '--system', 'b', '--app', 'trade', '--yes']);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_CHANGE_UNHEALTHY/);
    assert.match(result.stderr, /b\/trade revision rev3 has no Ready pods/);
    assert.equal((await rollout()).status?.pauseConditions?.length, 1);
  });

  it('[R3][apiserver] rollout rollback aborts the new revision', async () => {
    const result = await kinko(['rollback', 'app', '--system', 'b', '--app', 'trade', '--yes']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal((await rollout()).status?.abort, true);
    const last = journalLines().at(-1);
    assert.deepEqual(
      [last?.operation, last?.app, last?.status],
      ['rollback-app', 'trade', 'completed'],
    );
    assert.deepEqual(last?.new, { revision: 'rev3', phase: 'aborted' });

    const promote = await kinko(['switch', 'app', '--system', 'b', '--app', 'trade', '--yes']);
    assert.equal(promote.status, 1);
    assert.match(promote.stderr, /is aborted/);
  });

  it('[R3][apiserver] Japanese messages', async () => {
    const result = await kinko([
      'switch',
      'app',
      '--system',
      'a',
      '--app',
      'api',
      '--to',
      'blue',
      '--yes',
      '--lang',
      'ja',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /システム a はすでに api: live blue です/);
  });

  it('[R3][apiserver] status shows the live colour per app', async () => {
    const result = await kinko(['status', '-o', 'json'], {}, configWithoutEdge);

    assert.equal(result.status, 0, result.stderr);
    const status = JSON.parse(result.stdout) as {
      loadBalancer: string | null;
      apps: Array<{
        system: string;
        app: string;
        method: string;
        live: string | null;
        declared: string | null;
        revisions?: { stable: string | null; current: string | null; phase: string };
      }>;
    };
    assert.equal(status.loadBalancer, null);
    assert.deepEqual(
      status.apps.map((app) => [app.system, app.app, app.method, app.live, app.declared]),
      [
        ['a', 'web', 'service', 'blue', 'blue'],
        ['a', 'api', 'upstream', 'blue', 'blue'],
        ['b', 'trade', 'rollout', null, null],
      ],
    );
    assert.deepEqual(status.apps[2]?.revisions, {
      stable: 'rev2',
      current: 'rev3',
      phase: 'aborted',
    });
    const text = await kinko(['status'], {}, configWithoutEdge);
    assert.match(text.stdout, /app a\/web \(service\): live blue, declared blue/);
  });

  it('[R3][apiserver] rollout without status is rejected as not reconciled', async () => {
    // As freshly applied, before the Argo Rollouts controller writes a status.
    await setRolloutStatus({ currentPodHash: null, stableRS: null, pauseConditions: null });

    for (const operation of ['switch', 'rollback']) {
      const result = await kinko([operation, 'app', '--system', 'b', '--app', 'trade', '--yes']);

      assert.equal(result.status, 1);
      assert.match(result.stderr, /KINKO_SWITCH_INVALID/);
      assert.match(result.stderr, /Rollout b\/trade has no status\.currentPodHash yet/);
      assert.doesNotMatch(result.stderr, /rollouts-pod-template-hash=-|HTTP 400/);
      assert.match(result.stderr, /kubectl describe rollout -n b trade/);
    }
  });

  it('[R3][apiserver] status without the edge ALB still shows app colours', async () => {
    const env = {
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      KINKO_AWS_ENDPOINT_URL: testbed.awsEndpoint ?? '',
    };
    const result = await kinko(['status', '-o', 'json'], env);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_EDGE_NOT_FOUND/);
    const status = JSON.parse(result.stdout) as {
      loadBalancer: string | null;
      edgeError?: { code: string | null };
      apps: Array<{ app: string; live: string | null }>;
    };
    assert.equal(status.loadBalancer, null);
    assert.equal(status.edgeError?.code, 'KINKO_EDGE_NOT_FOUND');
    assert.deepEqual(
      status.apps.map((app) => [app.app, app.live]),
      [
        ['web', 'blue'],
        ['api', 'blue'],
        ['trade', null],
      ],
    );
    const text = await kinko(['status'], env);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^edge ALB: could not be read/);
    assert.match(text.stdout, /app a\/web \(service\): live blue, declared blue/);
  });
});
