/**
 * The rule registry. Registration binds a rule's severity and practice and checks that the
 * catalogue has its title, message, fix and every message variant in English and Japanese, so a
 * rule cannot reach users without its text.
 */
import { hasMessage } from '../i18n/catalog.js';
import type { PracticeId } from '../model/practices.js';
import type { RegisteredRule, RuleUnit, Severity } from './rule.js';

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export class RuleRegistrationError extends Error {
  override name = 'RuleRegistrationError';
}

/** Catalogue ids of a rule's texts. */
export function ruleMessageIds(ruleId: string) {
  return {
    title: `policy.${ruleId}.title`,
    fix: `policy.${ruleId}.fix`,
    message: (variant?: string): string =>
      variant === undefined ? `policy.${ruleId}.message` : `policy.${ruleId}.message.${variant}`,
  };
}

export class RuleRegistry {
  readonly #rules = new Map<string, RegisteredRule>();

  /** Register a rule. Throws RuleRegistrationError on a duplicate id or missing catalogue text. */
  register(unit: RuleUnit, binding: { severity: Severity; practice: PracticeId }): this {
    if (!RULE_ID.test(unit.id)) {
      throw new RuleRegistrationError(
        `rule id "${unit.id}" is not lowercase words joined by hyphens`,
      );
    }
    if (this.#rules.has(unit.id)) {
      throw new RuleRegistrationError(`rule id "${unit.id}" is already registered`);
    }
    const ids = ruleMessageIds(unit.id);
    const required = [
      ids.title,
      ids.fix,
      ids.message(),
      ...(unit.variants ?? []).map((variant) => ids.message(variant)),
    ];
    const missing = required.filter((id) => !hasMessage(id));
    if (missing.length > 0) {
      throw new RuleRegistrationError(
        `rule "${unit.id}" has no catalogue entry for: ${missing.join(', ')}`,
      );
    }
    this.#rules.set(unit.id, { ...unit, ...binding });
    return this;
  }

  get(id: string): RegisteredRule | undefined {
    return this.#rules.get(id);
  }

  /** Rules in registration order. */
  all(): readonly RegisteredRule[] {
    return [...this.#rules.values()];
  }

  ids(): ReadonlySet<string> {
    return new Set(this.#rules.keys());
  }
}
