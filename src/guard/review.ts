/**
 * AdmissionReview v1 in and out. `reviewAdmission` turns a request body into the HTTP status and
 * body of the response, and the fields of the request's log line. It never throws: a body it
 * cannot read gets 400, and the apiserver applies the webhook's failurePolicy.
 */
import { t } from '../i18n/catalog.js';
import type { RuleRegistry } from '../policy/registry.js';
import { isRecord, recordAt, stringAt, toResource } from '../policy/resource.js';
import type { PolicySettings } from '../policy/settings.js';
import { judgeObject, type RuleMessage } from './verdict.js';

export const REVIEW_API_VERSION = 'admission.k8s.io/v1';
export const REVIEW_KIND = 'AdmissionReview';

/** Operations whose object the rules judge; DELETE and CONNECT are always allowed. */
const JUDGED_OPERATIONS: ReadonlySet<string> = new Set(['CREATE', 'UPDATE']);

export type Verdict = 'allowed' | 'warned' | 'denied' | 'unchecked' | 'invalid';

export interface ReviewLog {
  readonly uid: string;
  readonly operation: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly verdict: Verdict;
  /** Rules that denied or warned, in the order they are registered. */
  readonly rules: readonly string[];
  /** The rules of `rules` that denied; the others warned. */
  readonly denied: readonly string[];
  readonly suppressed: readonly string[];
  /** Reason the body got status 400 or 413 instead of a review response. */
  readonly error?: string;
}

export interface ReviewAnswer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
  readonly log: ReviewLog;
}

export interface ReviewContext {
  readonly registry: RuleRegistry;
  readonly settings: PolicySettings;
}

function invalid(message: string, uid = ''): ReviewAnswer {
  return {
    status: 400,
    body: { error: message },
    log: {
      uid,
      operation: '',
      kind: '',
      namespace: '',
      name: '',
      verdict: 'invalid',
      rules: [],
      denied: [],
      suppressed: [],
      error: message,
    },
  };
}

/** Build the response to a body larger than the server reads. */
export function tooLarge(limitBytes: number): ReviewAnswer {
  return { ...invalid(t('guard.review.tooLarge', { limit: limitBytes }, 'en')), status: 413 };
}

function lines(entries: readonly RuleMessage[]): string[] {
  return entries.map((entry) => t('guard.review.finding', { ...entry }, 'en'));
}

export function reviewAdmission(text: string, context: ReviewContext): ReviewAnswer {
  let review: unknown;
  try {
    review = JSON.parse(text);
  } catch (error) {
    return invalid(
      t('guard.review.notJson', { reason: error instanceof Error ? error.message : '' }, 'en'),
    );
  }
  const request = recordAt(review, 'request');
  const uid = stringAt(request, 'uid');
  if (
    stringAt(review, 'apiVersion') !== REVIEW_API_VERSION ||
    stringAt(review, 'kind') !== REVIEW_KIND ||
    uid === undefined ||
    uid === ''
  ) {
    return invalid(
      t('guard.review.notReview', { apiVersion: REVIEW_API_VERSION, kind: REVIEW_KIND }, 'en'),
      uid,
    );
  }

  const operation = stringAt(request, 'operation') ?? '';
  const kind = stringAt(recordAt(request, 'kind'), 'kind') ?? '';
  const namespace = stringAt(request, 'namespace') ?? '';
  const object = recordAt(request, 'object');
  const metadata = recordAt(object, 'metadata');
  const name =
    stringAt(request, 'name') ?? stringAt(metadata, 'name') ?? stringAt(metadata, 'generateName');
  const base = { uid, operation, kind, namespace, name: name ?? '', denied: [], suppressed: [] };
  const answer = (
    response: Record<string, unknown>,
    log: Pick<ReviewLog, 'verdict' | 'rules'> & Partial<ReviewLog>,
  ): ReviewAnswer => ({
    status: 200,
    body: { apiVersion: REVIEW_API_VERSION, kind: REVIEW_KIND, response: { uid, ...response } },
    log: { ...base, ...log },
  });

  if (!JUDGED_OPERATIONS.has(operation))
    return answer({ allowed: true }, { verdict: 'allowed', rules: [] });
  if (object === undefined) {
    return invalid(t('guard.review.noObject', { operation }, 'en'), uid);
  }

  // On CREATE the object may omit its namespace and carry only generateName; the request has both.
  const body = isRecord(metadata)
    ? {
        ...object,
        metadata: {
          ...metadata,
          ...(namespace !== '' && stringAt(metadata, 'namespace') === undefined
            ? { namespace }
            : {}),
          ...(name !== undefined && stringAt(metadata, 'name') === undefined ? { name } : {}),
        },
      }
    : object;
  const resource = toResource(body);
  if (resource === undefined) {
    return invalid(t('guard.review.notObject', {}, 'en'), uid);
  }

  const verdict = judgeObject(resource, context.registry, context.settings);
  const suppressed = verdict.suppressed;
  if (!verdict.checked) {
    return answer(
      { allowed: true, warnings: [t('guard.review.unknownKind', { kind: resource.kind }, 'en')] },
      { verdict: 'unchecked', rules: [], suppressed },
    );
  }
  const warnings = lines(verdict.warnings);
  const warned = warnings.length > 0 ? { warnings } : {};
  if (verdict.denials.length > 0) {
    return answer(
      {
        allowed: false,
        status: {
          code: 403,
          reason: 'Forbidden',
          message: t(
            'guard.review.denied',
            { count: verdict.denials.length, findings: lines(verdict.denials).join(' ') },
            'en',
          ),
        },
        ...warned,
      },
      {
        verdict: 'denied',
        rules: [...verdict.denials, ...verdict.warnings].map((entry) => entry.rule),
        denied: verdict.denials.map((entry) => entry.rule),
        suppressed,
      },
    );
  }
  return answer(
    { allowed: true, ...warned },
    {
      verdict: warnings.length > 0 ? 'warned' : 'allowed',
      rules: verdict.warnings.map((entry) => entry.rule),
      suppressed,
    },
  );
}
