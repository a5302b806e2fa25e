/**
 * Cross-field checks of `blueGreen` (R3) that the schema cannot express:
 *
 * - An app's name may not be a name Kinko derives for another app's blue/green objects
 *   (`<app>-blue`, `<app>-green`, `<app>-preview`, see src/kube/app-colour.ts), because both
 *   apps would then write the same Deployment, Service or PodDisruptionBudget in the namespace.
 * - `live` has no meaning for `method: rollout` (the Argo Rollouts controller decides which
 *   revision users reach), so a `live` written there is rejected instead of ignored.
 */
import { formatPath, valueAt, type YamlPath } from './issues.js';
import { APP_COLOURS, type PlatformConfig } from './schema.js';
import type { ReportProblem } from './validate-edge.js';

/**
 * Names of the objects synth derives from a blue/green app, with their kinds. Kept in step with
 * `colourObjectName` and `previewServiceName`, which take a resolved app.
 */
export function derivedBlueGreenNames(
  appName: string,
  method: 'service' | 'upstream' | 'rollout',
): { name: string; objects: string; objectsJa: string }[] {
  const preview = { name: `${appName}-preview`, objects: 'Service', objectsJa: 'Service' };
  if (method === 'rollout') return [preview];
  const colourObjects =
    method === 'upstream'
      ? {
          objects: 'Deployment, PodDisruptionBudget and Service',
          objectsJa: 'Deployment、PodDisruptionBudget、Service',
        }
      : {
          objects: 'Deployment and PodDisruptionBudget',
          objectsJa: 'Deployment と PodDisruptionBudget',
        };
  return [
    ...APP_COLOURS.map((colour) => ({ name: `${appName}-${colour}`, ...colourObjects })),
    preview,
  ];
}

export function validateBlueGreen(
  config: PlatformConfig,
  data: unknown,
  problem: ReportProblem,
): void {
  config.systems.forEach((system, si) => {
    const appPath = (ai: number): YamlPath => ['systems', si, 'apps', ai];

    // Derived name → the blue/green app that derives it.
    const derived = new Map<
      string,
      { app: string; index: number; objects: string; objectsJa: string }
    >();
    system.apps.forEach((app, ai) => {
      if (app.blueGreen === undefined) return;
      for (const names of derivedBlueGreenNames(app.name, app.blueGreen.method)) {
        derived.set(names.name, { ...names, app: app.name, index: ai });
      }
    });

    system.apps.forEach((app, ai) => {
      const owner = derived.get(app.name);
      if (owner !== undefined) {
        problem('config.blueGreen.nameClash', [...appPath(ai), 'name'], {
          value: app.name,
          system: system.name,
          owner: owner.app,
          ownerPath: formatPath([...appPath(owner.index), 'name']),
          objects: owner.objects,
          objectsJa: owner.objectsJa,
        });
      }

      const blueGreen = app.blueGreen;
      const livePath = [...appPath(ai), 'blueGreen', 'live'];
      if (blueGreen?.method === 'rollout' && valueAt(data, livePath) !== undefined) {
        problem('config.blueGreen.liveWithRollout', livePath);
      }
    });
  });
}
