/**
 * Server-side apply of synthesized manifests with field manager `kinko`, in dependency order,
 * with a dry run that diffs against the live objects and a prune of objects Kinko applied before
 * and no longer produces.
 */
import {
  ApiException,
  KubernetesObjectApi,
  PatchStrategy,
  type KubeConfig,
  type KubernetesObject,
  type V1CustomResourceDefinition,
} from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';
import { LABEL_MANAGED_BY, LABEL_PART_OF, MANAGED_BY } from '../../model/platform.js';
import { diffObjects, normalizeObject } from './diff.js';
import { describeObject, type SourcedObject } from './manifest-set.js';
import { sortForApply } from './order.js';
import { PRUNABLE_KINDS, pruneCandidates } from './prune.js';

export const FIELD_MANAGER = 'kinko';
export const APPLY_FAILED = 'KINKO_APPLY_FAILED';

export type ChangeKind = 'created' | 'configured' | 'unchanged' | 'pruned';

export interface ObjectChange {
  readonly change: ChangeKind;
  /** Kind and namespace/name, for example `Deployment a/web`. */
  readonly object: string;
  /** Unified diff of the live object against the applied one; set on a dry run. */
  readonly diff?: string;
}

export interface ApplyOptions {
  readonly kubeConfig: KubeConfig;
  readonly objects: readonly SourcedObject[];
  readonly dryRun: boolean;
  readonly prune: boolean;
  /** Called after each object, so the CLI can print progress. */
  readonly onChange?: (change: ObjectChange) => void;
  /** Seconds to wait for a CustomResourceDefinition to be Established. */
  readonly crdTimeoutSeconds?: number;
}

export interface ApplyResult {
  readonly changes: readonly ObjectChange[];
}

/** The API server's own message from a failed request, or the error text. */
export function apiMessage(error: unknown): string {
  if (error instanceof ApiException) {
    try {
      const body = JSON.parse(String(error.body)) as { message?: string };
      if (body.message) return `${body.message} (HTTP ${error.code})`;
    } catch {
      // The body was not JSON: fall through to the status code.
    }
    return `HTTP ${error.code}`;
  }
  return error instanceof Error ? error.message : String(error);
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiException && error.code === 404;
}

async function readLive(
  client: KubernetesObjectApi,
  object: KubernetesObject,
): Promise<KubernetesObject | undefined> {
  try {
    return await client.read({
      apiVersion: object.apiVersion ?? '',
      kind: object.kind ?? '',
      metadata: {
        name: object.metadata?.name ?? '',
        ...(object.metadata?.namespace ? { namespace: object.metadata.namespace } : {}),
      },
    });
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

async function waitForEstablished(
  client: KubernetesObjectApi,
  crd: KubernetesObject,
  timeoutSeconds: number,
) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const live = (await client.read({
      apiVersion: crd.apiVersion ?? '',
      kind: crd.kind ?? '',
      metadata: { name: crd.metadata?.name ?? '' },
    })) as V1CustomResourceDefinition;
    const established = live.status?.conditions?.some(
      (c) => c.type === 'Established' && c.status === 'True',
    );
    if (established) return;
    if (Date.now() > deadline) {
      throw new Error(
        `CustomResourceDefinition ${crd.metadata?.name ?? ''} not Established after ${timeoutSeconds} s`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function applyManifests(options: ApplyOptions): Promise<ApplyResult> {
  const client = KubernetesObjectApi.makeApiClient(options.kubeConfig);
  const dryRun = options.dryRun ? 'All' : undefined;
  const changes: ObjectChange[] = [];
  const record = (change: ObjectChange) => {
    changes.push(change);
    options.onChange?.(change);
  };

  // Namespaces that a dry run would create: objects inside them cannot be dry-run on the server.
  const newNamespaces = new Set<string>();

  for (const { object, file, document } of sortForApply(options.objects)) {
    const name = describeObject(object);
    try {
      const live = await readLive(client, object);
      const namespace = object.metadata?.namespace;

      let applied: KubernetesObject;
      if (options.dryRun && namespace !== undefined && newNamespaces.has(namespace)) {
        applied = object;
      } else {
        applied = await client.patch(
          object,
          undefined,
          dryRun,
          FIELD_MANAGER,
          true,
          PatchStrategy.ServerSideApply,
        );
      }
      if (options.dryRun && object.kind === 'Namespace' && live === undefined) {
        newNamespaces.add(object.metadata?.name ?? '');
      }
      if (!options.dryRun && object.kind === 'CustomResourceDefinition') {
        await waitForEstablished(client, object, options.crdTimeoutSeconds ?? 60);
      }

      const before = live === undefined ? undefined : normalizeObject(live);
      const after = normalizeObject(applied);
      const change: ChangeKind =
        live === undefined
          ? 'created'
          : JSON.stringify(before) === JSON.stringify(after)
            ? 'unchanged'
            : 'configured';
      record({
        change,
        object: name,
        ...(options.dryRun && change !== 'unchanged'
          ? { diff: diffObjects(name, before, after) }
          : {}),
      });
    } catch (error) {
      throw new KinkoError(
        APPLY_FAILED,
        'user',
        {
          messageId: 'apply.failed',
          params: { object: name, file, document, message: apiMessage(error) },
        },
        changes.map((done) => ({
          messageId: 'apply.failed.done',
          params: { change: done.change, object: done.object },
        })),
      );
    }
  }

  if (options.prune) {
    const partOf = new Set(
      options.objects.map(({ object }) => object.metadata?.labels?.[LABEL_PART_OF]),
    );
    for (const platform of partOf) {
      if (platform === undefined) continue;
      const selector = `${LABEL_MANAGED_BY}=${MANAGED_BY},${LABEL_PART_OF}=${platform}`;
      for (const stale of await pruneCandidates(
        client,
        options.objects,
        PRUNABLE_KINDS,
        selector,
      )) {
        const name = describeObject(stale);
        try {
          if (!options.dryRun)
            await client.delete(stale, undefined, undefined, undefined, undefined, 'Background');
        } catch (error) {
          if (isNotFound(error)) continue;
          throw new KinkoError(
            APPLY_FAILED,
            'user',
            {
              messageId: 'apply.pruneFailed',
              params: { object: name, message: apiMessage(error) },
            },
            changes.map((done) => ({
              messageId: 'apply.failed.done',
              params: { change: done.change, object: done.object },
            })),
          );
        }
        record({ change: 'pruned', object: name });
      }
    }
  }

  return { changes };
}
