import type { PortfolioShareResult, PortfolioShareStatus } from '../types.js';
import type { OutcomeKind, TokenOutcome } from './outcome.js';

/** One token in the JSON document. Every key is always present (null when it does not apply). */
export interface JsonTokenReport {
  token: string;
  outcome: OutcomeKind;
  /** This token's own exit code (the process exits with the worst of them). */
  exitCode: number;
  /** Final status, or the last one observed; null when no check answered. */
  status: PortfolioShareStatus | null;
  /** Duplicates tolerated, partial success accepted. */
  warnings: string[];
  /** The library's result (completed, or a `status` check that answered). */
  result: PortfolioShareResult | null;
  /** The library error's `toJSON()` (failed, timeout, api-error, interrupted). */
  error: Record<string, unknown> | null;
}

/** The one JSON document `--output json` prints, the same shape for one token or many. */
export interface JsonReport {
  command: 'wait' | 'status';
  exitCode: number;
  results: JsonTokenReport[];
}

export function jsonReport(command: 'wait' | 'status', outcomes: readonly TokenOutcome[], exitCode: number): JsonReport {
  return {
    command,
    exitCode,
    results: outcomes.map((o) => ({
      token: o.token,
      outcome: o.outcome,
      exitCode: o.exitCode,
      status: o.status,
      warnings: o.warnings,
      result: o.result ?? null,
      error: o.error ?? null,
    })),
  };
}

/** Pretty-printed (2 spaces) for people, one line for machines that read `$GITHUB_OUTPUT`. */
export function formatJson(report: JsonReport, compact = false): string {
  return compact ? JSON.stringify(report) : `${JSON.stringify(report, null, 2)}\n`;
}
