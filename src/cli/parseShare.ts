import type { Command } from 'commander';
import { ACCOUNT_ID_PATTERN, parseOrganizationNode } from '../organizationNode.js';
import { DEFAULT_TIMEOUT_SECONDS, type CommonOptions, type ShareInvocation, type ShareTargetOption } from './options.js';
import { SHARE_COMMANDS, type ShareCommand } from './shareCommands.js';
import { seconds, UsageError } from './usage.js';

const PORTFOLIO_ID_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;
/** Most `--recreate-throttled` rounds (the library's MAX_RECREATE_ROUNDS; a test keeps the two equal). */
export const MAX_RECREATE_ROUNDS = 10;

export function isShareCommand(name: string): name is ShareCommand {
  return (SHARE_COMMANDS as readonly string[]).includes(name);
}

function targetOf(opts: Record<string, unknown>): ShareTargetOption {
  const node = opts.orgNode;
  const account = opts.accountId;
  if ((node === undefined) === (account === undefined)) {
    throw new UsageError('give exactly one of --org-node (o-…, ou-…, or a 12-digit member account) and --account-id');
  }
  if (typeof account === 'string') {
    if (!ACCOUNT_ID_PATTERN.test(account)) throw new UsageError(`--account-id must be a 12-digit account id, got '${account}'`);
    return { kind: 'account', accountId: account };
  }
  const parsed = parseOrganizationNode(node);
  if (!parsed.ok) throw new UsageError(`--org-node: ${parsed.reason}`);
  return { kind: 'node', node: parsed.node };
}

function rounds(value: unknown): number {
  if (value === undefined) return 0;
  const text = String(value);
  const parsed = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(parsed <= MAX_RECREATE_ROUNDS)) throw new UsageError(`--recreate-throttled must be a whole number from 0 to ${MAX_RECREATE_ROUNDS}, got '${text}'`);
  return parsed;
}

function optionalFlag(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** The invocation of `create`, `update` or `delete`; throws UsageError before anything is called. */
export function shareInvocationOf(cmd: Command, options: CommonOptions): ShareInvocation {
  const opts = cmd.opts<Record<string, unknown>>();
  const command = cmd.name() as ShareCommand;
  const portfolioId = String(opts.portfolioId);
  if (!PORTFOLIO_ID_PATTERN.test(portfolioId)) {
    throw new UsageError(`--portfolio-id must be 1-100 letters, digits, '_' or '-' (like port-abcd1234efgh5), got '${portfolioId}'`);
  }
  const target = targetOf(opts);
  const shareTagOptions = optionalFlag(opts.shareTagOptions);
  const sharePrincipals = optionalFlag(opts.sharePrincipals);
  if (command === 'update' && shareTagOptions === undefined && sharePrincipals === undefined) {
    throw new UsageError('update needs at least one of --share-tag-options, --no-share-tag-options, --share-principals, --no-share-principals');
  }
  const minDelaySeconds = seconds(opts.minDelay, '--min-delay', false);
  const maxDelaySeconds = seconds(opts.maxDelay, '--max-delay', false);
  if (minDelaySeconds !== undefined && maxDelaySeconds !== undefined && minDelaySeconds > maxDelaySeconds) {
    throw new UsageError(`--min-delay (${minDelaySeconds}) must not be greater than --max-delay (${maxDelaySeconds})`);
  }
  return {
    command,
    portfolioId,
    target,
    shareTagOptions,
    sharePrincipals,
    wait: opts.wait !== false,
    timeoutSeconds: seconds(opts.timeout, '--timeout', false) ?? DEFAULT_TIMEOUT_SECONDS,
    minDelaySeconds,
    maxDelaySeconds,
    notFoundGraceSeconds: seconds(opts.notFoundGrace, '--not-found-grace', true),
    acceptPartial: opts.acceptPartial === true,
    recreateThrottled: rounds(opts.recreateThrottled),
    options,
  };
}
