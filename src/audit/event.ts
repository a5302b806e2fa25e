/**
 * The Kubernetes audit Event (audit.k8s.io/v1 and v1beta1), validated at the boundary. The two
 * versions share every field a detection reads; v1beta1 adds `timestamp` and
 * `metadata.creationTimestamp`, which are accepted and ignored. Unknown fields pass through, so a
 * newer apiserver's additions do not make an event invalid.
 */
import { z } from 'zod';

export const AUDIT_API_VERSIONS = ['audit.k8s.io/v1', 'audit.k8s.io/v1beta1'] as const;

const userInfoSchema = z.looseObject({
  username: z.string().default(''),
  uid: z.string().optional(),
  groups: z.array(z.string()).default([]),
  extra: z.record(z.string(), z.array(z.string())).optional(),
});

const objectReferenceSchema = z.looseObject({
  resource: z.string().optional(),
  namespace: z.string().optional(),
  name: z.string().optional(),
  uid: z.string().optional(),
  apiGroup: z.string().optional(),
  apiVersion: z.string().optional(),
  resourceVersion: z.string().optional(),
  subresource: z.string().optional(),
});

const eventSchema = z.looseObject({
  kind: z.literal('Event').optional(),
  apiVersion: z.enum(AUDIT_API_VERSIONS).optional(),
  level: z.string().optional(),
  auditID: z.string().min(1),
  stage: z.string().min(1),
  requestURI: z.string(),
  verb: z.string().min(1),
  user: userInfoSchema,
  impersonatedUser: userInfoSchema.optional(),
  sourceIPs: z.array(z.string()).default([]),
  userAgent: z.string().optional(),
  objectRef: objectReferenceSchema.optional(),
  responseStatus: z
    .looseObject({ code: z.int().optional(), reason: z.string().optional() })
    .optional(),
  requestObject: z.unknown().optional(),
  responseObject: z.unknown().optional(),
  requestReceivedTimestamp: z.string().optional(),
  stageTimestamp: z.string().optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});

export type AuditEvent = z.output<typeof eventSchema>;
export type AuditUser = z.output<typeof userInfoSchema>;

const eventListSchema = z.looseObject({
  kind: z.literal('EventList'),
  items: z.array(z.unknown()),
});

export type ParseResult =
  | { readonly ok: true; readonly event: AuditEvent }
  | { readonly ok: false; readonly reason: string };

/** Validate one decoded JSON value as an audit Event. */
export function parseAuditEvent(value: unknown): ParseResult {
  const parsed = eventSchema.safeParse(value);
  if (parsed.success) return { ok: true, event: parsed.data };
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return { ok: false, reason: `${path === '' ? '(event)' : path}: ${issue?.message ?? 'invalid'}` };
}

/** Parse one line of an audit log (one JSON object); a blank line is not an event. */
export function parseAuditLine(line: string): ParseResult | undefined {
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${(error as Error).message}` };
  }
  return parseAuditEvent(value);
}

/**
 * Split a webhook body into its events: an EventList (what the apiserver's webhook backend
 * sends), or a single Event. Returns undefined when the body is neither.
 */
export function eventListItems(value: unknown): unknown[] | undefined {
  const list = eventListSchema.safeParse(value);
  if (list.success) return list.data.items;
  if (value !== null && typeof value === 'object' && (value as { kind?: unknown }).kind === 'Event')
    return [value];
  return undefined;
}

/** The authorizer's decision, `allow` or `forbid`, from the event's annotations. */
export function authorizationDecision(event: AuditEvent): string | undefined {
  return event.annotations?.['authorization.k8s.io/decision'];
}

/** The HTTP status of the response, when the stage carries one. */
export function responseCode(event: AuditEvent): number | undefined {
  return event.responseStatus?.code;
}

/** Whether the request was denied: by the authorizer, or with 401 or 403. */
export function isDenied(event: AuditEvent): boolean {
  const code = responseCode(event);
  return authorizationDecision(event) === 'forbid' || code === 401 || code === 403;
}

/** Event time in epoch milliseconds: the stage time, else the time the request arrived. */
export function eventTimeMs(event: AuditEvent): number | undefined {
  const text = event.stageTimestamp ?? event.requestReceivedTimestamp;
  if (text === undefined) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The object the request carried, after the change when the response holds it: the response of
 * a patch is the patched object, whereas its request is only the patch.
 */
export function targetObject(event: AuditEvent): Record<string, unknown> | undefined {
  for (const candidate of [event.responseObject, event.requestObject]) {
    if (candidate !== null && typeof candidate === 'object' && !Array.isArray(candidate)) {
      const kind = (candidate as { kind?: unknown }).kind;
      // A Status is the response of a rejected or deleted request, not the object.
      if (kind !== 'Status') return candidate as Record<string, unknown>;
    }
  }
  return undefined;
}
