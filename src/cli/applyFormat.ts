import type { Plan, PlanProblem } from '../plan/planTypes.js';
import type { ApplyOutcome } from './applyOutcome.js';
import { formatOutcomeText } from './formatText.js';
import { jsonOutcomeFields, type JsonTokenReport } from './formatJson.js';
import { stepSummary } from './githubActions.js';

/** One share in `apply --output json`: its place and fields in the plan, whether it was made, and the usual report. */
export interface ApplyJsonShare extends Omit<JsonTokenReport<unknown>, 'token'> {
  /** The PortfolioShareToken; null when the share was not made. */
  token: string | null;
  index: number;
  action: string;
  portfolioId: string;
  node: string;
  /** The service accepted the share's call: the share exists (or was changed), whatever came of it. */
  made: boolean;
}

/** The one JSON document `apply --output json` prints. */
export interface ApplyJsonReport {
  command: 'apply';
  file: string;
  /** True for `--dry-run`: nothing was called, `results` is empty. */
  dryRun: boolean;
  exitCode: number;
  /** What was wrong with the plan (exit 2); empty when it was applied. */
  problems: PlanProblem[];
  /** What stopped the run before any share (AWS setup, DescribePortfolio failing), as the error's data; else null. */
  error: Record<string, unknown> | null;
  /** The plan as it will run (defaults filled in, node types inferred). */
  plan: Plan | null;
  results: ApplyJsonShare[];
  /** The shares that were not made (call failed, or not started), as a plan file to re-run; null when all were made. */
  notMade: { shares: Array<Record<string, unknown>> } | null;
}

/** Rows of cells as aligned columns; every row has the header's cells. */
function pad(header: string[], rows: string[][]): string {
  const widths = header.map((cell) => cell.length);
  for (const row of rows) row.forEach((cell, col) => (widths[col] = Math.max(widths[col] as number, cell.length)));
  return [header, ...rows].map((row) => `  ${row.map((cell, col) => cell.padEnd(widths[col] as number)).join('  ')}`.trimEnd()).join('\n');
}

function statusCell(o: ApplyOutcome): string {
  // A share that completed or failed always has its final status.
  if (o.outcome === 'completed' || o.outcome === 'failed') return String(o.status);
  if (o.outcome === 'api-error') return `API error ${o.view.serviceErrorName ?? ''}`.trimEnd();
  if (o.outcome === 'timeout') return `timed out (${o.status ?? 'no status'})`;
  return o.outcome === 'not-started' ? 'not started' : o.outcome;
}

/** The table of a plan's shares; with outcomes, one column each for status, accounts and exit code. */
export function applyTable(plan: Plan, outcomes?: readonly ApplyOutcome[]): string {
  const head = ['#', 'action', 'portfolio', 'node'];
  const rows: string[][] = [];
  plan.shares.forEach((share, i) => {
    const row = [String(i), share.action, share.portfolioId, share.node.Value];
    const o = outcomes?.[i];
    if (o !== undefined) {
      const accounts = o.view.shareDetails === undefined ? ['-', '-'] : [String(o.view.shareDetails.SuccessfulShares?.length ?? 0), String(o.view.failedAccounts.length)];
      row.push(statusCell(o), ...accounts, String(o.exitCode), o.shareToken ?? '(not made)');
    }
    rows.push(row);
  });
  return `${pad(outcomes === undefined ? head : [...head, 'status', 'ok', 'failed', 'exit', 'token'], rows)}\n`;
}

function list(outcomes: readonly ApplyOutcome[], made: boolean): string {
  const chosen = outcomes.filter((o) => o.made === made);
  if (chosen.length === 0) return 'none';
  return chosen.map((o) => (made ? `shares[${o.index}] ${String(o.shareToken)}` : `shares[${o.index}] (${o.outcome === 'not-started' ? 'not started' : 'call failed'})`)).join(', ');
}

/**
 * The text report: the table, the made / not made lists, then details of every share that did not pass.
 * `quiet` keeps only those details (nothing when every share passed).
 */
export function formatApplyText(plan: Plan, outcomes: readonly ApplyOutcome[], exitCode: number, color: boolean, quiet = false): string {
  if (quiet) return outcomes.filter((o) => o.exitCode !== 0).map((o) => `shares[${o.index}] ${formatOutcomeText(o, color)}`).join('');
  const portfolios = new Set(plan.shares.map((s) => s.portfolioId)).size;
  const made = outcomes.filter((o) => o.made).length;
  let text = `${plan.shares.length} share${plan.shares.length === 1 ? '' : 's'} on ${portfolios} portfolio${portfolios === 1 ? '' : 's'}; exit code ${exitCode}\n`;
  text += applyTable(plan, outcomes);
  text += `made (${made}): ${list(outcomes, true)}\n`;
  text += `not made (${outcomes.length - made}): ${list(outcomes, false)}\n`;
  const details = outcomes.filter((o) => o.outcome !== 'completed' || o.warnings.length > 0);
  for (const o of details) text += `\nshares[${o.index}] ${formatOutcomeText(o, color)}`;
  return text;
}

/** The JSON report of an applied plan. */
export function applyJsonReport(file: string, plan: Plan, outcomes: readonly ApplyOutcome[], exitCode: number, notMade: ApplyJsonReport['notMade']): ApplyJsonReport {
  return {
    command: 'apply',
    file,
    dryRun: false,
    exitCode,
    problems: [],
    error: null,
    plan,
    results: outcomes.map((o) => ({
      index: o.index,
      action: o.share.action,
      portfolioId: o.share.portfolioId,
      node: o.share.node.Value,
      made: o.made,
      token: o.shareToken,
      ...jsonOutcomeFields(o),
    })),
    notMade,
  };
}

/** The GitHub step summary: the usual table, then the shares not made. */
export function applyStepSummary(outcomes: readonly ApplyOutcome[], exitCode: number): string {
  const notMade = outcomes.filter((o) => !o.made);
  const tail = notMade.length === 0 ? '' : `**Not made** (re-run them): ${notMade.map((o) => `\`shares[${o.index}]\` ${o.share.action} ${o.token}`).join(', ')}\n\n`;
  return stepSummary('apply', outcomes, exitCode) + tail;
}
