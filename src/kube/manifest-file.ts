/**
 * A manifest file: the objects of one concern, in one namespace folder of one cluster.
 */
import type { KubeObject } from './kube-object.js';

export interface ManifestFile {
  /** EKS cluster name; the first folder under `k8s/`. */
  cluster: string;
  /**
   * Namespace folder; for cluster-scoped objects, the folder of the namespace they serve. The
   * Argo CD capability's Roles are the exception: they stay in the Argo CD folder, which Argo
   * CD does not sync, whatever namespace they grant in.
   */
  namespace: string;
  /** File name; its two-digit prefix orders `kubectl apply -f <folder>` by dependency. */
  fileName: string;
  objects: KubeObject[];
}

/** Path of `file` relative to the output folder: `k8s/<cluster>/<namespace>/<fileName>`. */
export function manifestFilePath(
  file: Pick<ManifestFile, 'cluster' | 'namespace' | 'fileName'>,
): string {
  return `k8s/${file.cluster}/${file.namespace}/${file.fileName}`;
}
