/**
 * The shape of a detection, and the context it reads. A detection is data plus one condition:
 * its id, severity, practice and MITRE ATT&CK tactic are declared beside the condition, and its
 * description and title live in the catalogue (`audit.detection.<id>.description` and
 * `.title`), so every alert reads the same in English and Japanese.
 */
import type { PracticeId } from '../model/practices.js';
import type { DeniedBurstTracker } from './denied-burst.js';
import type { AuditEvent } from './event.js';
import type { SourceRanges } from './source-ranges.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low'];

/** MITRE ATT&CK for Containers tactics the detections map to (https://attack.mitre.org/matrices/enterprise/containers/). */
export const TACTICS = {
  initialAccess: { id: 'TA0001', name: 'Initial Access' },
  execution: { id: 'TA0002', name: 'Execution' },
  persistence: { id: 'TA0003', name: 'Persistence' },
  privilegeEscalation: { id: 'TA0004', name: 'Privilege Escalation' },
  defenseEvasion: { id: 'TA0005', name: 'Defense Evasion' },
  credentialAccess: { id: 'TA0006', name: 'Credential Access' },
  discovery: { id: 'TA0007', name: 'Discovery' },
  lateralMovement: { id: 'TA0008', name: 'Lateral Movement' },
} as const;

export type Tactic = (typeof TACTICS)[keyof typeof TACTICS];

/** A business system as the detections see it: its namespace and its administrators' group. */
export interface AuditSystem {
  readonly name: string;
  readonly namespace: string;
  readonly adminGroup: string;
}

export interface DetectionContext {
  readonly systems: readonly AuditSystem[];
  readonly watchedSourceRanges: SourceRanges;
  readonly deniedBursts: DeniedBurstTracker;
}

/** Extra key=value fields a condition adds to the alert, beyond the standard ones. */
export type DetectionFields = Readonly<Record<string, string | number>>;

/**
 * A condition returns the alert's extra fields when the event matches (an empty object when it
 * has none to add), and undefined when it does not.
 */
export type Condition = (
  event: AuditEvent,
  context: DetectionContext,
) => DetectionFields | undefined;

export interface Detection {
  /** Stable id, kebab-case; exceptions and the catalogue refer to it. */
  readonly id: string;
  readonly severity: Severity;
  readonly practice: PracticeId;
  readonly tactic: Tactic;
  readonly condition: Condition;
}

/** Turn a yes/no answer into a condition result without extra fields. */
export function matched(yes: boolean): DetectionFields | undefined {
  return yes ? {} : undefined;
}
