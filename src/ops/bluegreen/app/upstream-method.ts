/**
 * `blueGreen.method: upstream`: the system's VirtualServer has an upstream per colour, and the
 * app's route passes to the live one. A switch is one JSON patch of that route's `action.pass`.
 * Its `test` operation checks the route's path first, so a reordered route list fails the patch
 * instead of moving another app.
 */
import type { AppColour } from '../../../model/platform.js';
import { APP_COLOURS, colourObjectName, colourSelector } from '../../../kube/app-colour.js';
import { virtualServerName } from '../../../kube/names.js';
import type { State } from '../change.js';
import { countReadyPods, isNotFound, JSON_PATCH, kubeStep, SERVER_DRY_RUN } from './kube.js';
import { objectMissing, type AppClients, type MethodPlan } from './method.js';
import type { AppTarget } from './target.js';

const GROUP = 'k8s.nginx.org';
const VERSION = 'v1';
const PLURAL = 'virtualservers';

interface VirtualServerBody {
  readonly spec?: {
    readonly routes?: ReadonlyArray<{
      readonly path?: string;
      readonly action?: { pass?: string };
    }>;
  };
}

export async function planUpstreamSwitch(
  target: AppTarget,
  clients: AppClients,
  to: AppColour,
): Promise<MethodPlan> {
  const { system, app } = target;
  const namespace = system.namespace;
  const name = virtualServerName(system);
  const resource = `VirtualServer ${namespace}/${name}`;

  const readRoute = async (): Promise<{ index: number; pass: string }> => {
    let body: VirtualServerBody;
    try {
      body = (await clients.custom.getNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace,
        plural: PLURAL,
        name,
      })) as VirtualServerBody;
    } catch (error) {
      if (isNotFound(error)) throw objectMissing(target, resource);
      return kubeStep(`read ${resource}`, () => Promise.reject(error));
    }
    const routes = body.spec?.routes ?? [];
    const index = routes.findIndex((route) => route.path === app.routePath);
    if (index < 0) throw objectMissing(target, `${resource} route ${app.routePath}`);
    return { index, pass: routes[index]?.action?.pass ?? '-' };
  };
  const colourOfPass = (pass: string): string =>
    APP_COLOURS.find((colour) => colourObjectName(app, colour) === pass) ?? pass;
  const readBack = async (): Promise<State> => ({ live: colourOfPass((await readRoute()).pass) });

  const route = await readRoute();
  const current = { live: colourOfPass(route.pass) };
  const desired = { live: to };
  const readiness = await countReadyPods(clients.core, namespace, colourSelector(app, to));
  return {
    resource: `${resource} route ${app.routePath}`,
    current,
    desired,
    currentText: `live ${current.live}`,
    desiredText: `live ${desired.live}`,
    write: async (state, dryRun) => {
      const colour = String(state.live);
      await kubeStep(`patch ${resource}`, () =>
        clients.custom.patchNamespacedCustomObject(
          {
            group: GROUP,
            version: VERSION,
            namespace,
            plural: PLURAL,
            name,
            body: [
              { op: 'test', path: `/spec/routes/${route.index}/path`, value: app.routePath },
              {
                op: 'replace',
                path: `/spec/routes/${route.index}/action/pass`,
                value: APP_COLOURS.includes(colour as AppColour)
                  ? colourObjectName(app, colour as AppColour)
                  : colour,
              },
            ],
            ...(dryRun ? { dryRun: SERVER_DRY_RUN } : {}),
          },
          JSON_PATCH,
        ),
      );
    },
    readBack,
    readiness: { ...readiness, pods: `${namespace}/${colourObjectName(app, to)}` },
    previewService: colourObjectName(app, to),
  };
}
