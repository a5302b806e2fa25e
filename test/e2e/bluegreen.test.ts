import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DeregisterTargetsCommand,
  DescribeLoadBalancersCommand,
  DescribeListenersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { parseDocument } from 'yaml';

import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';
import { createStack, loadTemplate, requestCertificate } from './bluegreen-moto.js';

const CLI = 'dist/src/cli/main.js';
const REGION = 'ap-northeast-1';
/** moto's default account, which owns everything it creates. */
const MOTO_ACCOUNT = '123456789012';
/** moto's CloudFormation fails on several network resource types (KMS key tags among them), so the
 *  network stack goes in with only its VPC and subnets, which are all the edge stack imports. */
const NETWORK_TYPES = new Set(['AWS::EC2::VPC', 'AWS::EC2::Subnet']);

interface JournalLine {
  readonly id: string;
  readonly operation: string;
  readonly system: string;
  readonly status: string;
  readonly who: string;
  readonly old: Record<string, number>;
  readonly new: Record<string, number>;
}

describe('cluster blue/green on the synthesized edge stack', () => {
  let testbed: Testbed;
  let elb: ElasticLoadBalancingV2Client;
  let work: string;
  let config: string;
  let journal: string;
  let listenerArn: string;
  const targetGroups = new Map<string, string>();

  function kinko(args: string[], env: NodeJS.ProcessEnv = {}) {
    return spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      input: '',
      env: cliEnv(env),
    });
  }

  function cliEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    return {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      LANG: 'C',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'testing',
      AWS_SECRET_ACCESS_KEY: 'testing',
      KINKO_AWS_ENDPOINT_URL: testbed.awsEndpoint,
      KINKO_JOURNAL: journal,
      KINKO_OPERATOR: 'e2e-operator',
      ...env,
    };
  }

  async function weights(system: 'a' | 'b'): Promise<Record<string, number>> {
    const priority = system === 'a' ? '9' : '19';
    const rules = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }));
    const rule = rules.Rules?.find((candidate) => candidate.Priority === priority);
    const result: Record<string, number> = {};
    for (const group of rule?.Actions?.[0]?.ForwardConfig?.TargetGroups ?? []) {
      const cluster = [...targetGroups].find(([, arn]) => arn === group.TargetGroupArn)?.[0];
      if (cluster !== undefined) result[cluster] = group.Weight ?? -1;
    }
    return result;
  }

  function journalLines(): JournalLine[] {
    return readFileSync(journal, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as JournalLine);
  }

  before(async () => {
    testbed = await startTestbed({ moto: true, crds: false });
    const endpoint = testbed.awsEndpoint ?? '';
    elb = new ElasticLoadBalancingV2Client({ ...testbed.awsClientSettings });
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-bluegreen-'));
    journal = join(work, 'journal.jsonl');

    // The example, in moto's account, with a certificate moto knows and without the DR region.
    const certificateArn = await requestCertificate(endpoint, REGION, '*.bank.example.co.jp');
    const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    document.set('account', MOTO_ACCOUNT);
    document.deleteIn(['regions', 'dr']);
    document.deleteIn(['edge', 'drCertificateArn']);
    document.deleteIn(['edge', 'hostedZone']);
    document.setIn(['edge', 'certificateArn'], certificateArn);
    config = join(work, 'platform.yaml');
    writeFileSync(config, document.toString());

    const out = join(work, 'out');
    synth({ configFile: config, outDir: out });
    await createStack(
      endpoint,
      REGION,
      'kinko-demo-network',
      loadTemplate(join(out, 'cdk', 'kinko-demo-network.template.json'), NETWORK_TYPES),
    );
    await createStack(
      endpoint,
      REGION,
      'kinko-demo-edge',
      loadTemplate(join(out, 'cdk', 'kinko-demo-edge.template.json')),
    );

    const loadBalancers = await elb.send(
      new DescribeLoadBalancersCommand({ Names: ['kinko-demo-edge'] }),
    );
    const listeners = await elb.send(
      new DescribeListenersCommand({
        LoadBalancerArn: loadBalancers.LoadBalancers?.[0]?.LoadBalancerArn,
      }),
    );
    listenerArn = listeners.Listeners?.find((listener) => listener.Port === 443)?.ListenerArn ?? '';
    const groups = await elb.send(
      new DescribeTargetGroupsCommand({ Names: ['kinko-demo-blue', 'kinko-demo-green'] }),
    );
    for (const group of groups.TargetGroups ?? []) {
      targetGroups.set(
        group.TargetGroupName?.replace('kinko-demo-', '') ?? '',
        group.TargetGroupArn ?? '',
      );
    }

    // What each cluster's TargetGroupBinding would do: register its nodes on the NodePort.
    for (const [cluster, arn] of targetGroups) {
      await elb.send(
        new RegisterTargetsCommand({
          TargetGroupArn: arn,
          Targets: [1, 2, 3].map((n) => ({
            Id: `i-0${cluster === 'blue' ? 'b' : 'c'}00000000000000${n}`,
            Port: 30080,
          })),
        }),
      );
    }
  });
  after(() => testbed?.stop());

  it('[R4][moto] deployed rules start on the live cluster', async () => {
    assert.ok(listenerArn.startsWith('arn:aws:elasticloadbalancing:'));
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
    assert.deepEqual(await weights('b'), { blue: 100, green: 0 });
  });

  it('[R4][moto] smoke rules reach the named cluster', async () => {
    const rules = await elb.send(new DescribeRulesCommand({ ListenerArn: listenerArn }));
    const smoke = rules.Rules?.filter((rule) =>
      ['1', '2', '3', '4', '5', '6'].includes(rule.Priority ?? ''),
    );
    assert.equal(smoke?.length, 6);
    const cookieLater = smoke?.find((rule) => rule.Priority === '6');
    const header = cookieLater?.Conditions?.find(
      (c) => c.Field === 'http-header',
    )?.HttpHeaderConfig;
    assert.equal(header?.HttpHeaderName, 'cookie');
    assert.deepEqual(header?.Values, ['*; kinko-smoke=green', '*; kinko-smoke=green;*']);
    assert.equal(cookieLater?.Actions?.[0]?.TargetGroupArn, targetGroups.get('green'));
  });

  it('[R4][moto] dry run changes nothing', async () => {
    const result = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'green',
      '--dry-run',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /plan: system a: blue: 100, green: 0 → blue: 0, green: 100/);
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
  });

  it('[R4][moto] no terminal and no --yes is refused', async () => {
    const result = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'green',
    ]);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_CHANGE_NEEDS_YES/);
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
  });

  it('[R4][moto] switch moves system a only', async () => {
    const result = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'green',
      '--yes',
      '-o',
      'json',
    ]);

    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as { status: string; old: unknown; new: unknown };
    assert.equal(output.status, 'changed');
    assert.deepEqual(output.old, { blue: 100, green: 0 });
    assert.deepEqual(output.new, { blue: 0, green: 100 });
    assert.deepEqual(await weights('a'), { blue: 0, green: 100 });
    assert.deepEqual(await weights('b'), { blue: 100, green: 0 });
    const last = journalLines().slice(-2);
    assert.deepEqual(
      last.map((line) => line.status),
      ['started', 'completed'],
    );
    assert.equal(last[1]?.who, 'e2e-operator');
    assert.equal(last[1]?.operation, 'switch-cluster');
    assert.deepEqual(last[1]?.new, { blue: 0, green: 100 });
  });

  it('[R4][moto] second switch is unchanged', async () => {
    const before = journalLines().length;
    const result = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'green',
      '--yes',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /system a is already blue: 0, green: 100; nothing to do/);
    assert.equal(journalLines().length, before);
  });

  it('[R4][moto] rollback returns system a to blue', async () => {
    const result = kinko(['rollback', 'cluster', '--config', config, '--system', 'a', '--yes']);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
    assert.equal(journalLines().at(-1)?.operation, 'rollback-cluster');
    const again = kinko(['rollback', 'cluster', '--config', config, '--system', 'a', '--yes']);
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /already/);
  });

  it('[R4][moto] two systems switch independently', async () => {
    assert.equal(
      kinko(['switch', 'cluster', '--config', config, '--system', 'b', '--to', 'green', '--yes'])
        .status,
      0,
    );
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
    assert.deepEqual(await weights('b'), { blue: 0, green: 100 });

    assert.equal(
      kinko(['switch', 'cluster', '--config', config, '--system', 'a', '--to', 'green', '--yes'])
        .status,
      0,
    );
    assert.equal(
      kinko(['switch', 'cluster', '--config', config, '--system', 'b', '--to', 'blue', '--yes'])
        .status,
      0,
    );
    assert.deepEqual(await weights('a'), { blue: 0, green: 100 });
    assert.deepEqual(await weights('b'), { blue: 100, green: 0 });
  });

  it('[R4][moto] status shows each system', () => {
    const result = kinko(['status', '--config', config, '-o', 'json']);

    assert.equal(result.status, 0, result.stderr);
    const status = JSON.parse(result.stdout) as {
      systems: Array<{ system: string; liveCluster: string; declaredLiveCluster: string }>;
      targetGroups: Array<{ cluster: string; healthy: number; total: number }>;
    };
    assert.deepEqual(
      status.systems.map((s) => [s.system, s.liveCluster, s.declaredLiveCluster]),
      [
        ['a', 'green', 'blue'],
        ['b', 'blue', 'blue'],
      ],
    );
    assert.deepEqual(
      status.targetGroups.map((g) => [g.cluster, g.healthy, g.total]),
      [
        ['blue', 3, 3],
        ['green', 3, 3],
      ],
    );
  });

  it('[R4][moto] kill before apply, rerun converges', async () => {
    const killed = await runUntilPaused(
      ['switch', 'cluster', '--config', config, '--system', 'a', '--to', 'blue', '--yes'],
      'apply',
    );

    assert.equal(killed, 'SIGKILL');
    assert.equal(journalLines().at(-1)?.status, 'started');
    assert.deepEqual(await weights('a'), { blue: 0, green: 100 });
    const rerun = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'blue',
      '--yes',
    ]);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
    const [started, completed] = journalLines().slice(-2);
    assert.equal(completed?.status, 'completed');
    assert.equal(completed?.id, started?.id);
  });

  it('[R4][moto] kill after apply, rerun records recovered', async () => {
    const killed = await runUntilPaused(
      ['switch', 'cluster', '--config', config, '--system', 'a', '--to', 'green', '--yes'],
      'done',
    );

    assert.equal(killed, 'SIGKILL');
    assert.deepEqual(await weights('a'), { blue: 0, green: 100 });
    assert.equal(journalLines().at(-1)?.status, 'started');
    const rerun = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'green',
      '--yes',
    ]);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, /interrupted run/);
    assert.equal(journalLines().at(-1)?.status, 'recovered');
  });

  it('[R4][moto] no healthy targets refused without --force', async () => {
    const blue = targetGroups.get('blue') ?? '';
    await elb.send(
      new DeregisterTargetsCommand({
        TargetGroupArn: blue,
        Targets: [1, 2, 3].map((n) => ({ Id: `i-0b00000000000000${n}`, Port: 30080 })),
      }),
    );

    const refused = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'blue',
      '--yes',
    ]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /KINKO_CHANGE_UNHEALTHY/);
    assert.deepEqual(await weights('a'), { blue: 0, green: 100 });

    const forced = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'blue',
      '--yes',
      '--force',
    ]);
    assert.equal(forced.status, 0, forced.stderr);
    assert.deepEqual(await weights('a'), { blue: 100, green: 0 });
  });

  it('[R4][moto] Japanese messages', () => {
    const result = kinko([
      'switch',
      'cluster',
      '--config',
      config,
      '--system',
      'a',
      '--to',
      'blue',
      '--yes',
      '--lang',
      'ja',
    ]);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /システム a はすでに blue: 100, green: 0 です/);
  });

  /** Runs the CLI until it pauses before `step`, then kills it with SIGKILL and returns the signal. */
  function runUntilPaused(args: string[], step: string): Promise<NodeJS.Signals | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], {
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
        if (signal === null)
          reject(new Error(`exited with ${code ?? ''} before pausing: ${stderr}`));
        else resolve(signal);
      });
    });
  }
});
