/**
 * The shutdown timing model (R6) applied to platform.yaml: each app's preStop sleep, grace period
 * and longest request against the propagation times in `timing` and the edge ALB's deregistration
 * delay, through the checks of `src/ops/drain/timing.ts`.
 */
import { checkAppTiming } from '../ops/drain/timing.js';
import type { ReportProblem } from './validate-edge.js';
import type { PlatformConfig } from './schema.js';

/**
 * The edge target groups' deregistration delay, as `src/model/edge.ts` derives it: the longest
 * preStop sleep of all apps (the schema caps a sleep at 3600 s, the ALB's maximum delay).
 */
function deregistrationDelay(config: PlatformConfig): number | undefined {
  if (config.edge === undefined) return undefined;
  const sleeps = config.systems.flatMap((system) => system.apps.map((a) => a.preStopSleepSeconds));
  return Math.min(Math.max(...sleeps), 3600);
}

export function validateTiming(config: PlatformConfig, problem: ReportProblem): void {
  const { endpointPropagationSeconds: endpoint, albDeregistrationSeconds: alb } = config.timing;
  const delay = deregistrationDelay(config);
  config.systems.forEach((system, si) => {
    system.apps.forEach((app, ai) => {
      const appPath = ['systems', si, 'apps', ai];
      const sleep = app.preStopSleepSeconds;
      const grace = app.terminationGracePeriodSeconds;
      const longest = app.longestRequestSeconds;
      const findings = checkAppTiming(
        {
          app: `${system.name}/${app.name}`,
          preStopSleepSeconds: sleep,
          terminationGracePeriodSeconds: grace,
          ...(delay !== undefined ? { deregistrationDelaySeconds: delay } : {}),
        },
        {
          endpointPropagationSeconds: endpoint,
          albDeregistrationSeconds: alb,
          longestRequestSeconds: longest,
        },
      );
      for (const found of findings.filter((f) => !f.ok)) {
        switch (found.check) {
          case 'preStopCoversPropagation':
            problem('config.timing.preStopPropagation', [...appPath, 'preStopSleepSeconds'], {
              sleep,
              bound: found.boundSeconds,
              endpoint,
              ...(delay !== undefined ? { alb } : {}),
              graceBound: found.boundSeconds + longest,
            });
            break;
          case 'graceCoversPreStopAndRequest':
            // A grace period not above the sleep has its own message, config.timing.grace.
            if (grace > sleep) {
              problem('config.timing.graceRequest', [...appPath, 'terminationGracePeriodSeconds'], {
                grace,
                sleep,
                longest,
                bound: found.boundSeconds,
                suggestion: found.boundSeconds + 5,
              });
            }
            break;
          case 'delayCoversRequest':
            problem('config.timing.delayRequest', [...appPath, 'longestRequestSeconds'], {
              delay: found.actualSeconds,
              longest,
            });
            break;
          case 'delayWithinPreStop':
            problem('config.timing.delayPreStop', [...appPath, 'preStopSleepSeconds'], {
              sleep,
              delay: found.actualSeconds,
              graceBound: found.actualSeconds + longest,
            });
            break;
        }
      }
    });
  });
}
