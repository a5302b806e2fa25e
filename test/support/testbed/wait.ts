import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** What is awaited, for the time-out message: "kube-apiserver /readyz to return 200". */
  description: string;
  timeoutMs: number;
  /** Pause between two checks; defaults to 250 ms. */
  intervalMs?: number;
  /** Checked before each attempt; a returned string aborts the wait with that reason. */
  abortReason?: () => string | undefined;
}

/**
 * Call `check` until it returns a value other than `undefined`, and return that value. Throws when
 * `timeoutMs` passes first, with the last error `check` threw, or when `abortReason` returns one.
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  options: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;

  for (;;) {
    const abortReason = options.abortReason?.();
    if (abortReason !== undefined) {
      throw new Error(`testbed: stopped waiting for ${options.description}: ${abortReason}`);
    }
    try {
      const result = await check();
      if (result !== undefined) {
        return result;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last error: ${(lastError as Error).message})`;
      throw new Error(
        `testbed: timed out after ${options.timeoutMs} ms waiting for ${options.description}${cause}`,
      );
    }
    await sleep(options.intervalMs ?? 250);
  }
}
