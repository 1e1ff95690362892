import type { PortfolioShareResult, PortfolioShareStatus } from '../types.js';
import type { OutcomeKind, TokenOutcome } from './outcome.js';

/** The subcommands that print a report. */
export type ReportCommand = 'wait' | 'status' | 'create' | 'update' | 'delete';

/** One token in the JSON document. Every key is always present (null when it does not apply). */
export interface JsonTokenReport<R = PortfolioShareResult> {
  token: string;
  outcome: OutcomeKind;
  /** This token's own exit code (the process exits with the worst of them). */
  exitCode: number;
  /** Final status, or the last one observed; null when no check answered. */
  status: PortfolioShareStatus | null;
  /** Duplicates tolerated, partial success accepted. */
  warnings: string[];
  /**
   * The library's result: a wait's or a `status` check's; for create/update/delete also the request,
   * callAttempts, busySeconds and recreations (an account share's result, or a call not waited for).
   */
  result: R | null;
  /** The library error's `toJSON()` (failed, timeout, api-error, interrupted). */
  error: Record<string, unknown> | null;
}

/** The one JSON document `--output json` prints, the same shape for one token or many. */
export interface JsonReport<R = PortfolioShareResult> {
  command: ReportCommand;
  exitCode: number;
  results: Array<JsonTokenReport<R>>;
}

/** What `jsonReport` builds: results of any command. */
export type AnyJsonReport = JsonReport<NonNullable<TokenOutcome['result']>>;

export function jsonReport(command: ReportCommand, outcomes: readonly TokenOutcome[], exitCode: number): AnyJsonReport {
  return { command, exitCode, results: outcomes.map((o) => ({ token: o.token, ...jsonOutcomeFields(o) })) };
}

/** The keys of one outcome every JSON report has, `apply`'s per share as the other commands' per token. */
export function jsonOutcomeFields(o: TokenOutcome): Omit<JsonTokenReport<NonNullable<TokenOutcome['result']>>, 'token'> {
  return { outcome: o.outcome, exitCode: o.exitCode, status: o.status, warnings: o.warnings, result: o.result ?? null, error: o.error ?? null };
}

/** Pretty-printed (2 spaces) for people, one line for machines that read `$GITHUB_OUTPUT`. */
export function formatJson(report: JsonReport<unknown> | { command: 'apply'; exitCode: number }, compact = false): string {
  return compact ? JSON.stringify(report) : `${JSON.stringify(report, null, 2)}\n`;
}
