/**
 * Labels on generated objects. Every object carries `app.kubernetes.io/managed-by: kinko` and
 * `app.kubernetes.io/part-of`; a system's objects also carry the system's labels from the model.
 */
import {
  LABEL_MANAGED_BY,
  LABEL_PART_OF,
  MANAGED_BY,
  type ResolvedApp,
  type ResolvedPlatform,
  type ResolvedSystem,
} from '../model/platform.js';

/** Labels of platform-level objects that belong to no system (Argo CD, ingress controller). */
export function platformLabels(platform: ResolvedPlatform): Record<string, string> {
  return { [LABEL_MANAGED_BY]: MANAGED_BY, [LABEL_PART_OF]: platform.name };
}

/**
 * Labels of a system's objects. The model's labels come after the platform's, so a value the
 * resolver chose (for example another part-of) wins. Managed-by is set last again, so that no
 * model label can replace it.
 */
export function systemLabels(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
): Record<string, string> {
  return { ...platformLabels(platform), ...system.labels, [LABEL_MANAGED_BY]: MANAGED_BY };
}

/** Labels of an app's objects and pods: the system's labels plus the app's selector. */
export function appLabels(
  platform: ResolvedPlatform,
  system: ResolvedSystem,
  app: ResolvedApp,
): Record<string, string> {
  return {
    ...systemLabels(platform, system),
    ...app.labels,
    ...app.selector,
    [LABEL_MANAGED_BY]: MANAGED_BY,
  };
}
