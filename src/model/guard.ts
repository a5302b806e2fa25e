/**
 * The resolved deployment of `kinko guard`, the admission webhook that runs Kinko's rules in each
 * cluster. platform.yaml declares the guard with `guard.image`; without it no guard is deployed.
 */
import type { PlatformConfig } from '../config/schema.js';
import { ecrRegistry, systemAdminGroup } from './names.js';

/** Namespace the guard runs in; the webhook configuration never sends it its own objects. */
export const GUARD_NAMESPACE = 'kinko-guard';

/** Numeric UID and GID of the guard image's `USER 1000:1000` (deploy/guard/Dockerfile). */
export const GUARD_RUN_AS_USER = 1000;

/** One replica per Availability Zone of a three-zone region, as the platform's apps run. */
export const GUARD_REPLICAS = 3;

/**
 * Seconds the apiserver waits for a review before applying the failure policy. bench/guard.mjs
 * measures the guard's p99 latency far below it (docs/benchmarks.md). A short timeout bounds how
 * long a create in a system namespace hangs when every guard replica is unreachable.
 */
export const GUARD_TIMEOUT_SECONDS = 5;

/**
 * Seconds a container needs between SIGTERM and exit once no new reviews arrive, the same
 * default margin `kinko check` requires above the preStop sleep.
 */
const GUARD_SHUTDOWN_MARGIN_SECONDS = 10;

export interface ResolvedGuard {
  readonly namespace: string;
  /** ECR repository name in the platform's primary registry. */
  readonly repositoryName: string;
  /** Full image reference, pinned by digest. */
  readonly image: string;
  readonly replicas: number;
  readonly runAsUser: number;
  /** Seconds the apiserver waits for the webhook. */
  readonly timeoutSeconds: number;
  /** Seconds the preStop hook sleeps while the pod leaves the Service's endpoints. */
  readonly preStopSleepSeconds: number;
  /** Integer seconds, above the sleep plus the longest review plus the shutdown margin. */
  readonly terminationGracePeriodSeconds: number;
  /** Registries the guard accepts images from: the platform's ECR in each region. */
  readonly allowedRegistries: readonly string[];
  /** Each system's group and namespace, which the RBAC and mesh rules judge objects against. */
  readonly systemGroups: readonly { readonly group: string; readonly namespace: string }[];
}

/**
 * Resolves `guard` from platform.yaml, or returns undefined when it is not declared.
 *
 * The preStop sleep is the minimum `kinko check --config` requires of every replicated workload:
 * endpoint propagation, plus the ALB's deregistration when the platform has an edge ALB. The
 * guard sits behind no ALB, so the second part only slows its rollouts; it keeps one timing rule
 * for every Deployment on the platform.
 */
export function resolveGuard(config: PlatformConfig): ResolvedGuard | undefined {
  if (config.guard === undefined) return undefined;

  const primary = config.regions.primary.region;
  const regions = [primary, ...(config.regions.dr ? [config.regions.dr.region] : [])];
  const repositoryName = config.guard.image.repository ?? `${config.name}/kinko-guard`;
  const preStopSleepSeconds =
    config.timing.endpointPropagationSeconds +
    (config.edge !== undefined ? config.timing.albDeregistrationSeconds : 0);

  return {
    namespace: GUARD_NAMESPACE,
    repositoryName,
    image: `${ecrRegistry(config.account, primary)}/${repositoryName}@${config.guard.image.digest}`,
    replicas: GUARD_REPLICAS,
    runAsUser: GUARD_RUN_AS_USER,
    timeoutSeconds: GUARD_TIMEOUT_SECONDS,
    preStopSleepSeconds,
    terminationGracePeriodSeconds:
      preStopSleepSeconds + GUARD_TIMEOUT_SECONDS + GUARD_SHUTDOWN_MARGIN_SECONDS,
    allowedRegistries: regions.map((region) => ecrRegistry(config.account, region)),
    systemGroups: config.systems.map((system) => ({
      group: systemAdminGroup(system.name),
      namespace: system.namespace ?? system.name,
    })),
  };
}
