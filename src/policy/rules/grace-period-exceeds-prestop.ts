/**
 * R6: terminationGracePeriodSeconds is set, is an integer, and exceeds the longest preStop sleep
 * by the configured margin. The grace period bounds the whole shutdown, hook included, and ends
 * in SIGKILL, so the app needs the margin after the sleep to finish its requests. The API server
 * rejects a string such as "180s"; the omitted default of 30 s is shorter than a typical sleep.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit } from '../rule.js';
import { podTemplateOf, REPLICATED_KINDS } from '../workload.js';
import { preStopSleepSeconds, servingContainers } from './prestop.js';

export const gracePeriodExceedsPrestop: RuleUnit = {
  id: 'grace-period-exceeds-prestop',
  scope: 'object',
  variants: ['unset', 'notInteger'],
  check: (resource, { settings }) => {
    if (!REPLICATED_KINDS.includes(resource.kind)) return NOT_APPLICABLE;
    const pod = podTemplateOf(resource);
    if (pod === undefined) return NOT_APPLICABLE;

    const path = [...pod.specPath, 'terminationGracePeriodSeconds'];
    const grace = pod.spec['terminationGracePeriodSeconds'];
    const sleep = Math.max(0, ...servingContainers(pod).map((c) => preStopSleepSeconds(c) ?? 0));
    const margin = settings.gracePeriodMarginSeconds;
    const params = { sleep, margin, minimum: sleep + margin + 1 };

    if (grace === undefined || grace === null) {
      return outcomeOf([{ params, path: pod.specPath, variant: 'unset' }]);
    }
    if (typeof grace !== 'number' || !Number.isInteger(grace)) {
      return outcomeOf([
        { params: { ...params, value: JSON.stringify(grace) }, path, variant: 'notInteger' },
      ]);
    }
    if (grace > sleep + margin) return outcomeOf([]);
    return outcomeOf([{ params: { ...params, value: grace }, path }]);
  },
};
