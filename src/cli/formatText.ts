import type { ShareError } from '../types.js';
import { apiErrorAdvice, CONNECT_ADVICE, isConnectFailure, timeoutAdvice } from './advice.js';
import type { TokenOutcome } from './outcome.js';

type Paint = (text: string) => string;

interface Palette {
  green: Paint;
  red: Paint;
  yellow: Paint;
  dim: Paint;
}

const plain: Paint = (text) => text;
const ansi = (code: number): Paint => (text) => `\x1b[${code}m${text}\x1b[0m`;
const COLORS: Palette = { green: ansi(32), red: ansi(31), yellow: ansi(33), dim: ansi(2) };
const NO_COLORS: Palette = { green: plain, red: plain, yellow: plain, dim: plain };

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function duration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  const rounded = Math.round(seconds);
  return rounded < 120 ? `${rounded}s` : `${Math.floor(rounded / 60)}m${String(rounded % 60).padStart(2, '0')}s`;
}

function when(outcome: TokenOutcome): string {
  const { elapsedSeconds, attempts } = outcome.view;
  const parts: string[] = [];
  if (elapsedSeconds !== undefined) parts.push(`after ${duration(elapsedSeconds)}`);
  if (attempts !== undefined) parts.push(`(${count(attempts, 'check')})`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

function headline(outcome: TokenOutcome, c: Palette): string {
  const status = outcome.status ?? 'unknown status';
  switch (outcome.outcome) {
    case 'completed':
      return `${outcome.token}: ${(outcome.warnings.length > 0 ? c.yellow : c.green)(status)}${when(outcome)}`;
    case 'failed':
      return `${outcome.token}: ${c.red(status)}${when(outcome)}`;
    case 'in-progress':
      return `${outcome.token}: ${c.yellow(status)} (not finished)`;
    case 'timeout':
      // A busy portfolio or an account share has no share status; its advice line says what was pending.
      if (outcome.status === null && outcome.view.advice !== undefined) return `${outcome.token}: ${c.red('timed out')}${when(outcome)}`;
      return `${outcome.token}: ${c.red('timed out')}${when(outcome)}; last status ${outcome.status ?? 'none (no check answered)'}`;
    case 'interrupted':
      return `${outcome.token}: ${c.yellow(`interrupted by ${outcome.view.signal ?? 'a signal'}`)}${when(outcome)}; last status ${outcome.status ?? 'none (no check answered)'}`;
    case 'api-error': {
      const v = outcome.view;
      if (isConnectFailure(v)) {
        // One line says it all: the request never left for the service.
        return `${outcome.token}: ${c.red('could not connect')} to the endpoint URL (${v.serviceMessage ?? ''}); ${CONNECT_ADVICE}`;
      }
      const name = v.serviceErrorName ?? 'Error';
      const extra = [v.requestId ? `request id ${v.requestId}` : '', v.httpStatusCode ? `HTTP ${v.httpStatusCode}` : '']
        .filter(Boolean)
        .join(', ');
      return `${outcome.token}: ${c.red(`API error ${name}`)}: ${v.serviceMessage ?? v.message ?? ''}${extra ? ` (${extra})` : ''}`;
    }
    case 'invalid-input':
      return `${outcome.token}: ${c.red('invalid input')}: ${outcome.view.message ?? ''}`;
    case 'started':
      return `${outcome.token}: ${c.green('started')} (not waited for)`;
    case 'not-started':
      return `${outcome.token}: ${c.yellow('not started')}${outcome.view.message === undefined ? '' : `: ${outcome.view.message}`}`;
  }
}

function field(label: string, value: string): string {
  return `  ${label.padEnd(11)} ${value}`;
}

function errorLines(shareError: ShareError, c: Palette): string[] {
  const accounts = shareError.Accounts ?? [];
  const lines = [field('error', `${c.red(shareError.Error ?? 'UnknownError')} on ${count(accounts.length, 'account')}: ${accounts.join(', ')}`)];
  if (shareError.Message) lines.push(field('', shareError.Message));
  return lines;
}

/** One token's report for people: status line, then portfolio, node, accounts and each share error. */
export function formatOutcomeText(outcome: TokenOutcome, color: boolean): string {
  const c = color ? COLORS : NO_COLORS;
  const v = outcome.view;
  const lines = [headline(outcome, c)];
  if (v.portfolioId) lines.push(field('portfolio', v.portfolioId));
  if (v.organizationNodeValue) lines.push(field('node', v.organizationNodeValue));
  const successful = v.shareDetails?.SuccessfulShares ?? [];
  if (v.shareDetails) lines.push(field('successful', successful.length > 0 ? `${count(successful.length, 'account')}: ${successful.join(', ')}` : 'none yet'));
  for (const shareError of v.shareDetails?.ShareErrors ?? []) lines.push(...errorLines(shareError, c));
  if (v.throttledAccounts.length > 0) {
    lines.push(
      field(
        'advice',
        `throttled inside the share for ${v.throttledAccounts.join(', ')}: the service will not retry and checking again will not help. Delete the share and create it again to reach ${v.throttledAccounts.length === 1 ? 'that account' : 'those accounts'}.`,
      ),
    );
  }
  if (v.advice !== undefined) lines.push(field('advice', v.advice));
  else if (outcome.outcome === 'timeout') lines.push(field('advice', timeoutAdvice(outcome.token)));
  else if (outcome.outcome === 'api-error' && !isConnectFailure(v)) {
    const advice = apiErrorAdvice(v);
    if (advice !== undefined) lines.push(field('advice', advice));
  }
  for (const warning of outcome.warnings) lines.push(field('warning', c.yellow(warning)));
  return `${lines.join('\n')}\n`;
}

/** The whole text report; `quiet` keeps only tokens that did not pass. */
export function formatText(outcomes: readonly TokenOutcome[], exitCode: number, color: boolean, quiet: boolean): string {
  const shown = quiet ? outcomes.filter((o) => o.exitCode !== 0) : outcomes;
  let text = shown.map((o) => formatOutcomeText(o, color)).join('');
  if (outcomes.length > 1 && !quiet) {
    const tally = new Map<string, number>();
    for (const o of outcomes) tally.set(o.outcome, (tally.get(o.outcome) ?? 0) + 1);
    const parts = [...tally].map(([name, n]) => `${n} ${name}`);
    text += `${count(outcomes.length, 'share')}: ${parts.join(', ')}; exit code ${exitCode}\n`;
  }
  return text;
}

/**
 * `status --quiet`, for polling loops: the status word alone on stdout (COMPLETED, IN_PROGRESS, …; the
 * exit code says what it means), nothing else. When no status came back (an API or config error),
 * stdout stays empty and the one-line reason goes to stderr.
 */
export function formatQuietStatus(outcomes: readonly TokenOutcome[]): { stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  for (const outcome of outcomes) {
    if (outcome.status !== null && outcome.outcome !== 'api-error' && outcome.outcome !== 'interrupted') stdout += `${outcome.status}\n`;
    else stderr += `${headline(outcome, NO_COLORS)}\n`;
  }
  return { stdout, stderr };
}
