/**
 * `kinko nodes status` and `kinko nodes pin` against moto's EKS and SSM APIs and the test bed's
 * kube-apiserver with kwok nodes. The SSM parameters under /aws/service/eks/ are seeded into moto
 * in-process (test/support/moto-eks-ami.ts explains why moto's PutParameter cannot).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  CreateClusterCommand,
  CreateNodegroupCommand,
  EKSClient,
  type AMITypes,
} from '@aws-sdk/client-eks';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { CoreV1Api, type V1Node } from '@kubernetes/client-node';

import { loadPlatformConfig } from '../../src/config/load.js';
import { resolvePlatform } from '../../src/model/resolve.js';
import type { FreshnessEntry, FreshnessReport } from '../../src/ops/nodes/freshness.js';
import { startSeededMoto, type SeededMoto } from '../support/moto-eks-ami.js';
import {
  AWS_REGION,
  awsEnvironment,
  DUMMY_AWS_CREDENTIALS,
  startTestbed,
  type Testbed,
} from '../support/testbed/index.js';
import { kwokNodeManifest } from '../support/testbed/kwok.js';
import { freePort } from '../support/testbed/network.js';

const CLI = 'dist/src/cli/main.js';
const EXAMPLE = 'examples/platform.yaml';
const AL2023 = 'AL2023_x86_64_STANDARD';
const PATH_136 = '/aws/service/eks/optimized-ami/1.36/amazon-linux-2023/x86_64/standard';
const PATH_137 = '/aws/service/eks/optimized-ami/1.37/amazon-linux-2023/x86_64/standard';
const OLD_FOLDER_136 = `${PATH_136}/amazon-eks-node-al2023-x86_64-standard-1.36-v20261001`;

const LATEST_136 = '1.36.5-20261119';
const OLD_136 = '1.36.2-20261001';
const LATEST_137 = '1.37.2-20261119';
const AMI_LATEST_136 = 'ami-0136a5b0c0ffee001';
const AMI_OLD_136 = 'ami-0136a2b0c0ffee002';

/** The public parameters as SSM lays them out: `recommended/` and one folder per older release. */
const SEED = {
  [AWS_REGION]: {
    [`${PATH_136}/recommended/release_version`]: LATEST_136,
    [`${PATH_136}/recommended/image_id`]: AMI_LATEST_136,
    [`${OLD_FOLDER_136}/release_version`]: OLD_136,
    [`${OLD_FOLDER_136}/image_id`]: AMI_OLD_136,
    [`${PATH_137}/recommended/release_version`]: LATEST_137,
    [`${PATH_137}/recommended/image_id`]: 'ami-0137a2b0c0ffee003',
  },
  'ap-northeast-3': {
    [`${PATH_136}/recommended/release_version`]: LATEST_136,
    [`${PATH_136}/recommended/image_id`]: 'ami-0136a5b0c0ffee301',
  },
};

/** Returns a kwok-managed node labelled the way EKS labels the nodes of a managed node group. */
function eksNode(index: number, name: string, nodegroup: string, image: string): V1Node {
  const node = kwokNodeManifest(index);
  return {
    ...node,
    metadata: {
      ...node.metadata,
      name,
      labels: {
        ...node.metadata?.labels,
        'kubernetes.io/hostname': name,
        'eks.amazonaws.com/nodegroup': nodegroup,
        'eks.amazonaws.com/nodegroup-image': image,
      },
    },
    status: {
      ...node.status,
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://2.1.4',
        kernelVersion: '6.12.46-66.121.amzn2023.x86_64',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.36.2-eks-3025e55',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Amazon Linux 2023.9.20250929',
        systemUUID: '',
      },
    },
  };
}

describe('kinko nodes on moto and the test bed', () => {
  let bed: Testbed;
  let moto: SeededMoto;
  let eks: EKSClient;
  let workDir: string;
  const platform = resolvePlatform(loadPlatformConfig(EXAMPLE));
  const blue =
    platform.clusters.find((cluster) => cluster.key === 'blue') ?? assert.fail('no blue');
  const green =
    platform.clusters.find((cluster) => cluster.key === 'green') ?? assert.fail('no green');

  function kinko(args: string[], endpoint = moto.endpoint) {
    return spawnSync(process.execPath, [CLI, ...args], {
      encoding: 'utf8',
      input: '',
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        LANG: 'C',
        ...awsEnvironment(),
        KINKO_AWS_ENDPOINT_URL: endpoint,
      },
    });
  }

  function status(args: string[]) {
    const run = kinko([
      'nodes',
      'status',
      '-c',
      EXAMPLE,
      '--kubeconfig',
      bed.kubeconfigPath,
      ...args,
    ]);
    return {
      run,
      report: run.stdout.startsWith('{') ? (JSON.parse(run.stdout) as FreshnessReport) : undefined,
    };
  }

  // Five tests read the same report of cluster blue, so the command runs once for them.
  let blueRun: ReturnType<typeof status> | undefined;
  function blueStatus() {
    blueRun ??= status(['--cluster', 'blue', '-o', 'json']);
    return blueRun;
  }

  function entry(report: FreshnessReport | undefined, kind: string, name: string): FreshnessEntry {
    return (
      report?.entries.find((candidate) => candidate.kind === kind && candidate.name === name) ??
      assert.fail(`no ${kind} ${name} in ${JSON.stringify(report)}`)
    );
  }

  async function createNodegroup(
    cluster: string,
    name: string,
    release: string,
    version: string,
    amiType: AMITypes,
  ) {
    await eks.send(
      new CreateNodegroupCommand({
        clusterName: cluster,
        nodegroupName: name,
        nodeRole: 'arn:aws:iam::123456789012:role/kinko-demo-node',
        subnets: ['subnet-0a1b2c3d4e5f60001'],
        amiType,
        version,
        releaseVersion: release,
      }),
    );
  }

  before(async () => {
    bed = await startTestbed({ kwokNodes: 1, crds: false });
    workDir = mkdtempSync(join(tmpdir(), 'kinko-nodes-e2e-'));
    moto = await startSeededMoto(workDir, SEED);
    eks = new EKSClient({
      endpoint: moto.endpoint,
      region: AWS_REGION,
      credentials: DUMMY_AWS_CREDENTIALS,
    });

    for (const cluster of [blue, green]) {
      await eks.send(
        new CreateClusterCommand({
          name: cluster.name,
          version: cluster.version,
          roleArn: 'arn:aws:iam::123456789012:role/kinko-demo-cluster',
          resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d4e5f60001'] },
        }),
      );
    }
    await createNodegroup(blue.name, 'general', OLD_136, '1.36', AL2023);
    await createNodegroup(blue.name, 'fresh', LATEST_136, '1.36', AL2023);
    await createNodegroup(green.name, 'general', LATEST_137, '1.37', AL2023);

    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNode({
      body: eksNode(1, 'ip-10-0-1-23.ap-northeast-1.compute.internal', 'general', AMI_OLD_136),
    });
    await core.createNode({
      body: eksNode(2, 'ip-10-0-2-34.ap-northeast-1.compute.internal', 'fresh', AMI_LATEST_136),
    });
  });

  after(async () => {
    await moto?.stop();
    await bed?.stop();
    if (workDir !== undefined) rmSync(workDir, { recursive: true, force: true });
  });

  it('[S9][moto] moto rejects PutParameter under /aws/', async () => {
    const ssm = new SSMClient({
      endpoint: moto.endpoint,
      region: AWS_REGION,
      credentials: DUMMY_AWS_CREDENTIALS,
    });
    await assert.rejects(
      ssm.send(
        new PutParameterCommand({
          Name: `${PATH_136}/recommended/release_version`,
          Value: '1.36.9-20270101',
          Type: 'String',
          Overwrite: true,
        }),
      ),
      { name: 'AccessDeniedException' },
    );
  });

  it('[S9][moto] lagging node group reported with versions', () => {
    const { run, report } = blueStatus();
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stderr, /^error KINKO_NODES_LAGGING: /);
    const general = entry(report, 'nodegroup', 'general');
    assert.equal(general.status, 'lagging');
    assert.equal(general.passed, false);
    assert.equal(general.current, OLD_136);
    assert.equal(general.latest, LATEST_136);
    assert.equal(general.daysBehind, 49);
    assert.equal(general.latestParameter, `${PATH_136}/recommended/release_version`);
  });

  it('[S9][moto] current node group passes', () => {
    const { report } = blueStatus();
    const fresh = entry(report, 'nodegroup', 'fresh');
    assert.equal(fresh.status, 'current');
    assert.equal(fresh.passed, true);
    assert.equal(fresh.current, LATEST_136);
    assert.equal(fresh.daysBehind, 0);
  });

  it('[S9][apiserver] lagging node reported by AMI id', () => {
    const { report } = blueStatus();
    const node = entry(report, 'node', 'ip-10-0-1-23.ap-northeast-1.compute.internal');
    assert.equal(node.status, 'lagging');
    assert.equal(node.passed, false);
    assert.equal(node.nodegroup, 'general');
    assert.equal(node.imageId, AMI_OLD_136);
    assert.equal(node.kubernetesVersion, '1.36');
    assert.equal(node.current, OLD_136);
    assert.equal(node.latest, LATEST_136);
    assert.equal(node.daysBehind, 49);
  });

  it('[S9][apiserver] node on latest AMI is current', () => {
    const { report } = blueStatus();
    const node = entry(report, 'node', 'ip-10-0-2-34.ap-northeast-1.compute.internal');
    assert.equal(node.status, 'current');
    assert.equal(node.passed, true);
    assert.equal(node.current, LATEST_136);
  });

  it('[S9][apiserver] node without EKS labels is unknown', () => {
    const { report } = blueStatus();
    const node = entry(report, 'node', bed.nodeNames[0] ?? 'kwok-node-0');
    assert.equal(node.status, 'unknown');
    assert.equal(node.passed, false);
    assert.equal(node.reason?.messageId, 'nodes.reason.noImageLabel');
    assert.equal(report?.failed, 3);
  });

  it('[S9][apiserver] text report in Japanese', () => {
    const { run } = status(['--cluster', 'blue', '--lang', 'ja']);
    assert.equal(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /ノードグループ general: 1\.36\.2-20261001、最新は 1\.36\.5-20261119、49 日遅れ/,
    );
    assert.match(
      run.stdout,
      /ノード ip-10-0-1-23\.ap-northeast-1\.compute\.internal: 1\.36\.2-20261001、最新は 1\.36\.5-20261119、49 日遅れ/,
    );
    assert.match(run.stderr, /^エラー KINKO_NODES_LAGGING: /);
  });

  it('[S9][moto] allowed lag passes node groups', () => {
    const { run, report } = status([
      '--cluster',
      'blue',
      '--no-kube',
      '--max-days-behind',
      '49',
      '-o',
      'json',
    ]);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(report?.failed, 0);
    assert.equal(entry(report, 'nodegroup', 'general').status, 'lagging');
    assert.equal(entry(report, 'nodegroup', 'general').passed, true);
  });

  it('[S9][moto] current cluster exits 0', () => {
    const { run, report } = status(['--cluster', 'green', '--no-kube', '-o', 'json']);
    assert.equal(run.status, 0, run.stderr);
    assert.equal(report?.entries.length, 1);
    assert.equal(entry(report, 'nodegroup', 'general').status, 'current');
  });

  it('[S9][moto] missing SSM parameter is unknown', async () => {
    await createNodegroup(green.name, 'arm', LATEST_137, '1.37', 'AL2023_ARM_64_STANDARD');
    const { run, report } = status(['--cluster', 'green', '--no-kube', '-o', 'json']);
    assert.equal(run.status, 1, run.stderr);
    const arm = entry(report, 'nodegroup', 'arm');
    assert.equal(arm.status, 'unknown');
    assert.deepEqual(arm.reason, {
      messageId: 'nodes.reason.parameterMissing',
      params: {
        parameter:
          '/aws/service/eks/optimized-ami/1.37/amazon-linux-2023/arm64/standard/recommended/release_version',
        region: AWS_REGION,
      },
    });
  });

  it('[S9][moto] unreachable EKS endpoint is an error', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const run = kinko(['nodes', 'status', '-c', EXAMPLE, '--cluster', 'blue', '--no-kube'], closed);
    assert.equal(run.status, 1);
    assert.equal(run.stdout, '');
    assert.match(
      run.stderr,
      /^error KINKO_NODES_FAILED: listing the node groups of EKS cluster kinko-demo-blue in ap-northeast-1 failed: .*ECONNREFUSED/,
    );
  });

  it('[S9][moto] pin replaces record with latest', () => {
    const config = join(workDir, 'platform.yaml');
    writeFileSync(config, readFileSync(EXAMPLE, 'utf8'));
    // A truncated record must not block pin, which is how it gets repaired.
    writeFileSync(join(workDir, 'node-releases.json'), '{"releases": [');
    const run = kinko(['nodes', 'pin', '-c', config]);
    assert.equal(run.status, 0, run.stderr);
    const record = JSON.parse(readFileSync(join(workDir, 'node-releases.json'), 'utf8')) as {
      releases: {
        region: string;
        kubernetesVersion: string;
        releaseVersion: string;
        lookedUpAt: string;
      }[];
    };
    const today = new Date().toISOString().slice(0, 10);
    assert.deepEqual(
      record.releases.map((release) => [
        release.region,
        release.kubernetesVersion,
        release.releaseVersion,
        release.lookedUpAt,
      ]),
      [
        ['ap-northeast-1', '1.36', LATEST_136, today],
        ['ap-northeast-1', '1.37', LATEST_137, today],
        ['ap-northeast-3', '1.36', LATEST_136, today],
      ],
    );
    assert.match(run.stdout, /wrote 3 releases to /);
  });

  it('[S9][moto] pin dry run writes nothing', () => {
    const dir = mkdtempSync(join(workDir, 'dry-run-'));
    const config = join(dir, 'platform.yaml');
    writeFileSync(config, readFileSync(EXAMPLE, 'utf8'));
    const run = kinko(['nodes', 'pin', '-c', config, '--dry-run']);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^dry run: .*node-releases\.json was not written \(3 releases\)$/m);
    assert.equal(existsSync(join(dir, 'node-releases.json')), false);
  });

  it('[S9][moto] EKS error page names endpoint and request', () => {
    // No cluster exists in the DR region yet, so moto returns an HTML page, not JSON.
    const run = kinko(['nodes', 'status', '-c', EXAMPLE, '--cluster', 'blue', '--dr', '--no-kube']);
    assert.equal(run.status, 1);
    assert.doesNotMatch(run.stderr, /\$response|SyntaxError/);
    assert.match(
      run.stderr,
      /^error KINKO_NODES_FAILED: EKS request ListNodegroups for cluster kinko-demo-blue in ap-northeast-3 to http:\/\/127\.0\.0\.1:\d+ returned HTTP 500 with a body that is not an EKS API response/,
    );
  });

  it('[S9][moto] DR copy checked in DR region', async () => {
    const drEks = new EKSClient({
      endpoint: moto.endpoint,
      region: 'ap-northeast-3',
      credentials: DUMMY_AWS_CREDENTIALS,
    });
    await drEks.send(
      new CreateClusterCommand({
        name: blue.name,
        version: blue.version,
        roleArn: 'arn:aws:iam::123456789012:role/kinko-demo-cluster',
        resourcesVpcConfig: { subnetIds: ['subnet-0a1b2c3d4e5f60301'] },
      }),
    );
    await drEks.send(
      new CreateNodegroupCommand({
        clusterName: blue.name,
        nodegroupName: 'general',
        nodeRole: 'arn:aws:iam::123456789012:role/kinko-demo-node',
        subnets: ['subnet-0a1b2c3d4e5f60301'],
        amiType: AL2023,
        version: '1.36',
        releaseVersion: OLD_136,
      }),
    );

    const { run, report } = status(['--cluster', 'blue', '--dr', '--no-kube', '-o', 'json']);
    assert.equal(run.status, 1, run.stderr);
    assert.equal(report?.region, 'ap-northeast-3');
    assert.equal(report?.entries.length, 1);
    const general = entry(report, 'nodegroup', 'general');
    assert.equal(general.status, 'lagging');
    assert.equal(general.daysBehind, 49);
  });

  it('[S9][moto] pin fails on missing parameter', () => {
    const dir = mkdtempSync(join(workDir, 'arm-'));
    const config = join(dir, 'platform.yaml');
    // Green's node group on Graviton, for which the seed contains no arm64 parameter.
    const yaml = readFileSync(EXAMPLE, 'utf8');
    const greenGroup = yaml.lastIndexOf('        instanceTypes: [m7i.xlarge, m6i.xlarge]\n');
    const groupEnd =
      yaml.indexOf('        maxSize: 12\n', greenGroup) + '        maxSize: 12\n'.length;
    writeFileSync(
      config,
      yaml.slice(0, greenGroup) +
        yaml
          .slice(greenGroup, groupEnd)
          .replace('[m7i.xlarge, m6i.xlarge]', '[m7g.xlarge, m6g.xlarge]') +
        '        amiType: AL2023_ARM_64_STANDARD\n' +
        yaml.slice(groupEnd),
    );
    const run = kinko(['nodes', 'pin', '-c', config]);
    assert.equal(run.status, 1);
    assert.match(
      run.stderr,
      /^error KINKO_NODES_FAILED: the latest release for Kubernetes 1\.37, AMI type AL2023_ARM_64_STANDARD in ap-northeast-1 could not be read/,
    );
    assert.match(
      run.stderr,
      /arm64\/standard\/recommended\/release_version was not found in ap-northeast-1/,
    );
    assert.equal(existsSync(join(dir, 'node-releases.json')), false);
  });
});
