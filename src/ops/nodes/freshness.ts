/**
 * `kinko nodes status`: compares each managed node group's and each node's AMI release with the
 * latest EKS-optimized release that SSM publishes for its Kubernetes version and AMI type.
 */
import {
  DescribeNodegroupCommand,
  paginateListNodegroups,
  type EKSClient,
  type Nodegroup,
} from '@aws-sdk/client-eks';
import { CoreV1Api, type KubeConfig, type V1Node } from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';
import { awsErrorText } from '../bluegreen/aws.js';
import { NODEGROUP_LABEL } from '../drain/nodes.js';
import { amiTypeOfNode, minorVersionOf } from './ami-types.js';
import { badResponseOf, endpointOf } from './aws.js';
import { assessRelease, unknown, type Assessment } from './assess.js';
import type { ReleaseCatalog } from './latest.js';
import { NODES_FAILED } from './release.js';

/**
 * Label that EKS managed node groups put on their nodes, naming the AMI the node runs.
 * NOTE: the EKS user guide shows its value as `$amiName`. Kinko matches it against SSM's `image_id`
 * values (AMI ids), so a value of another form leaves the node unknown, not current.
 */
export const NODEGROUP_IMAGE_LABEL = 'eks.amazonaws.com/nodegroup-image';
const ARCH_LABEL = 'kubernetes.io/arch';

export interface FreshnessEntry extends Assessment {
  readonly kind: 'nodegroup' | 'node';
  readonly name: string;
  /** Node group of a node, from its `eks.amazonaws.com/nodegroup` label. */
  readonly nodegroup?: string;
  readonly kubernetesVersion?: string;
  readonly amiType?: string;
  /** AMI id of a node, from its `eks.amazonaws.com/nodegroup-image` label. */
  readonly imageId?: string;
}

export interface FreshnessReport {
  readonly cluster: string;
  readonly region: string;
  readonly maxDaysBehind: number;
  readonly entries: readonly FreshnessEntry[];
  /** Number of entries that failed: lagging beyond `maxDaysBehind`, or unknown. */
  readonly failed: number;
}

export interface FreshnessOptions {
  readonly eks: EKSClient;
  /** Kubernetes API of the cluster; without it only the node groups are checked. */
  readonly kubeConfig?: KubeConfig;
  readonly catalog: ReleaseCatalog;
  readonly clusterName: string;
  readonly maxDaysBehind: number;
}

interface NodegroupFacts {
  readonly name: string;
  readonly version?: string;
  readonly amiType?: string;
  readonly releaseVersion?: string;
}

export async function checkFreshness(options: FreshnessOptions): Promise<FreshnessReport> {
  const { catalog, maxDaysBehind } = options;
  const nodegroups = await readNodegroups(options.eks, options.clusterName, catalog.region);
  const entries: FreshnessEntry[] = [];

  for (const group of nodegroups) {
    entries.push({
      kind: 'nodegroup',
      name: group.name,
      ...optional('kubernetesVersion', group.version),
      ...optional('amiType', group.amiType),
      ...(await assessNodegroup(group, options)),
    });
  }

  if (options.kubeConfig !== undefined) {
    const byName = new Map(nodegroups.map((group) => [group.name, group]));
    for (const node of await readNodes(options.kubeConfig)) {
      entries.push(await nodeEntry(node, byName, options));
    }
  }

  return {
    cluster: options.clusterName,
    region: catalog.region,
    maxDaysBehind,
    entries,
    failed: entries.filter((entry) => !entry.passed).length,
  };
}

async function assessNodegroup(
  group: NodegroupFacts,
  options: FreshnessOptions,
): Promise<Assessment> {
  if (
    group.releaseVersion === undefined ||
    group.version === undefined ||
    group.amiType === undefined
  ) {
    return unknown({
      messageId: 'nodes.reason.nodegroupIncomplete',
      params: { nodegroup: group.name },
    });
  }
  const lookup = await options.catalog.latest(group.version, group.amiType);
  return assessRelease(
    group.releaseVersion,
    `EKS DescribeNodegroup ${group.name} releaseVersion`,
    lookup,
    options.maxDaysBehind,
  );
}

/**
 * Describes a node: its Kubernetes version from the kubelet (else its node group), its AMI type
 * from its node group (else its architecture and OS image), and its AMI id from the EKS label.
 */
async function nodeEntry(
  node: V1Node,
  nodegroups: ReadonlyMap<string, NodegroupFacts>,
  options: FreshnessOptions,
): Promise<FreshnessEntry> {
  const name = node.metadata?.name ?? '';
  const labels = node.metadata?.labels ?? {};
  const nodeInfo = node.status?.nodeInfo;
  const group = nodegroups.get(labels[NODEGROUP_LABEL] ?? '');
  const version = minorVersionOf(nodeInfo?.kubeletVersion) ?? group?.version;
  const amiType = group?.amiType ?? amiTypeOfNode(labels[ARCH_LABEL], nodeInfo?.osImage);
  const imageId = labels[NODEGROUP_IMAGE_LABEL];

  return {
    kind: 'node',
    name,
    ...optional('nodegroup', labels[NODEGROUP_LABEL]),
    ...optional('kubernetesVersion', version),
    ...optional('amiType', amiType),
    ...optional('imageId', imageId),
    ...(await assessNode(name, version, amiType, imageId, options.catalog, options.maxDaysBehind)),
  };
}

/**
 * Judges a node by its AMI id. The node runs the latest release when the id is the latest
 * `image_id`, otherwise the release that SSM lists with that id.
 */
async function assessNode(
  name: string,
  version: string | undefined,
  amiType: string | undefined,
  imageId: string | undefined,
  catalog: ReleaseCatalog,
  maxDaysBehind: number,
): Promise<Assessment> {
  if (imageId === undefined) {
    return unknown({
      messageId: 'nodes.reason.noImageLabel',
      params: { node: name, label: NODEGROUP_IMAGE_LABEL },
    });
  }
  if (version === undefined || amiType === undefined) {
    return unknown({ messageId: 'nodes.reason.nodeUnidentified', params: { node: name } });
  }
  const lookup = await catalog.latest(version, amiType);
  if (lookup.found && lookup.latest.imageId === imageId) {
    return assessRelease(
      lookup.latest.release.text,
      `SSM ${lookup.latest.parameter}`,
      lookup,
      maxDaysBehind,
    );
  }
  const release = await catalog.releaseOfImage(version, amiType, imageId);
  if (release === undefined) {
    return unknown({
      messageId: 'nodes.reason.imageNotListed',
      params: { image: imageId, version, amiType, region: catalog.region },
    });
  }
  return assessRelease(release, `SSM release of ${imageId}`, lookup, maxDaysBehind);
}

async function readNodegroups(
  eks: EKSClient,
  clusterName: string,
  region: string,
): Promise<NodegroupFacts[]> {
  let request = 'ListNodegroups';
  try {
    const names: string[] = [];
    for await (const page of paginateListNodegroups({ client: eks }, { clusterName })) {
      names.push(...(page.nodegroups ?? []));
    }
    const groups: NodegroupFacts[] = [];
    for (const name of names.sort()) {
      request = `DescribeNodegroup ${name}`;
      const output = await eks.send(
        new DescribeNodegroupCommand({ clusterName, nodegroupName: name }),
      );
      groups.push(factsOf(name, output.nodegroup));
    }
    return groups;
  } catch (error) {
    const bad = badResponseOf(error);
    if (bad !== undefined) {
      throw new KinkoError(NODES_FAILED, 'user', {
        messageId: 'nodes.eks.badResponse',
        params: {
          cluster: clusterName,
          region,
          request,
          endpoint: await endpointOf(eks, 'eks', region),
          ...bad,
        },
      });
    }
    const notFound = error instanceof Error && error.name === 'ResourceNotFoundException';
    throw new KinkoError(NODES_FAILED, 'user', {
      messageId: notFound ? 'nodes.eks.clusterNotFound' : 'nodes.eks.failed',
      params: { cluster: clusterName, region, reason: awsErrorText(error) },
    });
  }
}

function factsOf(name: string, nodegroup: Nodegroup | undefined): NodegroupFacts {
  return {
    name,
    ...optional('version', nodegroup?.version),
    ...optional('amiType', nodegroup?.amiType),
    ...optional('releaseVersion', nodegroup?.releaseVersion),
  };
}

async function readNodes(kubeConfig: KubeConfig): Promise<V1Node[]> {
  try {
    const list = await kubeConfig.makeApiClient(CoreV1Api).listNode();
    return [...list.items].sort((a, b) =>
      (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
    );
  } catch (error) {
    throw new KinkoError(NODES_FAILED, 'user', {
      messageId: 'nodes.kube.failed',
      params: {
        server: kubeConfig.getCurrentCluster()?.server ?? '-',
        reason: error instanceof Error ? error.message : String(error),
      },
    });
  }
}

/** Returns `{ [key]: value }`, or an empty object for a missing value, so JSON output leaves the key out. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return value === undefined || value === '' ? {} : ({ [key]: value } as { [P in K]?: string });
}
