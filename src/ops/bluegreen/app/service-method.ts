/**
 * `blueGreen.method: service`: the Service `<app>` selects the live colour's pods and
 * `<app>-preview` the other colour's. A switch patches the colour label in both selectors, the
 * live Service first, so users move with the first call and a rerun completes the second.
 */
import type { V1Service } from '@kubernetes/client-node';

import { LABEL_COLOUR, type AppColour } from '../../../model/platform.js';
import {
  colourObjectName,
  colourSelector,
  otherColour,
  previewServiceName,
} from '../../../kube/app-colour.js';
import type { State } from '../change.js';
import { countReadyPods, isNotFound, kubeStep, MERGE_PATCH, SERVER_DRY_RUN } from './kube.js';
import { objectMissing, type AppClients, type MethodPlan } from './method.js';
import type { AppTarget } from './target.js';

interface ServiceColours extends State {
  readonly live: string;
  readonly preview: string;
}

function formatColours(state: State): string {
  return `live ${String(state.live)}, preview ${String(state.preview)}`;
}

export async function planServiceSwitch(
  target: AppTarget,
  clients: AppClients,
  to: AppColour,
): Promise<MethodPlan> {
  const { system, app } = target;
  const namespace = system.namespace;
  const liveName = app.name;
  const previewName = previewServiceName(app);

  const colourOf = async (name: string): Promise<string> => {
    let service: V1Service;
    try {
      service = await clients.core.readNamespacedService({ name, namespace });
    } catch (error) {
      if (isNotFound(error)) throw objectMissing(target, `Service ${namespace}/${name}`);
      return kubeStep(`read Service ${namespace}/${name}`, () => Promise.reject(error));
    }
    return service.spec?.selector?.[LABEL_COLOUR] ?? '-';
  };
  const readBack = async (): Promise<ServiceColours> => ({
    live: await colourOf(liveName),
    preview: await colourOf(previewName),
  });

  const patchSelector = (name: string, colour: string, dryRun: boolean) =>
    kubeStep(`patch Service ${namespace}/${name}`, () =>
      clients.core.patchNamespacedService(
        {
          name,
          namespace,
          body: { spec: { selector: { [LABEL_COLOUR]: colour } } },
          ...(dryRun ? { dryRun: SERVER_DRY_RUN } : {}),
        },
        MERGE_PATCH,
      ),
    );

  const current = await readBack();
  const desired: ServiceColours = { live: to, preview: otherColour(to) };
  const readiness = await countReadyPods(clients.core, namespace, colourSelector(app, to));
  return {
    resource: `Service ${namespace}/${liveName}`,
    current,
    desired,
    currentText: formatColours(current),
    desiredText: formatColours(desired),
    write: async (state, dryRun) => {
      await patchSelector(liveName, String(state.live), dryRun);
      await patchSelector(previewName, String(state.preview), dryRun);
    },
    readBack,
    readiness: { ...readiness, pods: `${namespace}/${colourObjectName(app, to)}` },
    previewService: previewName,
  };
}
