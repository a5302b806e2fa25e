/**
 * What the rules are configured with. The defaults are the strict ones; `kinko check` fills them
 * from platform.yaml when given `--config`, or from flags.
 */
import type { ResolvedPlatform } from '../model/platform.js';
import { ecrRegistry } from '../model/names.js';

export interface SystemGroup {
  readonly group: string;
  readonly namespace: string;
}

export interface PolicySettings {
  /**
   * Registries images may come from, as a host name (with a port when the registry uses one),
   * optionally followed by a repository path prefix. Empty means no image is allowed: the
   * registry rule fails closed rather than passing images it cannot judge.
   */
  readonly allowedRegistries: readonly string[];
  /**
   * Seconds terminationGracePeriodSeconds must exceed the longest preStop sleep by. After the
   * sleep the container receives SIGTERM and must finish its requests, close its connections and
   * exit before the grace period ends in SIGKILL.
   */
  readonly gracePeriodMarginSeconds: number;
  /**
   * Seconds a preStop sleep must last at least: the time until kube-proxy, the ingress controller
   * and, behind an ALB, the load balancer stop sending requests to a terminating pod.
   */
  readonly minimumPreStopSleepSeconds: number;
  /** ClusterRoles a RoleBinding may reference, besides namespaced Roles. */
  readonly allowedClusterRoles: readonly string[];
  /**
   * Each business system's group (`<system>:admins`) and namespace: a system's group is bound
   * only in its own namespace, and never cluster-wide.
   */
  readonly systemGroups: readonly SystemGroup[];
}

/**
 * Default margin: an estimate of how long a typical HTTP server needs between SIGTERM and exit
 * once no new requests arrive. The talk's example (sleep 160, grace period 180) leaves 20 s.
 */
export const DEFAULT_GRACE_PERIOD_MARGIN_SECONDS = 10;

/**
 * `view` reads a namespace without Secrets, roles or bindings. `edit` and `admin` are left out:
 * both read Secrets, and `admin` also manages Roles and RoleBindings in the namespace.
 */
export const DEFAULT_ALLOWED_CLUSTER_ROLES: readonly string[] = ['view'];

/**
 * Default minimum preStop sleep: the estimate platform.yaml uses for endpoint propagation
 * (`timing.endpointPropagationSeconds`). With `--config`, the platform's own times replace it.
 */
export const DEFAULT_MINIMUM_PRESTOP_SLEEP_SECONDS = 30;

export const DEFAULT_SETTINGS: PolicySettings = {
  allowedRegistries: [],
  gracePeriodMarginSeconds: DEFAULT_GRACE_PERIOD_MARGIN_SECONDS,
  minimumPreStopSleepSeconds: DEFAULT_MINIMUM_PRESTOP_SLEEP_SECONDS,
  allowedClusterRoles: DEFAULT_ALLOWED_CLUSTER_ROLES,
  systemGroups: [],
};

/** The platform's ECR registries in the primary and DR regions, and its systems' groups. */
export function settingsFromPlatform(
  platform: ResolvedPlatform,
): Pick<PolicySettings, 'allowedRegistries' | 'systemGroups'> {
  const regions = [platform.primary.region, ...(platform.dr ? [platform.dr.region] : [])];
  return {
    allowedRegistries: regions.map((region) => ecrRegistry(platform.account, region)),
    systemGroups: platform.systems.map((system) => ({
      group: system.adminGroup,
      namespace: system.namespace,
    })),
  };
}
