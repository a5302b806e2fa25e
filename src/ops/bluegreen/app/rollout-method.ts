/**
 * `blueGreen.method: rollout`: the Argo Rollouts controller moves the active Service; Kinko only
 * sets the fields the `kubectl argo rollouts` plugin (v1.x) sets.
 *
 * - Promote clears `status.pauseConditions` through the status subresource, and sets
 *   `spec.paused: false` when the Rollout is paused by spec as well.
 * - Abort sets `status.abort: true` through the status subresource; the controller points the
 *   active Service back at the stable revision and scales the new one down.
 *
 * The state Kinko records is the revision (`status.currentPodHash`) and its phase: `paused`
 * while it waits on the preview, `promoted` once nothing pauses it, `aborted` after an abort.
 */
import { KinkoError } from '../../../errors.js';
import { ROLLOUT_POD_TEMPLATE_HASH } from '../../../kube/rollout.js';
import type { State } from '../change.js';
import { SWITCH_INVALID } from '../switch-cluster.js';
import { countReadyPods, isNotFound, kubeStep, MERGE_PATCH, SERVER_DRY_RUN } from './kube.js';
import { objectMissing, type AppClients, type MethodPlan } from './method.js';
import type { AppTarget } from './target.js';
import { previewServiceName } from '../../../kube/app-colour.js';

const GROUP = 'argoproj.io';
const VERSION = 'v1alpha1';
const PLURAL = 'rollouts';

export type RolloutPhase = 'paused' | 'promoted' | 'aborted';

interface RolloutBody {
  readonly spec?: { readonly paused?: boolean };
  readonly status?: {
    readonly abort?: boolean;
    readonly pauseConditions?: readonly unknown[] | null;
    readonly currentPodHash?: string;
    readonly stableRS?: string;
  };
}

/** Phase of a Rollout as promote and abort see it; abort wins over a pause. */
export function rolloutPhase(body: RolloutBody): RolloutPhase {
  if (body.status?.abort === true) return 'aborted';
  const paused = body.spec?.paused === true || (body.status?.pauseConditions ?? []).length > 0;
  return paused ? 'paused' : 'promoted';
}

/**
 * Returns the revision a promote or an abort acts on, and the stable one. A Rollout that the
 * controller has not reconciled yet has no `status.currentPodHash`, and an abort also needs
 * `status.stableRS`. A label selector built without them would be invalid, so a missing value is
 * a user error of its own.
 */
export function rolloutRevisions(
  body: RolloutBody,
  target: AppTarget,
  action: 'promote' | 'abort',
): { revision: string; stable: string } {
  const revision = body.status?.currentPodHash ?? '';
  const stable = body.status?.stableRS ?? '';
  // A promote needs only the revision; the stable one may still be unset on a first rollout.
  const field =
    revision === ''
      ? 'status.currentPodHash'
      : action === 'abort' && stable === ''
        ? 'status.stableRS'
        : '';
  if (field !== '') {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.rolloutNotReconciled',
      params: {
        system: target.system.name,
        app: target.app.name,
        resource: `Rollout ${target.system.namespace}/${target.app.name}`,
        namespace: target.system.namespace,
        field,
        action,
        actionJa: action === 'promote' ? 'プロモート' : 'アボート',
      },
    });
  }
  return { revision, stable };
}

export async function planRolloutChange(
  target: AppTarget,
  clients: AppClients,
  action: 'promote' | 'abort',
): Promise<MethodPlan> {
  const { system, app } = target;
  const namespace = system.namespace;
  const name = app.name;
  const resource = `Rollout ${namespace}/${name}`;
  const api = { group: GROUP, version: VERSION, namespace, plural: PLURAL, name };

  const read = async (): Promise<RolloutBody> => {
    try {
      return (await clients.custom.getNamespacedCustomObject(api)) as RolloutBody;
    } catch (error) {
      if (isNotFound(error)) throw objectMissing(target, resource);
      return kubeStep(`read ${resource}`, () => Promise.reject(error));
    }
  };
  const stateOf = (body: RolloutBody): State => ({
    revision: body.status?.currentPodHash ?? '-',
    phase: rolloutPhase(body),
  });

  const body = await read();
  const { revision, stable } = rolloutRevisions(body, target, action);
  const current = stateOf(body);

  if (action === 'promote' && current.phase === 'aborted') {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.rolloutAborted',
      params: { system: system.name, app: name, resource },
    });
  }
  // An abort needs a revision besides the stable one; once promoted, the new revision is stable.
  if (action === 'abort' && current.phase !== 'aborted' && revision === stable) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.rolloutNothingToAbort',
      params: { system: system.name, app: name, resource, revision },
    });
  }

  const desired: State = { revision, phase: action === 'promote' ? 'promoted' : 'aborted' };
  const targetRevision = action === 'promote' ? revision : stable;
  const readiness = await countReadyPods(clients.core, namespace, {
    ...app.selector,
    [ROLLOUT_POD_TEMPLATE_HASH]: targetRevision,
  });

  const patchStatus = (status: Record<string, unknown>, dryRun: boolean) =>
    kubeStep(`patch ${resource} status`, () =>
      clients.custom.patchNamespacedCustomObjectStatus(
        { ...api, body: { status }, ...(dryRun ? { dryRun: SERVER_DRY_RUN } : {}) },
        MERGE_PATCH,
      ),
    );
  const patchSpec = (spec: Record<string, unknown>, dryRun: boolean) =>
    kubeStep(`patch ${resource}`, () =>
      clients.custom.patchNamespacedCustomObject(
        { ...api, body: { spec }, ...(dryRun ? { dryRun: SERVER_DRY_RUN } : {}) },
        MERGE_PATCH,
      ),
    );

  return {
    resource,
    current,
    desired,
    currentText: `revision ${String(current.revision)} ${String(current.phase)}`,
    desiredText: `revision ${String(desired.revision)} ${String(desired.phase)}`,
    write: async (state, dryRun) => {
      if (state.phase === 'promoted') {
        await patchStatus({ pauseConditions: null }, dryRun);
        if ((await read()).spec?.paused === true) await patchSpec({ paused: false }, dryRun);
      } else if (state.phase === 'aborted') {
        await patchStatus({ abort: true }, dryRun);
      } else {
        // Restores `paused` after a failed verify: the controller's pause reasons cannot be
        // written back, so a spec pause keeps the revision on the preview instead.
        await patchStatus({ abort: false }, dryRun);
        await patchSpec({ paused: true }, dryRun);
      }
    },
    readBack: async () => stateOf(await read()),
    readiness: { ...readiness, pods: `${namespace}/${name} revision ${targetRevision}` },
    previewService: previewServiceName(app),
  };
}
