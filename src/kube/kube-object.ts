/**
 * The shape every generated Kubernetes object shares, so files, the renderer and the ledger can
 * handle a Deployment and a custom resource alike.
 */
import type { V1ObjectMeta } from '@kubernetes/client-node';

/** Object metadata with the name required, since every generated object is named. */
export type KubeObjectMeta = V1ObjectMeta & { name: string };

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
}

/**
 * A typed object from `@kubernetes/client-node` (or a custom resource interface) whose apiVersion,
 * kind and metadata are set, as the API server requires for apply.
 */
export type Manifest<T> = T & KubeObject;
