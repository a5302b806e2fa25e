/**
 * Timing model of a pod's shutdown behind the edge ALB. A terminating pod must keep serving until
 * every router has stopped sending it new requests, then finish the requests in flight before the
 * kubelet kills it. The checks compare the app's settings with those times, in seconds.
 */
import type { ResolvedPlatform } from '../../model/platform.js';

/**
 * Times that platform.yaml does not declare. NOTE: the two propagation times depend on the
 * cluster's size and controllers; the defaults are estimates, so measure them in the cluster.
 */
export interface TimingAssumptions {
  /** Seconds from a pod's deletion until kube-proxy and the ingress controller drop its endpoint. */
  readonly endpointPropagationSeconds: number;
  /** Seconds from DeregisterTargets until the ALB stops sending new requests to the target. */
  readonly albDeregistrationSeconds: number;
  /** Maximum duration of one request to an app, in seconds. */
  readonly longestRequestSeconds: number;
}

export const DEFAULT_TIMING_ASSUMPTIONS: TimingAssumptions = {
  endpointPropagationSeconds: 30,
  albDeregistrationSeconds: 60,
  longestRequestSeconds: 15,
};

export type TimingCheckId =
  | 'preStopCoversPropagation'
  | 'graceCoversPreStopAndRequest'
  | 'delayCoversRequest'
  | 'delayWithinPreStop';

export interface TimingFinding {
  /** `system/app`. */
  readonly app: string;
  readonly check: TimingCheckId;
  readonly ok: boolean;
  /** The setting compared, in seconds. */
  readonly actualSeconds: number;
  /** The bound it is compared with, in seconds. */
  readonly boundSeconds: number;
  /** Message id of the finding, `drain.timing.<check>`; params are the fields of this object. */
  readonly messageId: string;
}

export interface AppTiming {
  readonly app: string;
  readonly preStopSleepSeconds: number;
  readonly terminationGracePeriodSeconds: number;
  /** The target group's deregistration delay; undefined when no Kinko ALB is in front. */
  readonly deregistrationDelaySeconds?: number;
}

function finding(
  app: string,
  check: TimingCheckId,
  ok: boolean,
  actualSeconds: number,
  boundSeconds: number,
): TimingFinding {
  return { app, check, ok, actualSeconds, boundSeconds, messageId: `drain.timing.${check}` };
}

/** Checks one app's shutdown settings against the model; every check is returned, passed or not. */
export function checkAppTiming(timing: AppTiming, assumptions: TimingAssumptions): TimingFinding[] {
  const { app, preStopSleepSeconds: preStop, terminationGracePeriodSeconds: grace } = timing;
  const propagation =
    assumptions.endpointPropagationSeconds +
    (timing.deregistrationDelaySeconds === undefined ? 0 : assumptions.albDeregistrationSeconds);
  const findings = [
    finding(app, 'preStopCoversPropagation', preStop >= propagation, preStop, propagation),
    finding(
      app,
      'graceCoversPreStopAndRequest',
      grace > preStop + assumptions.longestRequestSeconds,
      grace,
      preStop + assumptions.longestRequestSeconds,
    ),
  ];
  const delay = timing.deregistrationDelaySeconds;
  if (delay !== undefined) {
    findings.push(
      finding(
        app,
        'delayCoversRequest',
        delay >= assumptions.longestRequestSeconds,
        delay,
        assumptions.longestRequestSeconds,
      ),
      finding(app, 'delayWithinPreStop', delay <= preStop, delay, preStop),
    );
  }
  return findings;
}

/** Checks every app of the platform, with the edge's deregistration delay when there is an edge. */
export function checkPlatformTiming(
  platform: ResolvedPlatform,
  assumptions: TimingAssumptions = DEFAULT_TIMING_ASSUMPTIONS,
): TimingFinding[] {
  const delay = platform.edge?.deregistrationDelaySeconds;
  return platform.systems.flatMap((system) =>
    system.apps.flatMap((app) =>
      checkAppTiming(
        {
          app: `${system.name}/${app.name}`,
          preStopSleepSeconds: app.preStopSleepSeconds,
          terminationGracePeriodSeconds: app.terminationGracePeriodSeconds,
          ...(delay !== undefined ? { deregistrationDelaySeconds: delay } : {}),
        },
        assumptions,
      ),
    ),
  );
}
