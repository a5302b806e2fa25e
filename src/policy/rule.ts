/**
 * The shape of a policy rule. A rule's check is a pure function over one object (and, for
 * cross-resource rules, a read-only index of the whole set). Its id, severity and practice are
 * bound where it is registered, and its title, message and fix come from the catalogue, so the
 * same unit serves `kinko check`, an admission webhook and a CEL export.
 */
import type { MessageParams } from '../i18n/catalog.js';
import type { PracticeId } from '../model/practices.js';
import type { CelRule } from './cel/rule.js';
import type { ObjectIndex } from './object-index.js';
import type { KubeResource } from './resource.js';
import type { PolicySettings } from './settings.js';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Rank for `--fail-on`: a finding fails the run when its rank is at least the threshold's. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** A path inside an object's body, as keys and list indexes, for example `spec.template.spec`. */
export type FieldPath = readonly (string | number)[];

/** One reason an object breaks a rule: the message parameters and the field it points at. */
export interface Violation {
  readonly params: MessageParams;
  readonly path: FieldPath;
  /** Selects the message `policy.<rule>.message.<variant>` in place of `policy.<rule>.message`. */
  readonly variant?: string;
}

export type RuleOutcome =
  | { readonly status: 'compliant' }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'non-compliant'; readonly violations: readonly Violation[] };

export const COMPLIANT: RuleOutcome = { status: 'compliant' };
export const NOT_APPLICABLE: RuleOutcome = { status: 'not-applicable' };

/** Non-compliant when `violations` is not empty, else compliant. */
export function outcomeOf(violations: readonly Violation[]): RuleOutcome {
  return violations.length === 0 ? COMPLIANT : { status: 'non-compliant', violations };
}

export interface RuleContext {
  readonly settings: PolicySettings;
  /** Every object of the set being checked; single-object rules do not read it. */
  readonly index: ObjectIndex;
  /** Ids of the registered rules, for the rule that checks suppressions. */
  readonly ruleIds: ReadonlySet<string>;
}

/**
 * `object` rules read only the object, so they fit an admission webhook and CEL as they are.
 * `set` rules also read other objects (a PodDisruptionBudget for a Deployment, a NetworkPolicy
 * for a Namespace), so they need the whole set or, at admission, the cluster's objects.
 */
export type RuleScope = 'object' | 'set';

export type RuleCheck = (object: KubeResource, context: RuleContext) => RuleOutcome;

/** What a rule file exports: its id and its check. */
export interface RuleUnit {
  /** Stable id: lowercase words joined by hyphens, used in suppression annotations. */
  readonly id: string;
  readonly scope: RuleScope;
  /** Message variants the check may return, each `policy.<id>.message.<variant>` in the catalogue. */
  readonly variants?: readonly string[];
  readonly check: RuleCheck;
  /**
   * The same rule in CEL, for the exported ValidatingAdmissionPolicy. Only object rules that CEL
   * can express have it; a unit test holds it to the check's verdict.
   */
  readonly cel?: CelRule;
}

/** A rule with what registration binds to it. */
export interface RegisteredRule extends RuleUnit {
  readonly severity: Severity;
  readonly practice: PracticeId;
}
