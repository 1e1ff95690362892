import { Command, Option } from 'commander';
import { DEFAULT_MAX_DELAY_SECONDS, DEFAULT_MIN_DELAY_SECONDS } from '../schedule.js';
import { DEFAULT_MAX_CONCURRENCY, DEFAULT_NOT_FOUND_GRACE_SECONDS, DEFAULT_TIMEOUT_SECONDS, LOG_LEVELS, OUTPUT_FORMATS, PROGRAM } from './options.js';
import { addShareCommands } from './shareCommands.js';
import { addApplyCommand } from './applyCommand.js';
import { DEFAULT_MAX_CALLS_PER_SECOND } from '../pool/defaults.js';

const EXIT_CODES_HELP = `
Exit codes:
  0    every share COMPLETED (or partial success accepted, or only
       DuplicateResourceException errors)
  1    a share finished COMPLETED_WITH_ERRORS or ERROR
  2    usage error; nothing was called
  3    timed out (create/update/delete: or the portfolio stayed busy, or an
       account share was not accepted); the last status is printed
  4    API error: not found, access denied, credentials, region, unsupported
  5    status only: the share is still NOT_STARTED or IN_PROGRESS
  130  interrupted by SIGINT
  143  interrupted by SIGTERM
With several tokens the worst outcome wins: 143/130 > 2 > 4 > 3 > 1 > 5 > 0.

Environment: AWS_REGION, AWS_DEFAULT_REGION, AWS_PROFILE, AWS_ENDPOINT_URL,
AWS_ENDPOINT_URL_SERVICE_CATALOG and the AWS credentials chain work as for the
AWS CLI. GITHUB_ACTIONS=true adds annotations, $GITHUB_OUTPUT and
$GITHUB_STEP_SUMMARY. NO_COLOR disables colors; CI=true disables the progress line.
`;

const WAIT_EXAMPLES = `
Examples:
  $ ${PROGRAM} wait share-6v24abcdefghi
  $ ${PROGRAM} wait "$TOKEN_A" "$TOKEN_B" --timeout 900 --output json
`;

const STATE_MACHINE_EXAMPLES = `
Examples:
  $ ${PROGRAM} state-machine > wait-for-share.asl.json
  $ ${PROGRAM} state-machine --create --query-language jsonata --timeout 1800
  $ ${PROGRAM} state-machine --map --max-concurrency 20 --iam-policy
`;

/**
 * The commander program: subcommands, options and help texts. Output goes to `out`/`err` and errors
 * are thrown (exitOverride), never printed or exited on; `failed.command` tells whose parse failed.
 */
export function buildProgram(version: string, out: string[], err: string[], failed: { command?: Command }): Command {
  const program = new Command(PROGRAM);
  const configure = (cmd: Command): Command =>
    cmd
      .exitOverride()
      .configureOutput({
        writeOut: (s) => out.push(s),
        writeErr: (s) => err.push(s),
        outputError: () => {
          failed.command = cmd;
        },
        getOutHelpWidth: () => 80,
        getErrHelpWidth: () => 80,
        getOutHasColors: () => false,
        getErrHasColors: () => false,
      })
      .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
      .helpOption('-h, --help', 'show help');

  configure(program)
    .description(
      'Wait for AWS Service Catalog portfolio shares to finish: a gate for CI pipelines\nand deploy scripts.',
    )
    .version(version, '-V, --version', 'print the version')
    .helpCommand('help [command]', 'show help for a command')
    .option('--region <region>', "AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION or the profile's)")
    .option('--profile <name>', 'AWS CLI named profile (default: $AWS_PROFILE)')
    .option(
      '--endpoint-url <url>',
      'send requests to this URL, e.g. a simulator (default: $AWS_ENDPOINT_URL_SERVICE_CATALOG or $AWS_ENDPOINT_URL)',
    )
    .addOption(new Option('--output <format>', 'result format on stdout').choices(OUTPUT_FORMATS).default('text'))
    .addOption(new Option('--log-level <level>', 'log level on stderr').choices(LOG_LEVELS).default('warn'))
    .option('--quiet', 'print only failures; no progress line; log level error')
    .option('--no-color', 'no colors (also: NO_COLOR=1)')
    .addHelpText('after', EXIT_CODES_HELP);

  configure(program.command('wait'))
    .description('wait until every share is done (concurrently), then report each')
    .argument('<token...>', 'portfolio share tokens (PortfolioShareToken, e.g. share-6v24abcdefghi)')
    .option('--timeout <seconds>', `give up after this many seconds; exit 3 (default: ${DEFAULT_TIMEOUT_SECONDS})`)
    .option('--min-delay <seconds>', `shortest delay between checks (default: ${DEFAULT_MIN_DELAY_SECONDS})`)
    .option('--max-delay <seconds>', `longest delay between checks (default: ${DEFAULT_MAX_DELAY_SECONDS})`)
    .option('--schedule <preset>', 'balanced (default), fewer-calls or low-lag (docs/performance.md)')
    .option(
      '--max-calls-per-second <n>',
      `with several tokens, the most status calls per second for all of them together (default: ${DEFAULT_MAX_CALLS_PER_SECOND})`,
    )
    .option('--accept-partial', 'exit 0 when a share ends COMPLETED_WITH_ERRORS')
    .option('--no-tolerate-duplicates', 'fail a share whose only errors are DuplicateResourceException')
    .option(
      '--not-found-grace <seconds>',
      `treat "not found" as "not visible yet" for this long after the start (default: ${DEFAULT_NOT_FOUND_GRACE_SECONDS})`,
    )
    .addHelpText('after', WAIT_EXAMPLES)
    .action(() => {});

  configure(program.command('status'))
    .description('check a share once, without waiting; exit 0 completed, 1 failed, 5 not finished')
    .argument('<token>', 'portfolio share token (PortfolioShareToken)')
    .option('--accept-partial', 'exit 0 when the share ended COMPLETED_WITH_ERRORS')
    .action(() => {});

  addShareCommands(program, configure);
  addApplyCommand(program, configure);

  configure(program.command('state-machine'))
    .description('print a Step Functions state machine (JSON) that waits for shares')
    .option('--create', 'create the share first (same as --action create)')
    .addOption(new Option('--action <action>', 'make this share action first').choices(['create', 'update', 'delete']))
    .option('--map', 'a Map over a plan of shares: {"shares": [...]}')
    .option('--lambda <function-arn>', 'check through the portfolio-share-waiter/lambda handler instead')
    .addOption(new Option('--query-language <language>', 'ASL query language').choices(['jsonpath', 'jsonata']).default('jsonpath'))
    .option('--timeout <seconds>', `give up on a share after this many seconds (default: ${DEFAULT_TIMEOUT_SECONDS})`)
    .option('--min-delay <seconds>', `shortest delay between checks (default: ${DEFAULT_MIN_DELAY_SECONDS})`)
    .option('--max-delay <seconds>', `longest delay between checks (default: ${DEFAULT_MAX_DELAY_SECONDS})`)
    .option('--accept-partial', 'succeed when a share ends COMPLETED_WITH_ERRORS')
    .option('--fail-on-duplicates', 'fail when the share errors are all DuplicateResourceException')
    .option(
      '--not-found-grace <seconds>',
      `treat "not found" as "not visible yet" for this long after the start (default: ${DEFAULT_NOT_FOUND_GRACE_SECONDS})`,
    )
    .option('--max-concurrency <count>', `shares worked on at once with --map (default: ${DEFAULT_MAX_CONCURRENCY})`)
    .option('--iam-policy', 'print the IAM policy the machine needs instead')
    .addHelpText('after', STATE_MACHINE_EXAMPLES)
    .action(() => {});

  return program;
}
