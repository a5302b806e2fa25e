/**
 * Runs the detections over a stream of audit events. Each event is processed once (by auditID
 * and stage), each detection reports a request at most once (by auditID: a long-running request
 * such as exec logs ResponseStarted and ResponseComplete), and exceptions are applied last so
 * the count of excepted alerts is known.
 */
import type { Detection, DetectionContext, DetectionFields, Severity } from './detection.js';
import { authorizationDecision, responseCode, type AuditEvent } from './event.js';
import type { AuditException } from './exceptions.js';
import { sourceIP, targetName } from './predicates.js';
import { RecentSet } from './seen.js';

/** Keys kept to recognise events and alerts already seen; about 100 bytes each. */
const RECENT_KEYS = 100_000;
/**
 * Keys written to the checkpoint: the newest ones, which cover the overlap a restart can read
 * again (none for a file, whose offset is exact; the lookback for CloudWatch Logs).
 */
const CHECKPOINT_KEYS = 20_000;

export interface Alert {
  readonly detection: string;
  readonly severity: Severity;
  readonly practice: string;
  readonly tactic: string;
  readonly tacticId: string;
  /** Time of the event (stage time), ISO 8601. */
  readonly time: string;
  readonly auditID: string;
  readonly stage: string;
  readonly user: string;
  /** The user the request impersonated, when it did. */
  readonly impersonatedUser?: string;
  readonly verb: string;
  /** `resource` or `resource/subresource`; the request URI for a non-resource request. */
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly sourceIP?: string;
  readonly code?: number;
  readonly decision?: string;
  readonly fields: DetectionFields;
}

export interface DetectorState {
  readonly seenEvents: string[];
  readonly reported: string[];
}

export class Detector {
  private readonly seenEvents = new RecentSet(RECENT_KEYS);
  private readonly reported = new RecentSet(RECENT_KEYS);
  /** Alerts an exception suppressed, by detection id. */
  readonly excepted = new Map<string, number>();
  duplicateEvents = 0;

  constructor(
    private readonly detections: readonly Detection[],
    private readonly context: DetectionContext,
    private readonly exceptions: readonly AuditException[] = [],
  ) {}

  /** The alerts `event` raises; none for an event processed before. */
  detect(event: AuditEvent): Alert[] {
    const eventKey = `${event.auditID}/${event.stage}`;
    if (this.seenEvents.has(eventKey)) {
      this.duplicateEvents++;
      return [];
    }
    this.seenEvents.add(eventKey);

    const alerts: Alert[] = [];
    for (const detection of this.detections) {
      const fields = detection.condition(event, this.context);
      if (fields === undefined) continue;

      const alertKey = `${event.auditID}/${detection.id}`;
      if (this.reported.has(alertKey)) continue;
      this.reported.add(alertKey);

      if (this.exceptions.some((exception) => exception.covers(detection.id, event))) {
        this.excepted.set(detection.id, (this.excepted.get(detection.id) ?? 0) + 1);
        continue;
      }
      alerts.push(buildAlert(detection, event, fields));
    }
    return alerts;
  }

  state(): DetectorState {
    return {
      seenEvents: this.seenEvents.toJSON().slice(-CHECKPOINT_KEYS),
      reported: this.reported.toJSON().slice(-CHECKPOINT_KEYS),
    };
  }

  restore(state: DetectorState): void {
    this.seenEvents.restore(state.seenEvents);
    this.reported.restore(state.reported);
  }
}

function buildAlert(detection: Detection, event: AuditEvent, fields: DetectionFields): Alert {
  const ref = event.objectRef;
  const resource =
    ref?.resource === undefined
      ? event.requestURI
      : ref.subresource
        ? `${ref.resource}/${ref.subresource}`
        : ref.resource;
  const name = targetName(event);
  const ip = sourceIP(event);
  const code = responseCode(event);
  const decision = authorizationDecision(event);

  return {
    detection: detection.id,
    severity: detection.severity,
    practice: detection.practice,
    tactic: detection.tactic.name,
    tacticId: detection.tactic.id,
    time: event.stageTimestamp ?? event.requestReceivedTimestamp ?? new Date().toISOString(),
    auditID: event.auditID,
    stage: event.stage,
    user: event.user.username,
    ...(event.impersonatedUser !== undefined
      ? { impersonatedUser: event.impersonatedUser.username }
      : {}),
    verb: event.verb,
    resource,
    ...(ref?.namespace !== undefined ? { namespace: ref.namespace } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(ip !== undefined ? { sourceIP: ip } : {}),
    ...(code !== undefined ? { code } : {}),
    ...(decision !== undefined ? { decision } : {}),
    fields,
  };
}
