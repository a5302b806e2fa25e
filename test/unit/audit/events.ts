/** Builders of audit events for the detection tests. */
import type { DetectionContext } from '../../../src/audit/detection.js';
import { DeniedBurstTracker } from '../../../src/audit/denied-burst.js';
import { parseAuditEvent, type AuditEvent } from '../../../src/audit/event.js';
import { SourceRanges } from '../../../src/audit/source-ranges.js';

let counter = 0;

export interface EventSpec {
  verb?: string;
  user?: string;
  groups?: string[];
  resource?: string;
  subresource?: string;
  apiGroup?: string;
  namespace?: string;
  name?: string;
  code?: number;
  decision?: 'allow' | 'forbid';
  requestObject?: unknown;
  responseObject?: unknown;
  requestURI?: string;
  sourceIPs?: string[];
  stage?: string;
  auditID?: string;
  time?: string;
  impersonate?: { username: string; groups: string[] };
}

/** An audit.k8s.io/v1 ResponseComplete event, as the apiserver writes it, from a few fields. */
export function auditEvent(spec: EventSpec = {}): AuditEvent {
  const objectRef =
    spec.resource === undefined
      ? undefined
      : {
          resource: spec.resource,
          ...(spec.subresource !== undefined ? { subresource: spec.subresource } : {}),
          ...(spec.apiGroup !== undefined ? { apiGroup: spec.apiGroup } : {}),
          ...(spec.namespace !== undefined ? { namespace: spec.namespace } : {}),
          ...(spec.name !== undefined ? { name: spec.name } : {}),
          apiVersion: 'v1',
        };
  const raw = {
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'RequestResponse',
    auditID: spec.auditID ?? `00000000-0000-0000-0000-${String(++counter).padStart(12, '0')}`,
    stage: spec.stage ?? 'ResponseComplete',
    requestURI: spec.requestURI ?? '/api/v1/namespaces/default/pods',
    verb: spec.verb ?? 'get',
    user: { username: spec.user ?? 'alice', groups: spec.groups ?? ['system:authenticated'] },
    ...(spec.impersonate !== undefined ? { impersonatedUser: spec.impersonate } : {}),
    sourceIPs: spec.sourceIPs ?? ['192.0.2.10'],
    ...(objectRef !== undefined ? { objectRef } : {}),
    responseStatus: { metadata: {}, code: spec.code ?? 200 },
    ...(spec.requestObject !== undefined ? { requestObject: spec.requestObject } : {}),
    ...(spec.responseObject !== undefined ? { responseObject: spec.responseObject } : {}),
    requestReceivedTimestamp: spec.time ?? '2026-12-04T10:00:00.000000Z',
    stageTimestamp: spec.time ?? '2026-12-04T10:00:00.000000Z',
    annotations: { 'authorization.k8s.io/decision': spec.decision ?? 'allow' },
  };
  const parsed = parseAuditEvent(raw);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.event;
}

/** A pod object with the given spec. */
export function pod(spec: Record<string, unknown>): Record<string, unknown> {
  return {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name: 'web-1' },
    spec: { containers: [{ name: 'app', image: 'nginx' }], ...spec },
  };
}

/** The systems of the example platform, a and b, each in its own namespace. */
export function testContext(
  options: { watched?: string[]; threshold?: number; windowSeconds?: number } = {},
): DetectionContext {
  return {
    systems: [
      { name: 'a', namespace: 'a', adminGroup: 'a:admins' },
      { name: 'b', namespace: 'b', adminGroup: 'b:admins' },
    ],
    watchedSourceRanges: new SourceRanges(options.watched ?? []),
    deniedBursts: new DeniedBurstTracker({
      threshold: options.threshold ?? 3,
      windowSeconds: options.windowSeconds ?? 60,
    }),
  };
}
