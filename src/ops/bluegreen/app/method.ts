/**
 * The plan each switching method gives the change steps: the current and desired state of one
 * object, a writer and a reader of that state, and the readiness of the pods users move to.
 */
import type { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';

import { KinkoError } from '../../../errors.js';
import type { State } from '../change.js';
import { SWITCH_INVALID } from '../switch-cluster.js';
import type { AppTarget } from './target.js';

export interface AppClients {
  readonly core: CoreV1Api;
  readonly custom: CustomObjectsApi;
}

export interface MethodPlan {
  /** Kind, namespace and name of the object the change patches. */
  readonly resource: string;
  readonly current: State;
  readonly desired: State;
  readonly currentText: string;
  readonly desiredText: string;
  /** Writes a state; with `dryRun`, the API server admits the request but stores nothing. */
  readonly write: (state: State, dryRun: boolean) => Promise<void>;
  readonly readBack: () => Promise<State>;
  /** Pods users reach after the change. */
  readonly readiness: { readonly ready: number; readonly total: number; readonly pods: string };
  /** Service in front of the pods users reach after the change, for the smoke check. */
  readonly previewService: string;
}

/** Returns the user error for an object that the manifests create but the cluster lacks. */
export function objectMissing(target: AppTarget, object: string): KinkoError {
  return new KinkoError(SWITCH_INVALID, 'user', {
    messageId: 'ops.app.objectMissing',
    params: {
      system: target.system.name,
      app: target.app.name,
      object,
      namespace: target.system.namespace,
    },
  });
}
