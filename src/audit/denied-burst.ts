/**
 * Sliding windows of denied requests per user, for the denied-request burst detection. Times are
 * the events' own times, so replaying a log finds the same bursts as following it live.
 */

export interface DeniedBurstSettings {
  /** Denied requests within the window that make a burst. */
  readonly threshold: number;
  readonly windowSeconds: number;
}

export interface DeniedBurst {
  readonly count: number;
  /** Distinct namespaces the denied requests targeted; cluster-scoped requests count as `-`. */
  readonly namespaces: readonly string[];
  readonly windowSeconds: number;
}

/** Users tracked at once; the oldest is dropped beyond this, which bounds memory on a busy log. */
const MAX_USERS = 10_000;

export class DeniedBurstTracker {
  private readonly windows = new Map<string, { timeMs: number; namespace: string }[]>();

  constructor(readonly settings: DeniedBurstSettings) {}

  /**
   * Record one denied request. Returns the burst when this request completes one; the user's
   * window then starts empty, so a sustained stream reports once per `threshold` denials.
   */
  record(user: string, timeMs: number, namespace: string | undefined): DeniedBurst | undefined {
    const windowMs = this.settings.windowSeconds * 1000;
    const entries = this.windows.get(user) ?? [];
    this.windows.delete(user);
    const recent = entries.filter((entry) => entry.timeMs > timeMs - windowMs);
    recent.push({ timeMs, namespace: namespace ?? '-' });

    if (recent.length >= this.settings.threshold) {
      return {
        count: recent.length,
        namespaces: [...new Set(recent.map((entry) => entry.namespace))].sort(),
        windowSeconds: this.settings.windowSeconds,
      };
    }

    this.windows.set(user, recent);
    if (this.windows.size > MAX_USERS) {
      const oldest = this.windows.keys().next().value;
      if (oldest !== undefined) this.windows.delete(oldest);
    }
    return undefined;
  }
}
