import type { ResolvedPlatform, ResolvedRegion } from '../model/platform.js';

/**
 * Where a group of stacks goes: the primary region under `<platform>-…` stack names, or the DR
 * region under `<platform>-dr-…`, so the same constructs build both.
 */
export interface Site {
  readonly region: ResolvedRegion;
  /** Prefix of the stack names, `<platform>` or `<platform>-dr`. */
  readonly stackPrefix: string;
  /** Whether this is the DR region's copy. */
  readonly isDr: boolean;
}

export function primarySite(platform: ResolvedPlatform): Site {
  return { region: platform.primary, stackPrefix: platform.name, isDr: false };
}

export function drSite(platform: ResolvedPlatform, region: ResolvedRegion): Site {
  return { region, stackPrefix: `${platform.name}-dr`, isDr: true };
}
