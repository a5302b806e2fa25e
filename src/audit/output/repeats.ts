/**
 * Counts repeats of the same alert (same detection, user and target) and lets only the first of
 * each window through. When the window has passed, the next alert of that key, or `drain`,
 * reports how many were held back. Times are event times in epoch milliseconds.
 */
import type { Alert } from '../detector.js';

export interface RepeatSummary {
  readonly detection: string;
  readonly user: string;
  readonly target: string;
  /** Alerts held back after the first one. */
  readonly suppressed: number;
  readonly firstTime: string;
  readonly lastTime: string;
}

interface Window {
  startMs: number;
  suppressed: number;
  first: Alert;
  lastTime: string;
}

/** Keys tracked at once; the oldest window is closed (and summarised) beyond this. */
const MAX_KEYS = 10_000;

export function alertTarget(alert: Alert): string {
  return [alert.namespace ?? '', alert.resource, alert.name ?? ''].join('/');
}

export class RepeatLimiter {
  private readonly windows = new Map<string, Window>();

  /** `windowSeconds` 0 lets every alert through. */
  constructor(readonly windowSeconds: number) {}

  /** Whether to emit `alert`, and the summaries of windows it closes. */
  admit(alert: Alert, timeMs: number): { emit: boolean; summaries: RepeatSummary[] } {
    if (this.windowSeconds === 0) return { emit: true, summaries: [] };
    const key = `${alert.detection}\u0000${alert.user}\u0000${alertTarget(alert)}`;
    const window = this.windows.get(key);
    const summaries: RepeatSummary[] = [];

    if (window !== undefined && timeMs - window.startMs < this.windowSeconds * 1000) {
      window.suppressed++;
      window.lastTime = alert.time;
      return { emit: false, summaries };
    }

    if (window !== undefined) {
      this.windows.delete(key);
      const summary = summarise(window);
      if (summary !== undefined) summaries.push(summary);
    }
    this.windows.set(key, { startMs: timeMs, suppressed: 0, first: alert, lastTime: alert.time });
    if (this.windows.size > MAX_KEYS) {
      const [oldestKey, oldest] = this.windows.entries().next().value as [string, Window];
      this.windows.delete(oldestKey);
      const summary = summarise(oldest);
      if (summary !== undefined) summaries.push(summary);
    }
    return { emit: true, summaries };
  }

  /** Close the windows that ended before `nowMs` (all of them without it) and summarise them. */
  drain(nowMs?: number): RepeatSummary[] {
    const summaries: RepeatSummary[] = [];
    for (const [key, window] of this.windows) {
      if (nowMs !== undefined && nowMs - window.startMs < this.windowSeconds * 1000) continue;
      this.windows.delete(key);
      const summary = summarise(window);
      if (summary !== undefined) summaries.push(summary);
    }
    return summaries;
  }
}

function summarise(window: Window): RepeatSummary | undefined {
  if (window.suppressed === 0) return undefined;
  return {
    detection: window.first.detection,
    user: window.first.user,
    target: alertTarget(window.first),
    suppressed: window.suppressed,
    firstTime: window.first.time,
    lastTime: window.lastTime,
  };
}
