import { randomUUID } from 'node:crypto';
import { worstExitCode } from './exitCodes.js';
import type { JsonReport } from './formatJson.js';
import { formatJson } from './formatJson.js';
import type { TokenOutcome } from './outcome.js';

/** Escaping of a workflow command's message (GitHub's `escapeData`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escaping of a workflow command's property value (GitHub's `escapeProperty`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(kind: 'error' | 'warning' | 'notice', token: string, message: string): string {
  return `::${kind} title=${escapeProperty(`Portfolio share ${token}`)}::${escapeData(message)}\n`;
}

function accounts(list: readonly string[] | undefined): string {
  const all = list ?? [];
  return `${all.length} account${all.length === 1 ? '' : 's'} (${all.join(', ')})`;
}

/** `::error::` for every share error and failed token, `::warning::` for what passed with a caveat. */
export function annotations(outcomes: readonly TokenOutcome[]): string {
  let text = '';
  for (const o of outcomes) {
    const last = `last status ${o.status ?? 'unknown'}`;
    switch (o.outcome) {
      case 'completed':
        for (const warning of o.warnings) text += command('warning', o.token, warning);
        break;
      case 'failed': {
        const errors = o.view.shareDetails?.ShareErrors ?? [];
        for (const e of errors) {
          text += command('error', o.token, `${o.status ?? 'failed'}: ${e.Error ?? 'UnknownError'} on ${accounts(e.Accounts)}${e.Message ? `: ${e.Message}` : ''}`);
        }
        if (errors.length === 0) text += command('error', o.token, `share ended ${o.status ?? 'in failure'}`);
        if (o.view.throttledAccounts.length > 0) {
          text += command('error', o.token, `throttled inside the share: ${accounts(o.view.throttledAccounts)}; delete the share and create it again to reach them`);
        }
        break;
      }
      case 'timeout':
        text += command('error', o.token, `timed out after ${Math.round(o.view.elapsedSeconds ?? 0)}s; ${last}${o.view.advice !== undefined ? `; ${o.view.advice}` : ''}`);
        break;
      case 'interrupted':
        text += command('error', o.token, `interrupted by ${o.view.signal ?? 'a signal'}; ${last}`);
        break;
      case 'api-error':
        text += command('error', o.token, `API error ${o.view.serviceErrorName ?? 'Error'}: ${o.view.serviceMessage ?? o.view.message ?? ''}`);
        break;
      case 'invalid-input':
        text += command('error', o.token, `invalid input: ${o.view.message ?? ''}`);
        break;
      case 'in-progress':
        text += command('notice', o.token, `share is still ${o.status ?? 'in progress'}`);
        break;
      case 'started':
        text += command('notice', o.token, 'share action started; not waited for');
        break;
      case 'not-started':
        text += command('error', o.token, `not started: ${o.view.message ?? 'the run stopped first'}`);
        break;
    }
  }
  return text;
}

/** The token that decided the exit code: the first one with the worst outcome. */
function deciding(outcomes: readonly TokenOutcome[]): TokenOutcome | undefined {
  const worst = worstExitCode(outcomes.map((o) => o.exitCode));
  return outcomes.find((o) => o.exitCode === worst);
}

/**
 * One `$GITHUB_OUTPUT` entry in the delimited form `name<<delimiter`, value, `delimiter`: the form
 * @actions/core's `setOutput` writes, safe for any value. @actions/core exports only the process-wide
 * `setOutput` (it reads `process.env` and appends synchronously), while `main` writes through the
 * `env` and `io` it is given, so the format is written here, with core's random delimiter.
 */
export function outputEntry(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/**
 * Entries for `$GITHUB_OUTPUT`: `status` and `outcome` of the token that decided the exit code (the
 * only token, usually), `exit-code`, and `result`: the `--output json` document on one line.
 */
export function outputs(report: JsonReport<unknown> | { command: 'apply'; exitCode: number }, outcomes: readonly TokenOutcome[]): string {
  const decider = deciding(outcomes);
  return [
    outputEntry('status', decider?.status ?? 'UNKNOWN'),
    outputEntry('outcome', decider?.outcome ?? 'completed'),
    outputEntry('exit-code', String(report.exitCode)),
    outputEntry('result', formatJson(report, true)),
  ].join('');
}

const ICONS: Record<TokenOutcome['outcome'], string> = {
  completed: '✅',
  failed: '❌',
  timeout: '⏱️',
  'api-error': '❌',
  'invalid-input': '❌',
  'in-progress': '⏳',
  interrupted: '⏹️',
  started: '🚀',
  'not-started': '⏭️',
};

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A Markdown table for `$GITHUB_STEP_SUMMARY`: one row per token, then each share error. */
export function stepSummary(commandName: string, outcomes: readonly TokenOutcome[], exitCode: number): string {
  const lines = [
    `### portfolio-share ${commandName}: exit code ${exitCode}`,
    '',
    '| Token | Outcome | Status | Portfolio | Node | Successful accounts | Failed accounts | Elapsed |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
  ];
  for (const o of outcomes) {
    const v = o.view;
    const icon = o.outcome === 'completed' && o.warnings.length > 0 ? '⚠️' : ICONS[o.outcome];
    lines.push(
      `| \`${cell(o.token)}\` | ${icon} ${o.outcome} | ${o.status ?? '—'} | ${cell(v.portfolioId ?? '—')} | ${cell(v.organizationNodeValue ?? '—')} | ${v.shareDetails?.SuccessfulShares?.length ?? 0} | ${v.failedAccounts.length} | ${v.elapsedSeconds === undefined ? '—' : `${Math.round(v.elapsedSeconds)}s`} |`,
    );
  }
  const notes: string[] = [];
  for (const o of outcomes) {
    for (const e of o.view.shareDetails?.ShareErrors ?? []) {
      notes.push(`- \`${cell(o.token)}\`: **${cell(e.Error ?? 'UnknownError')}** on ${cell(accounts(e.Accounts))}${e.Message ? ` — ${cell(e.Message)}` : ''}`);
    }
    if (o.view.throttledAccounts.length > 0) {
      notes.push(`- \`${cell(o.token)}\`: throttled accounts will not get the portfolio from this share; delete it and create it again.`);
    }
    if (o.outcome === 'api-error') notes.push(`- \`${cell(o.token)}\`: ${cell(`${o.view.serviceErrorName ?? 'Error'}: ${o.view.serviceMessage ?? o.view.message ?? ''}`)}`);
    for (const w of o.warnings) notes.push(`- \`${cell(o.token)}\`: ${cell(w)}`);
  }
  if (notes.length > 0) lines.push('', ...notes);
  return `${lines.join('\n')}\n\n`;
}
