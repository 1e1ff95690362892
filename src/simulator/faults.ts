import type { Random } from './random.js';
import type { FaultKind, FaultRule } from './types.js';

/** What to do to one call: wait `latencyMs`, then answer normally or with `kind`. */
export interface FaultDecision {
  latencyMs: number;
  kind?: Exclude<FaultKind, 'latency'> | undefined;
}

/**
 * The active fault rules, in the order they were added. For each call, every matching latency rule
 * adds its delay; the first matching non-latency rule that fires decides the answer and later ones
 * are not consulted. A `count` rule fires on the next N matching calls and then removes itself; a
 * `rate` rule fires when a draw from the seeded random source is below its rate.
 */
export class FaultInjector {
  private rules: Array<{ rule: FaultRule; remaining: number | undefined }> = [];

  constructor(private readonly random: Random) {}

  /** `rule` must already be validated (validateFaultRule). */
  add(rule: FaultRule): void {
    this.rules.push({ rule: { ...rule }, remaining: rule.count });
  }

  /** Removes every rule; returns how many there were. */
  clear(): number {
    const count = this.rules.length;
    this.rules = [];
    return count;
  }

  /** The active rules, `count` showing the calls still to be hit. */
  list(): FaultRule[] {
    return this.rules.map(({ rule, remaining }) => (remaining === undefined ? { ...rule } : { ...rule, count: remaining }));
  }

  decide(operation: string): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0 };
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.operation !== '*' && rule.operation !== operation) continue;
      if (rule.kind !== 'latency' && decision.kind !== undefined) continue;
      if (!this.fires(entry)) continue;
      if (rule.kind === 'latency') decision.latencyMs += rule.latencyMs ?? 0;
      else decision.kind = rule.kind;
    }
    this.rules = this.rules.filter((entry) => entry.remaining === undefined || entry.remaining > 0);
    return decision;
  }

  private fires(entry: { rule: FaultRule; remaining: number | undefined }): boolean {
    if (entry.remaining !== undefined) {
      if (entry.remaining <= 0) return false;
      entry.remaining -= 1;
      return true;
    }
    return this.random() < (entry.rule.rate ?? 0);
  }
}
