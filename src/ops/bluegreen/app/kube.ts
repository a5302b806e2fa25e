/**
 * Kubernetes API access for application blue/green: one wrapper that turns a failed call into a
 * KinkoError naming the step, the merge-patch header, and the count of ready pods.
 */
import {
  ApiException,
  CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1Pod,
} from '@kubernetes/client-node';

import { KinkoError } from '../../../errors.js';

export const APP_KUBE_FAILED = 'KINKO_APP_KUBE_FAILED';

export const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
export const JSON_PATCH = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);

/** The `dryRun` query value that makes the API server admit a request without storing it. */
export const SERVER_DRY_RUN = 'All';

function kubeErrorText(error: unknown): string {
  if (error instanceof ApiException) {
    const body: unknown = error.body;
    const message =
      typeof body === 'string'
        ? body
        : typeof body === 'object' && body !== null && 'message' in body
          ? String((body as { message: unknown }).message)
          : '';
    return `HTTP ${error.code}${message !== '' ? `: ${message}` : ''}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** Runs one Kubernetes API call, turning its failure into a KinkoError that names the step. */
export async function kubeStep<T>(step: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof KinkoError) throw error;
    throw new KinkoError(APP_KUBE_FAILED, 'tool', {
      messageId: 'ops.app.kubeFailed',
      params: { step, reason: kubeErrorText(error) },
    });
  }
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiException && error.code === 404;
}

function isReady(pod: V1Pod): boolean {
  return (
    pod.metadata?.deletionTimestamp === undefined &&
    pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true
  );
}

/** Counts the pods that `selector` matches in `namespace`, and how many of them are Ready. */
export async function countReadyPods(
  core: CoreV1Api,
  namespace: string,
  selector: Readonly<Record<string, string>>,
): Promise<{ ready: number; total: number }> {
  const labelSelector = Object.entries(selector)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  const pods = await kubeStep(`list pods ${namespace} ${labelSelector}`, () =>
    core.listNamespacedPod({ namespace, labelSelector }),
  );
  return { ready: pods.items.filter(isReady).length, total: pods.items.length };
}
