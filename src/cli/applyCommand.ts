import type { Command } from 'commander';
import { DEFAULT_MAX_CALLS_PER_SECOND } from '../pool/defaults.js';
import { DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../schedule.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS, PROGRAM } from './options.js';

/** The whole plan's default deadline, seconds: a plan runs several shares one after the other. */
export const DEFAULT_APPLY_TIMEOUT_SECONDS = 1800;

const APPLY_NOTES = `
The plan is checked before any share call: its format (docs/plan.schema.json),
duplicate portfolio and node pairs, malformed nodes, and that every portfolio
exists (DescribePortfolio); a bad plan exits 2 and nothing is shared. Then each
share is made and waited for; the shares of one portfolio one at a time in file
order, different portfolios at once. After the first failure no new share
starts (unless --keep-going); shares already made are waited for. The report
says which shares were made (with their tokens) and which were not. The exit
code is the worst of all shares, in the order of the exit code table.

Examples:
  $ ${PROGRAM} apply --file plan.json
  $ ${PROGRAM} apply --file plan.yaml --dry-run
  $ ${PROGRAM} apply --file plan.json --timeout 3600 --max-calls-per-second 5 --output json
`;

/** Add `apply`; `configure` gives it the program's output and help settings. */
export function addApplyCommand(program: Command, configure: (cmd: Command) => Command): void {
  configure(program.command('apply'))
    .description('create, update and delete the shares of a plan file and wait for each')
    .requiredOption('--file <path>', 'the plan: JSON, or YAML when the name ends in .yaml or .yml')
    .option('--dry-run', 'check the plan and print what would run; no AWS calls')
    .option('--keep-going', 'after a share fails, go on with the others')
    .option('--timeout <seconds>', `the whole plan's deadline: no share starts after it; exit 3 (default: ${DEFAULT_APPLY_TIMEOUT_SECONDS})`)
    .option('--min-delay <seconds>', `shortest delay between checks (default: ${DEFAULT_MIN_DELAY_SECONDS})`)
    .option('--max-delay <seconds>', `longest delay between checks (default: ${DEFAULT_MAX_DELAY_SECONDS})`)
    .option('--max-calls-per-second <n>', `the most status calls per second for all shares together (default: ${DEFAULT_MAX_CALLS_PER_SECOND})`)
    .option('--accept-partial', 'a share that ends COMPLETED_WITH_ERRORS counts as done')
    .option('--not-found-grace <seconds>', `treat "not found" as "not visible yet" for this long after each call (default: ${DEFAULT_NOT_FOUND_GRACE_SECONDS})`)
    .addHelpText('after', APPLY_NOTES)
    .action(() => {});
}
