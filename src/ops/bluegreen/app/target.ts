/** The app a blue/green command acts on, looked up in the resolved platform. */
import { KinkoError } from '../../../errors.js';
import type {
  ResolvedApp,
  ResolvedAppBlueGreen,
  ResolvedPlatform,
  ResolvedSystem,
} from '../../../model/platform.js';
import { SWITCH_INVALID } from '../switch-cluster.js';

export interface AppTarget {
  readonly system: ResolvedSystem;
  readonly app: ResolvedApp;
  readonly blueGreen: ResolvedAppBlueGreen;
}

/** Returns the system's app, or a user error when either is unknown or the app has no colours. */
export function findAppTarget(platform: ResolvedPlatform, system: string, app: string): AppTarget {
  const foundSystem = platform.systems.find((candidate) => candidate.name === system);
  if (foundSystem === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.system.unknown',
      params: { system, systems: platform.systems.map((s) => s.name).join(', ') },
    });
  }
  const foundApp = foundSystem.apps.find((candidate) => candidate.name === app);
  if (foundApp === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.unknown',
      params: { system, app, apps: foundSystem.apps.map((a) => a.name).join(', ') },
    });
  }
  if (foundApp.blueGreen === undefined) {
    throw new KinkoError(SWITCH_INVALID, 'user', {
      messageId: 'ops.app.noBlueGreen',
      params: { system, app },
    });
  }
  return { system: foundSystem, app: foundApp, blueGreen: foundApp.blueGreen };
}
