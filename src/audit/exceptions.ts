/**
 * Exceptions to detections, declared in platform.yaml under `audit.exceptions`. Every detection's
 * list is empty by default. An exception names one detection and narrows it: each list it gives
 * must contain the event's value, and lists it leaves empty match anything.
 */
import type { AuditEvent } from './event.js';
import { effectiveUser } from './predicates.js';
import { SourceRanges } from './source-ranges.js';

export interface AuditExceptionSpec {
  readonly detection: string;
  readonly users: readonly string[];
  readonly groups: readonly string[];
  readonly namespaces: readonly string[];
  readonly names: readonly string[];
  readonly sourceRanges: readonly string[];
  readonly reason: string;
}

export class AuditException {
  private readonly ranges: SourceRanges;

  constructor(readonly spec: AuditExceptionSpec) {
    this.ranges = new SourceRanges(spec.sourceRanges);
  }

  /** Whether this exception covers `event` for detection `detectionId`. */
  covers(detectionId: string, event: AuditEvent): boolean {
    const { spec } = this;
    if (spec.detection !== detectionId) return false;
    const user = effectiveUser(event);
    if (spec.users.length > 0 && !spec.users.includes(user.username)) return false;
    if (spec.groups.length > 0 && !user.groups.some((group) => spec.groups.includes(group))) {
      return false;
    }
    const namespace = event.objectRef?.namespace ?? '';
    if (spec.namespaces.length > 0 && !spec.namespaces.includes(namespace)) return false;
    const name = event.objectRef?.name ?? '';
    if (spec.names.length > 0 && !spec.names.includes(name)) return false;
    if (spec.sourceRanges.length > 0 && !event.sourceIPs.some((ip) => this.ranges.contains(ip))) {
      return false;
    }
    return true;
  }
}
