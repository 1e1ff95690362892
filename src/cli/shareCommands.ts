import { Option, type Command } from 'commander';
import { DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../schedule.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS, DEFAULT_TIMEOUT_SECONDS, PROGRAM } from './options.js';

/** The subcommands that make a share action: `create`, `update`, `delete`. */
export const SHARE_COMMANDS = ['create', 'update', 'delete'] as const;
export type ShareCommand = (typeof SHARE_COMMANDS)[number];

const EXAMPLES: Record<ShareCommand, string> = {
  create: `
The node type is read from the value: o-… an organization, ou-… an OU, 12 digits
a member account. --account-id shares with an account directly (no
organization); that share is done when the account accepts it. Another share
action on the portfolio (InvalidStateException) is retried until --timeout.

Examples:
  $ ${PROGRAM} create --portfolio-id port-abcd1234efgh5 --org-node ou-ab12-cd34ef56
  $ ${PROGRAM} create --portfolio-id port-abcd1234efgh5 --account-id 123456789012 --no-wait
`,
  update: `
Examples:
  $ ${PROGRAM} update --portfolio-id port-abcd1234efgh5 --org-node o-abcdefghij --share-tag-options
  $ ${PROGRAM} update --portfolio-id port-abcd1234efgh5 --org-node o-abcdefghij --no-share-principals
`,
  delete: `
Examples:
  $ ${PROGRAM} delete --portfolio-id port-abcd1234efgh5 --org-node ou-ab12-cd34ef56
  $ ${PROGRAM} delete --portfolio-id port-abcd1234efgh5 --account-id 123456789012
`,
};

const DESCRIPTIONS: Record<ShareCommand, string> = {
  create: 'share a portfolio with an organization node or an account, then wait until the share is done',
  update: 'change what a share passes on (TagOptions, principals), then wait until it is done',
  delete: 'stop sharing a portfolio with a node or an account, then wait until it is done',
};

/** Add `create`, `update` and `delete` to the program; `configure` gives each the program's output and help settings. */
export function addShareCommands(program: Command, configure: (cmd: Command) => Command): void {
  for (const name of SHARE_COMMANDS) {
    const cmd = configure(program.command(name))
      .description(DESCRIPTIONS[name])
      .requiredOption('--portfolio-id <id>', 'the portfolio (e.g. port-abcd1234efgh5)')
      .option('--org-node <value>', 'organization (o-…), organizational unit (ou-…) or member account (12 digits)')
      .option('--account-id <id>', 'an account, shared with directly instead of through AWS Organizations');
    if (name === 'create') {
      cmd.option('--share-tag-options', "share the portfolio's TagOptions too").option('--share-principals', 'share principal names too (organization nodes only)');
    }
    if (name === 'update') {
      cmd
        .option('--share-tag-options', "share the portfolio's TagOptions")
        .option('--no-share-tag-options', 'stop sharing TagOptions')
        .option('--share-principals', 'share principal names')
        .option('--no-share-principals', 'stop sharing principal names');
    }
    cmd
      .option('--no-wait', 'make the call and print the token; do not wait')
      .option('--timeout <seconds>', `give up after this many seconds, busy portfolio included; exit 3 (default: ${DEFAULT_TIMEOUT_SECONDS})`)
      .option('--min-delay <seconds>', `shortest delay between checks (default: ${DEFAULT_MIN_DELAY_SECONDS})`)
      .option('--max-delay <seconds>', `longest delay between checks (default: ${DEFAULT_MAX_DELAY_SECONDS})`);
    if (name !== 'delete') cmd.option('--accept-partial', 'exit 0 when the share ends COMPLETED_WITH_ERRORS');
    cmd.option('--not-found-grace <seconds>', `treat "not found" as "not visible yet" for this long after the call (default: ${DEFAULT_NOT_FOUND_GRACE_SECONDS})`);
    if (name === 'create') {
      cmd.addOption(
        new Option('--recreate-throttled <rounds>', 'delete and create the share again, up to this many times, while accounts are throttled inside it (default: 0)'),
      );
    }
    cmd.addHelpText('after', EXAMPLES[name]).action(() => {});
  }
}
