/**
 * Reads the synthesized manifests of one cluster from disk into a list of objects, each with
 * the file and document it came from, rejecting anything that is not a complete Kubernetes object.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import type { KubernetesObject } from '@kubernetes/client-node';
import { parseAllDocuments } from 'yaml';

import { KinkoError, type Problem } from '../../errors.js';

export const APPLY_INPUT_INVALID = 'KINKO_APPLY_INPUT_INVALID';

export interface SourcedObject {
  readonly object: KubernetesObject;
  /** File relative to the folder given to `kinko apply`, and the 1-based document in it. */
  readonly file: string;
  readonly document: number;
}

/** `namespace/name` or `name`, with the kind, as messages name an object. */
export function describeObject(object: KubernetesObject): string {
  const namespace = object.metadata?.namespace;
  const name = object.metadata?.name ?? '(unnamed)';
  return `${object.kind ?? '(no kind)'} ${namespace !== undefined ? `${namespace}/` : ''}${name}`;
}

function yamlFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry.name)) files.push(path);
    }
  };
  walk(dir);
  return files;
}

/** Lists the subfolders of `dir`, sorted, and tells whether `dir` contains YAML files itself. */
function folderContents(dir: string): { folders: string[]; hasYaml: boolean } {
  const entries = readdirSync(dir, { withFileTypes: true });
  return {
    folders: entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(),
    hasYaml: entries.some((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name)),
  };
}

/**
 * Whether `dir` is the `k8s` folder of a synth output: cluster folders only, each holding
 * namespace folders and no YAML file of its own. A cluster's folder holds YAML files one level
 * down, so the two cannot be taken for each other.
 */
function isClustersFolder(dir: string): boolean {
  const top = folderContents(dir);
  if (top.hasYaml || top.folders.length === 0) return false;
  return top.folders.every((folder) => {
    const inner = folderContents(join(dir, folder));
    return !inner.hasYaml && inner.folders.length > 0;
  });
}

/**
 * Picks the folder of one cluster's manifests: DIR/k8s/<cluster> of a synth output, DIR/<cluster>
 * when DIR is that `k8s` folder, or DIR itself when it contains one cluster's manifests. With several
 * clusters, `cluster` names the one to apply; a `cluster` that matches no folder is an error, so
 * the manifests of one cluster never reach another.
 */
export function clusterManifestDir(dir: string, cluster?: string): string {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new KinkoError(APPLY_INPUT_INVALID, 'user', {
      messageId: 'apply.input.notFound',
      params: { dir },
    });
  }
  const k8s = join(dir, 'k8s');
  const clustersDir = existsSync(k8s) ? k8s : isClustersFolder(dir) ? dir : undefined;
  if (clustersDir === undefined) {
    if (cluster !== undefined) {
      throw new KinkoError(APPLY_INPUT_INVALID, 'user', {
        messageId: 'apply.input.clusterOfPlainFolder',
        params: { cluster, dir },
        fixId: 'apply.input.clusterOfPlainFolder.fix',
      });
    }
    return dir;
  }

  const clusters = folderContents(clustersDir).folders;
  if (cluster !== undefined) {
    if (!clusters.includes(cluster)) {
      throw new KinkoError(APPLY_INPUT_INVALID, 'user', {
        messageId: 'apply.input.unknownCluster',
        params: { cluster, dir, clusters: clusters.join(', ') },
      });
    }
    return join(clustersDir, cluster);
  }
  if (clusters.length !== 1) {
    throw new KinkoError(APPLY_INPUT_INVALID, 'user', {
      messageId: 'apply.input.chooseCluster',
      params: { dir, clusters: clusters.join(', ') },
    });
  }
  return join(clustersDir, clusters[0] ?? '');
}

export function readManifestSet(dir: string): SourcedObject[] {
  const objects: SourcedObject[] = [];
  const problems: Problem[] = [];

  for (const path of yamlFiles(dir)) {
    const file = relative(dir, path);
    parseAllDocuments(readFileSync(path, 'utf8')).forEach((document, index) => {
      if (document.errors.length > 0) {
        problems.push({
          messageId: 'apply.input.yaml',
          params: {
            file,
            document: index + 1,
            reason: document.errors[0]?.message.split('\n')[0] ?? '',
          },
        });
        return;
      }
      const object = document.toJS() as KubernetesObject | null;
      if (object === null) return;
      if (!object.apiVersion || !object.kind || !object.metadata?.name) {
        problems.push({
          messageId: 'apply.input.incomplete',
          params: { file, document: index + 1 },
        });
        return;
      }
      objects.push({ object, file, document: index + 1 });
    });
  }

  if (problems.length > 0) {
    throw new KinkoError(
      APPLY_INPUT_INVALID,
      'user',
      { messageId: 'apply.input.invalid', params: { dir, count: problems.length } },
      problems,
    );
  }
  if (objects.length === 0) {
    throw new KinkoError(APPLY_INPUT_INVALID, 'user', {
      messageId: 'apply.input.empty',
      params: { dir },
    });
  }
  return objects;
}
