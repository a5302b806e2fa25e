/**
 * Eviction through the eviction API, never a delete, so the API server enforces every
 * PodDisruptionBudget. 429 (a budget allows no disruption now) is retried with backoff; 500 (more
 * than one budget selects the pod) cannot succeed on retry and fails at once.
 */
import { ApiException, type CoreV1Api, type V1Pod } from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';
import { apiMessage } from '../apply/apply.js';
import { DRAIN_FAILED } from './nodes.js';

export const DRAIN_TIMEOUT = 'KINKO_DRAIN_TIMEOUT';

const FIRST_BACKOFF_SECONDS = 1;
const MAX_BACKOFF_SECONDS = 10;

/** Seconds to wait before retry `attempt` (1, 2, …) of a refused eviction: 1, 2, 4, 8, 10, 10, … */
export function backoffSeconds(attempt: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, FIRST_BACKOFF_SECONDS * 2 ** Math.max(0, attempt - 1));
}

export interface DrainClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Epoch milliseconds after which the drain stops. */
  readonly deadline: number;
}

export interface DrainEvent {
  readonly messageId: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type EvictOutcome = 'evicted' | 'gone';

/** Evicts one pod, waiting out 429 until the deadline. */
export async function evictPod(
  core: CoreV1Api,
  pod: V1Pod,
  options: { dryRun: boolean; clock: DrainClock; onEvent: (event: DrainEvent) => void },
): Promise<EvictOutcome> {
  const name = pod.metadata?.name ?? '';
  const namespace = pod.metadata?.namespace ?? '';
  const key = `${namespace}/${name}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await core.createNamespacedPodEviction({
        name,
        namespace,
        body: {
          apiVersion: 'policy/v1',
          kind: 'Eviction',
          metadata: { name, namespace },
        },
        ...(options.dryRun ? { dryRun: 'All' } : {}),
      });
      return 'evicted';
    } catch (error) {
      if (!(error instanceof ApiException)) throw error;
      if (error.code === 404) return 'gone';
      if (error.code === 429) {
        const wait = backoffSeconds(attempt);
        const { clock } = options;
        if (clock.now() + wait * 1000 > clock.deadline) {
          throw new KinkoError(DRAIN_TIMEOUT, 'user', {
            messageId: 'drain.timeout.budget',
            params: { pod: key, attempts: attempt, reason: apiMessage(error) },
          });
        }
        options.onEvent({
          messageId: 'drain.evict.retry',
          params: { pod: key, seconds: wait, attempt, reason: apiMessage(error) },
        });
        await clock.sleep(wait * 1000);
        continue;
      }
      if (error.code === 500) {
        throw new KinkoError(DRAIN_FAILED, 'user', {
          messageId: 'drain.evict.severalBudgets',
          params: { pod: key, reason: apiMessage(error) },
        });
      }
      throw new KinkoError(DRAIN_FAILED, 'tool', {
        messageId: 'drain.evict.failed',
        params: { pod: key, reason: apiMessage(error) },
      });
    }
  }
}
