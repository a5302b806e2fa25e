/**
 * The webhook's Prometheus metrics, kept in memory and written in the text exposition format:
 * reviews by verdict, findings by rule, and a histogram of review latency.
 */
import type { ReviewLog, Verdict } from './review.js';

/** A rule named in a review, with what that rule itself did: a warning rule never denies. */
export interface RuleFinding {
  readonly rule: string;
  readonly outcome: 'denied' | 'warned';
}

/** List each rule a review named with what that rule did, so a warning rule in a denied review counts as warned. */
export function findingsOf(log: Pick<ReviewLog, 'rules' | 'denied'>): RuleFinding[] {
  return log.rules.map((rule) => ({
    rule,
    outcome: log.denied.includes(rule) ? 'denied' : 'warned',
  }));
}

/** Upper bounds in seconds; the apiserver's timeout for the webhook is 5 s at most here. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

export class GuardMetrics {
  readonly #reviews = new Map<Verdict, number>();
  readonly #findings = new Map<string, number>();
  readonly #bucketCounts = BUCKETS.map(() => 0);
  #count = 0;
  #sum = 0;

  /** Record one review: its verdict, each rule it named with that rule's outcome, and how long it took. */
  observe(verdict: Verdict, findings: readonly RuleFinding[], seconds: number): void {
    this.#reviews.set(verdict, (this.#reviews.get(verdict) ?? 0) + 1);
    for (const { rule, outcome } of findings) {
      const key = `${outcome}\u0000${rule}`;
      this.#findings.set(key, (this.#findings.get(key) ?? 0) + 1);
    }
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.#bucketCounts[index] = (this.#bucketCounts[index] ?? 0) + 1;
    });
    this.#count += 1;
    this.#sum += seconds;
  }

  render(): string {
    const out: string[] = [
      '# HELP kinko_guard_reviews_total AdmissionReviews answered, by verdict.',
      '# TYPE kinko_guard_reviews_total counter',
    ];
    for (const [verdict, value] of [...this.#reviews].sort()) {
      out.push(`kinko_guard_reviews_total{verdict="${verdict}"} ${value}`);
    }
    out.push(
      '# HELP kinko_guard_rule_findings_total Reviews in which a rule denied or warned, by what the rule did (verdict denied or warned) and rule.',
      '# TYPE kinko_guard_rule_findings_total counter',
    );
    for (const [key, value] of [...this.#findings].sort()) {
      const [verdict, rule] = key.split('\u0000');
      out.push(
        `kinko_guard_rule_findings_total{verdict="${escapeLabel(verdict ?? '')}",rule="${escapeLabel(rule ?? '')}"} ${value}`,
      );
    }
    out.push(
      '# HELP kinko_guard_review_duration_seconds Time from the end of the request body to the answer.',
      '# TYPE kinko_guard_review_duration_seconds histogram',
    );
    BUCKETS.forEach((bound, index) => {
      out.push(
        `kinko_guard_review_duration_seconds_bucket{le="${bound}"} ${this.#bucketCounts[index] ?? 0}`,
      );
    });
    out.push(
      `kinko_guard_review_duration_seconds_bucket{le="+Inf"} ${this.#count}`,
      `kinko_guard_review_duration_seconds_sum ${this.#sum}`,
      `kinko_guard_review_duration_seconds_count ${this.#count}`,
    );
    return `${out.join('\n')}\n`;
  }
}
