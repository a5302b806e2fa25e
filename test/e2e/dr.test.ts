import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DeregisterTargetsCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ChangeResourceRecordSetsCommand,
  CreateHealthCheckCommand,
  CreateHostedZoneCommand,
  DeleteHostedZoneCommand,
  ListResourceRecordSetsCommand,
  Route53Client,
  type HealthCheckConfig,
  type ResourceRecordSet,
} from '@aws-sdk/client-route-53';
import { parseDocument } from 'yaml';

import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';
import { createStack, loadTemplate, requestCertificate } from './bluegreen-moto.js';

const CLI = 'dist/src/cli/main.js';
const PRIMARY = 'ap-northeast-1';
const DR = 'ap-northeast-3';
const MOTO_ACCOUNT = '123456789012';
const ZONE_NAME = 'bank.example.co.jp';
const NETWORK_TYPES = new Set(['AWS::EC2::VPC', 'AWS::EC2::Subnet']);

type Template = ReturnType<typeof loadTemplate> & {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
};

interface JournalLine {
  readonly id: string;
  readonly operation: string;
  readonly system: string;
  readonly status: string;
  readonly who: string;
  readonly old: Record<string, string>;
  readonly new: Record<string, string>;
}

/** Moves the template's Route 53 resources out, so the rest can go into moto's CloudFormation. */
function splitRoute53(template: Template): Template['Resources'] {
  const route53: Template['Resources'] = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!resource.Type.startsWith('AWS::Route53::')) continue;
    route53[id] = resource;
    delete template.Resources[id];
  }
  for (const [id, output] of Object.entries(template.Outputs ?? {})) {
    const ref = output.Value?.Ref ?? output.Value?.['Fn::GetAtt']?.[0];
    if (ref !== undefined && ref in route53) delete template.Outputs?.[id];
  }
  return route53;
}

/**
 * moto 5.2.5's CloudFormation cannot deploy the synthesized Route 53 part: its ALB has no
 * `CanonicalHostedZoneID` attribute, so the alias records get the unresolved `Fn::GetAtt` text as
 * their hosted zone ID, and the primary stack's failover record (with `HealthCheckId` from
 * `Fn::GetAtt`) fails CreateStack with HTTP 500. So the test deploys the edge stacks without
 * their Route 53 resources and creates those resources through the Route 53 API from the
 * synthesized properties, resolving `Fn::GetAtt` on the load balancer from DescribeLoadBalancers
 * and on a health check from the ID CreateHealthCheck returned.
 */
async function createRoute53(
  route53: Route53Client,
  resources: Template['Resources'],
  loadBalancer: { dnsName: string; canonicalHostedZoneId: string },
): Promise<void> {
  const healthChecks = new Map<string, string>();
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (typeof value !== 'object' || value === null) return value;
    const getAtt = (value as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt'];
    if (getAtt !== undefined) {
      const [id, attribute] = getAtt;
      if (attribute === 'DNSName') return loadBalancer.dnsName;
      if (attribute === 'CanonicalHostedZoneID') return loadBalancer.canonicalHostedZoneId;
      if (attribute === 'HealthCheckId') return healthChecks.get(id);
      throw new Error(`unexpected Fn::GetAtt ${id}.${attribute}`);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
  };
  const entries = Object.entries(resources);
  for (const [id, resource] of entries) {
    if (resource.Type !== 'AWS::Route53::HealthCheck') continue;
    const config = resolve(resource.Properties?.HealthCheckConfig) as HealthCheckConfig;
    const created = await route53.send(
      new CreateHealthCheckCommand({ CallerReference: id, HealthCheckConfig: config }),
    );
    healthChecks.set(id, created.HealthCheck?.Id ?? '');
  }
  for (const [, resource] of entries) {
    if (resource.Type !== 'AWS::Route53::RecordSet') continue;
    const { HostedZoneId, ...record } = resolve(resource.Properties) as ResourceRecordSet & {
      HostedZoneId: string;
    };
    await route53.send(
      new ChangeResourceRecordSetsCommand({
        HostedZoneId,
        ChangeBatch: { Changes: [{ Action: 'CREATE', ResourceRecordSet: record }] },
      }),
    );
  }
}

describe('regional failover on the synthesized failover records', () => {
  let testbed: Testbed;
  let route53: Route53Client;
  let work: string;
  let config: string;
  let journal: string;
  let zoneId = '';
  const albDns = new Map<string, string>();
  /** The DR region's target group and the targets registered in it. */
  let drTargetGroup = '';
  const drTargets = [1, 2].map((n) => ({ Id: `i-0d00000000000000${n}`, Port: 30080 }));

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

  function kinko(args: string[], env: NodeJS.ProcessEnv = {}) {
    return spawnSync(process.execPath, [CLI, 'dr', ...args, '--config', config], {
      encoding: 'utf8',
      input: '',
      env: cliEnv(env),
    });
  }

  /** Runs `kinko dr` until it pauses before `step`, then kills it and returns the signal. */
  function killBefore(args: string[], step: string): Promise<NodeJS.Signals | null> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'dr', ...args, '--config', config], {
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
        if (signal === null) reject(new Error(`exited with ${code ?? ''}: ${stderr}`));
        else resolve(signal);
      });
    });
  }

  /** Where each of the system's failover records points: `PRIMARY=<alb dns>`. */
  async function records(system: string): Promise<Record<string, string>> {
    const listed = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: zoneId }));
    const result: Record<string, string> = {};
    for (const record of listed.ResourceRecordSets ?? []) {
      if (record.Name?.replace(/\.$/, '') !== `${system}.${ZONE_NAME}`) continue;
      const region = [...albDns].find(([, dns]) => dns === record.AliasTarget?.DNSName)?.[0];
      result[record.Failover ?? ''] = region ?? record.AliasTarget?.DNSName ?? '';
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
    route53 = new Route53Client({ ...testbed.awsClientSettings });
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-dr-'));
    journal = join(work, 'journal.jsonl');

    // platform.yaml accepts only zone IDs that start with Z, as Route 53's do; moto draws its
    // IDs at random, so create zones until one fits and delete the others.
    for (let attempt = 0; !zoneId.startsWith('Z'); attempt += 1) {
      if (attempt === 500) throw new Error('moto gave no hosted zone ID starting with Z');
      if (zoneId !== '') await route53.send(new DeleteHostedZoneCommand({ Id: zoneId }));
      const zone = await route53.send(
        new CreateHostedZoneCommand({ Name: ZONE_NAME, CallerReference: `kinko-e2e-${attempt}` }),
      );
      zoneId = zone.HostedZone?.Id?.replace('/hostedzone/', '') ?? '';
    }

    const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
    document.set('account', MOTO_ACCOUNT);
    document.setIn(
      ['edge', 'certificateArn'],
      await requestCertificate(endpoint, PRIMARY, `*.${ZONE_NAME}`),
    );
    document.setIn(
      ['edge', 'drCertificateArn'],
      await requestCertificate(endpoint, DR, `*.${ZONE_NAME}`),
    );
    document.setIn(['edge', 'hostedZone', 'id'], zoneId);
    config = join(work, 'platform.yaml');
    writeFileSync(config, document.toString());
    const out = join(work, 'out', 'cdk');
    synth({ configFile: config, outDir: join(work, 'out') });

    // DR first, as in production: the primary's records and the DR's records share the zone.
    for (const [region, prefix] of [
      [DR, 'kinko-demo-dr'],
      [PRIMARY, 'kinko-demo'],
    ] as const) {
      const network = `${prefix}-network`;
      const edge = `${prefix}-edge`;
      await createStack(
        endpoint,
        region,
        network,
        loadTemplate(join(out, `${network}.template.json`), NETWORK_TYPES),
      );
      const template = loadTemplate(join(out, `${edge}.template.json`)) as Template;
      const route53Part = splitRoute53(template);
      await createStack(endpoint, region, edge, template);

      const elb = new ElasticLoadBalancingV2Client({ ...testbed.awsClientSettings, region });
      const described = await elb.send(
        new DescribeLoadBalancersCommand({ Names: ['kinko-demo-edge'] }),
      );
      const loadBalancer = described.LoadBalancers?.[0];
      albDns.set(region, loadBalancer?.DNSName ?? '');
      await createRoute53(route53, route53Part, {
        dnsName: loadBalancer?.DNSName ?? '',
        canonicalHostedZoneId: loadBalancer?.CanonicalHostedZoneId ?? '',
      });

      // What TargetGroupBinding would do: register nodes in every target group of the region.
      const groups = await elb.send(
        new DescribeTargetGroupsCommand({ LoadBalancerArn: loadBalancer?.LoadBalancerArn }),
      );
      for (const group of groups.TargetGroups ?? []) {
        await elb.send(
          new RegisterTargetsCommand({
            TargetGroupArn: group.TargetGroupArn,
            Targets: drTargets,
          }),
        );
        if (region === DR) drTargetGroup = group.TargetGroupArn ?? '';
      }
    }
  });
  after(() => testbed?.stop());

  it('[R1][moto] synthesized failover records start on their own regions', async () => {
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
    assert.deepEqual(await records('b'), { PRIMARY: PRIMARY, SECONDARY: DR });
  });

  it('[R1][moto] failover dry run changes nothing', async () => {
    const result = kinko(['failover', '--system', 'a', '--dry-run']);

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /primary \(kinko-demo-edge.*\) → dr \(kinko-demo-edge/);
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
  });

  it('[R1][moto] failover points system a at the DR region only', async () => {
    const result = kinko(['failover', '--system', 'a', '--yes', '-o', 'json']);

    assert.equal(result.status, 0, result.stderr);
    const output = JSON.parse(result.stdout) as {
      status: string;
      old: { dnsName: string };
      new: { dnsName: string };
    };
    assert.equal(output.status, 'changed');
    assert.equal(output.old.dnsName, albDns.get(PRIMARY));
    assert.equal(output.new.dnsName, albDns.get(DR));
    assert.deepEqual(await records('a'), { PRIMARY: DR, SECONDARY: DR });
    assert.deepEqual(await records('b'), { PRIMARY: PRIMARY, SECONDARY: DR });
    const last = journalLines().slice(-2);
    assert.deepEqual(
      last.map((line) => [line.operation, line.system, line.status, line.who]),
      [
        ['dr-failover', 'a', 'started', 'e2e-operator'],
        ['dr-failover', 'a', 'completed', 'e2e-operator'],
      ],
    );
    assert.equal(last[1]?.old.dnsName, albDns.get(PRIMARY));
    assert.equal(last[1]?.new.dnsName, albDns.get(DR));
  });

  it('[R1][moto] failover rerun is already in force', async () => {
    const before = journalLines().length;
    const result = kinko(['failover', '--system', 'a', '--yes', '-o', 'json']);

    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { status: string }).status, 'unchanged');
    assert.deepEqual(await records('a'), { PRIMARY: DR, SECONDARY: DR });
    assert.equal(journalLines().length, before);
  });

  it('[R1][moto] failback returns system a to the primary region', async () => {
    const result = kinko(['failback', '--system', 'a', '--yes']);

    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
    const last = journalLines().at(-1);
    assert.deepEqual([last?.operation, last?.status], ['dr-failback', 'completed']);
    assert.equal(last?.new.dnsName, albDns.get(PRIMARY));
  });

  it('[R1][moto] kill after the change, rerun records recovered', async () => {
    const killed = await killBefore(['failover', '--system', 'b', '--yes'], 'done');

    assert.equal(killed, 'SIGKILL');
    assert.deepEqual(await records('b'), { PRIMARY: DR, SECONDARY: DR });
    assert.equal(journalLines().at(-1)?.status, 'started');
    const rerun = kinko(['failover', '--system', 'b', '--yes']);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.deepEqual(
      [journalLines().at(-1)?.operation, journalLines().at(-1)?.status],
      ['dr-failover', 'recovered'],
    );
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
  });

  it('[R1][moto] failback dry run in Japanese', async () => {
    const result = kinko(['failback', '--system', 'b', '--dry-run'], { LANG: 'ja_JP.UTF-8' });

    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /[ぁ-んァ-ン一-龯]/);
    assert.match(result.stdout, /dr \(kinko-demo-edge.*\) → primary \(kinko-demo-edge/);
    assert.deepEqual(await records('b'), { PRIMARY: DR, SECONDARY: DR });
  });

  it('[R1][moto] kill before the Route 53 change, rerun converges', async () => {
    const killed = await killBefore(['failback', '--system', 'b', '--yes'], 'apply');

    assert.equal(killed, 'SIGKILL');
    assert.deepEqual(await records('b'), { PRIMARY: DR, SECONDARY: DR });
    const interrupted = journalLines().at(-1);
    assert.deepEqual(
      [interrupted?.operation, interrupted?.system, interrupted?.status],
      ['dr-failback', 'b', 'started'],
    );

    const rerun = kinko(['failback', '--system', 'b', '--yes']);
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.deepEqual(await records('b'), { PRIMARY: PRIMARY, SECONDARY: DR });
    const completed = journalLines().at(-1);
    assert.equal(completed?.status, 'completed');
    assert.equal(completed?.id, interrupted?.id);
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
  });

  it('[R1][moto] failover to a DR region with no healthy targets is refused', async () => {
    const elb = new ElasticLoadBalancingV2Client({ ...testbed.awsClientSettings, region: DR });
    await elb.send(
      new DeregisterTargetsCommand({ TargetGroupArn: drTargetGroup, Targets: drTargets }),
    );
    const before = journalLines().length;

    const result = kinko(['failover', '--system', 'a', '--yes']);

    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_CHANGE_UNHEALTHY/);
    assert.deepEqual(await records('a'), { PRIMARY: PRIMARY, SECONDARY: DR });
    assert.equal(journalLines().length, before);
    await elb.send(
      new RegisterTargetsCommand({ TargetGroupArn: drTargetGroup, Targets: drTargets }),
    );
  });
});
