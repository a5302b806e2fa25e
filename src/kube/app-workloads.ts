/**
 * The workload, Services and disruption budgets of one app. Without `blueGreen` that is one
 * Deployment, its Service and its budget. With it (R3), the objects depend on the method:
 *
 * - `service`: a Deployment and a budget per colour; the Service `<app>` selects the live colour
 *   and `<app>-preview` the other, and a switch patches both selectors.
 * - `upstream`: a Deployment, a Service and a budget per colour; the system's VirtualServer has an
 *   upstream per colour, and a switch patches the app's route to pass to the other one.
 * - `rollout`: an Argo Rollout with the Services `<app>` (active) and `<app>-preview`, whose
 *   selectors the Argo Rollouts controller narrows to one revision each; one budget.
 */
import type { V1Deployment, V1PodDisruptionBudget, V1Service } from '@kubernetes/client-node';

import {
  LABEL_COLOUR,
  type AppColour,
  type ResolvedApp,
  type ResolvedSystem,
} from '../model/platform.js';
import {
  APP_COLOURS,
  colourImage,
  colourObjectName,
  colourSelector,
  otherColour,
  previewServiceName,
} from './app-colour.js';
import { buildDeployment } from './deployment.js';
import type { Manifest } from './kube-object.js';
import { buildPodDisruptionBudget } from './pod-disruption-budget.js';
import { buildRollout, type Rollout } from './rollout.js';
import { buildService } from './service.js';

export interface AppObjects {
  /** Deployments, or the Rollout. */
  readonly workloads: ReadonlyArray<Manifest<V1Deployment> | Manifest<Rollout>>;
  readonly services: ReadonlyArray<Manifest<V1Service>>;
  readonly budgets: ReadonlyArray<Manifest<V1PodDisruptionBudget>>;
}

/** Builds the budget of one colour, so a drain evicts one pod of each colour at a time. */
function colourBudget(
  system: ResolvedSystem,
  app: ResolvedApp,
  labels: Readonly<Record<string, string>>,
  colour: AppColour,
): Manifest<V1PodDisruptionBudget> {
  const budget = buildPodDisruptionBudget(system, app, labels);
  return {
    ...budget,
    metadata: { ...budget.metadata, name: colourObjectName(app, colour) },
    spec: { ...budget.spec, selector: { matchLabels: colourSelector(app, colour) } },
  };
}

export function buildAppObjects(
  system: ResolvedSystem,
  app: ResolvedApp,
  labels: Readonly<Record<string, string>>,
): AppObjects {
  const blueGreen = app.blueGreen;
  if (blueGreen === undefined) {
    return {
      workloads: [buildDeployment(system, app, labels)],
      services: [buildService(system, app, labels)],
      budgets: [buildPodDisruptionBudget(system, app, labels)],
    };
  }

  if (blueGreen.method === 'rollout') {
    return {
      workloads: [buildRollout(system, app, buildDeployment(system, app, labels))],
      services: [
        buildService(system, app, labels),
        buildService(system, app, labels, {
          name: previewServiceName(app),
          selector: app.selector,
        }),
      ],
      budgets: [buildPodDisruptionBudget(system, app, labels)],
    };
  }

  const workloads = APP_COLOURS.map((colour) =>
    buildDeployment(
      system,
      app,
      { ...labels, [LABEL_COLOUR]: colour },
      {
        name: colourObjectName(app, colour),
        selector: colourSelector(app, colour),
        image: colourImage(app, blueGreen, colour),
      },
    ),
  );
  const budgets = APP_COLOURS.map((colour) =>
    colourBudget(system, app, { ...labels, [LABEL_COLOUR]: colour }, colour),
  );

  if (blueGreen.method === 'upstream') {
    const services = APP_COLOURS.map((colour) =>
      buildService(
        system,
        app,
        { ...labels, [LABEL_COLOUR]: colour },
        { name: colourObjectName(app, colour), selector: colourSelector(app, colour) },
      ),
    );
    return { workloads, services, budgets };
  }

  const services = [
    buildService(system, app, labels, {
      name: app.name,
      selector: colourSelector(app, blueGreen.live),
    }),
    buildService(system, app, labels, {
      name: previewServiceName(app),
      selector: colourSelector(app, otherColour(blueGreen.live)),
    }),
  ];
  return { workloads, services, budgets };
}
