/**
 * The live colour of every blue/green app, for `kinko status`. Read-only; an object that is not
 * in the cluster yet reads as `missing` instead of failing the whole status.
 */
import { CoreV1Api, CustomObjectsApi, type KubeConfig } from '@kubernetes/client-node';

import { APP_COLOURS, colourObjectName } from '../../../kube/app-colour.js';
import { virtualServerName } from '../../../kube/names.js';
import {
  LABEL_COLOUR,
  type ResolvedApp,
  type ResolvedPlatform,
  type ResolvedSystem,
} from '../../../model/platform.js';
import { isNotFound, kubeStep } from './kube.js';
import { rolloutPhase, type RolloutPhase } from './rollout-method.js';

export interface AppStatus {
  readonly system: string;
  readonly app: string;
  readonly method: 'service' | 'upstream' | 'rollout';
  /**
   * Colour users reach under `service` and `upstream`, or `missing` when the object is not in the
   * cluster yet. It is `null` when the object names no colour, and for a Rollout that exists.
   */
  readonly live: string | null;
  /** Colour platform.yaml declares live; `null` for a Rollout, which has none. */
  readonly declared: string | null;
  /** A Rollout's revisions: `null` where the controller has not written one yet. */
  readonly revisions?: {
    readonly stable: string | null;
    readonly current: string | null;
    readonly phase: RolloutPhase;
  };
}

/** Renders the live state of an app for people: a colour, or a Rollout's revisions. */
export function appLiveText(status: AppStatus): string {
  const revisions = status.revisions;
  if (revisions === undefined) return status.live ?? '-';
  const stable = revisions.stable ?? '-';
  return revisions.current === revisions.stable && revisions.phase !== 'aborted'
    ? `revision ${stable}`
    : `revision ${stable}, preview ${revisions.current ?? '-'} ${revisions.phase}`;
}

const MISSING = 'missing';

async function readOrMissing<T>(step: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (isNotFound(error)) return undefined;
    return kubeStep(step, () => Promise.reject(error));
  }
}

type AppLive = Pick<AppStatus, 'live' | 'revisions'>;

async function liveOf(
  system: ResolvedSystem,
  app: ResolvedApp,
  core: CoreV1Api,
  custom: CustomObjectsApi,
): Promise<AppLive> {
  const namespace = system.namespace;
  switch (app.blueGreen?.method) {
    case 'service': {
      const service = await readOrMissing(`read Service ${namespace}/${app.name}`, () =>
        core.readNamespacedService({ name: app.name, namespace }),
      );
      return {
        live: service === undefined ? MISSING : (service.spec?.selector?.[LABEL_COLOUR] ?? null),
      };
    }
    case 'upstream': {
      const name = virtualServerName(system);
      const body = (await readOrMissing(`read VirtualServer ${namespace}/${name}`, () =>
        custom.getNamespacedCustomObject({
          group: 'k8s.nginx.org',
          version: 'v1',
          namespace,
          plural: 'virtualservers',
          name,
        }),
      )) as
        { spec?: { routes?: Array<{ path?: string; action?: { pass?: string } }> } } | undefined;
      if (body === undefined) return { live: MISSING };
      const pass = body.spec?.routes?.find((route) => route.path === app.routePath)?.action?.pass;
      return {
        live: APP_COLOURS.find((colour) => colourObjectName(app, colour) === pass) ?? pass ?? null,
      };
    }
    case 'rollout': {
      const body = (await readOrMissing(`read Rollout ${namespace}/${app.name}`, () =>
        custom.getNamespacedCustomObject({
          group: 'argoproj.io',
          version: 'v1alpha1',
          namespace,
          plural: 'rollouts',
          name: app.name,
        }),
      )) as Parameters<typeof rolloutPhase>[0] & {
        status?: { stableRS?: string; currentPodHash?: string };
      };
      if (body === undefined) return { live: MISSING };
      return {
        live: null,
        revisions: {
          stable: body.status?.stableRS ?? null,
          current: body.status?.currentPodHash ?? null,
          phase: rolloutPhase(body),
        },
      };
    }
    default:
      return { live: null };
  }
}

export async function readAppStatus(
  platform: ResolvedPlatform,
  kubeConfig: KubeConfig,
): Promise<AppStatus[]> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const statuses: AppStatus[] = [];
  for (const system of platform.systems) {
    for (const app of system.apps) {
      const blueGreen = app.blueGreen;
      if (blueGreen === undefined) continue;
      statuses.push({
        system: system.name,
        app: app.name,
        method: blueGreen.method,
        ...(await liveOf(system, app, core, custom)),
        declared: blueGreen.method === 'rollout' ? null : blueGreen.live,
      });
    }
  }
  return statuses;
}
