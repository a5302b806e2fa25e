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
import { rolloutPhase } from './rollout-method.js';

export interface AppStatus {
  readonly system: string;
  readonly app: string;
  readonly method: 'service' | 'upstream' | 'rollout';
  /** Colour users reach, or for a Rollout its stable revision and any revision on preview. */
  readonly live: string;
  /** Colour platform.yaml declares live; `-` for a Rollout. */
  readonly declared: string;
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

async function liveOf(
  system: ResolvedSystem,
  app: ResolvedApp,
  core: CoreV1Api,
  custom: CustomObjectsApi,
): Promise<string> {
  const namespace = system.namespace;
  switch (app.blueGreen?.method) {
    case 'service': {
      const service = await readOrMissing(`read Service ${namespace}/${app.name}`, () =>
        core.readNamespacedService({ name: app.name, namespace }),
      );
      return service === undefined ? MISSING : (service.spec?.selector?.[LABEL_COLOUR] ?? '-');
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
      if (body === undefined) return MISSING;
      const pass = body.spec?.routes?.find((route) => route.path === app.routePath)?.action?.pass;
      return APP_COLOURS.find((colour) => colourObjectName(app, colour) === pass) ?? pass ?? '-';
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
      if (body === undefined) return MISSING;
      const stable = body.status?.stableRS ?? '-';
      const current = body.status?.currentPodHash ?? '-';
      const phase = rolloutPhase(body);
      return current === stable && phase !== 'aborted'
        ? `revision ${stable}`
        : `revision ${stable}, preview ${current} ${phase}`;
    }
    default:
      return '-';
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
        live: await liveOf(system, app, core, custom),
        declared: blueGreen.method === 'rollout' ? '-' : blueGreen.live,
      });
    }
  }
  return statuses;
}
