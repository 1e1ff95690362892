import { Command, CommanderError, Option } from 'commander';

export const PROGRAM = 'portfolio-share';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const OUTPUT_FORMATS = ['text', 'json'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** @default seconds a `wait` gives up after when `--timeout` is not given. */
export const DEFAULT_TIMEOUT_SECONDS = 600;

/** Options every subcommand takes. */
export interface CommonOptions {
  region?: string | undefined;
  profile?: string | undefined;
  endpointUrl?: string | undefined;
  output: OutputFormat;
  /** Effective level: `--log-level`, else `error` under `--quiet`, else `warn`. */
  logLevel: LogLevel;
  quiet: boolean;
  color: boolean;
}

export interface WaitInvocation {
  command: 'wait';
  /** Validated, duplicates removed, in the order given. */
  tokens: string[];
  timeoutSeconds: number;
  minDelaySeconds?: number | undefined;
  maxDelaySeconds?: number | undefined;
  notFoundGraceSeconds?: number | undefined;
  acceptPartial: boolean;
  options: CommonOptions;
}

export interface StatusInvocation {
  command: 'status';
  token: string;
  acceptPartial: boolean;
  options: CommonOptions;
}

export type Invocation = WaitInvocation | StatusInvocation;

/** Either something to run, or what to print and the exit code (help, version, usage error). */
export type ParseOutcome =
  | { kind: 'run'; invocation: Invocation }
  | { kind: 'exit'; exitCode: 0 | 2; stdout: string; stderr: string };

const TOKEN_PATTERN = /^[a-zA-Z0-9_-]{1,100}$/;
const NUMBER_PATTERN = /^(\d+(\.\d*)?|\.\d+)$/;
const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const EXIT_CODES_HELP = `
Exit codes:
  0    every share COMPLETED (or partial success accepted, or only
       DuplicateResourceException errors)
  1    a share finished COMPLETED_WITH_ERRORS or ERROR
  2    usage error; nothing was called
  3    timed out; the last status is printed
  4    API error: not found, access denied, credentials, region, unsupported
  5    status only: the share is still NOT_STARTED or IN_PROGRESS
  130  interrupted by SIGINT
  143  interrupted by SIGTERM
With several tokens the worst outcome wins: 143/130 > 2 > 4 > 3 > 1 > 0.

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

class UsageError extends Error {}

function seconds(value: unknown, flag: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const parsed = NUMBER_PATTERN.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(parsed) || (!allowZero && parsed === 0)) {
    const expected = allowZero ? 'a number of seconds (0 or more)' : 'a number of seconds greater than 0';
    throw new UsageError(`${flag} must be ${expected}, got '${text}'`);
  }
  return parsed;
}

function token(value: string): string {
  if (!TOKEN_PATTERN.test(value)) {
    throw new UsageError(
      `invalid share token '${value}': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)`,
    );
  }
  return value;
}

function endpoint(value: string, source: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new UsageError(`${source} must be an http:// or https:// URL, got '${value}'`);
  }
  return value;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function commonOptions(cmd: Command, env: Readonly<Record<string, string | undefined>>): CommonOptions {
  const opts = cmd.optsWithGlobals<Record<string, unknown>>();
  const region = optionalString(opts.region);
  if (region !== undefined && !REGION_PATTERN.test(region)) {
    throw new UsageError(`--region must look like an AWS region (e.g. us-east-1), got '${region}'`);
  }
  const profile = optionalString(opts.profile);
  if (profile !== undefined && profile.trim() === '') throw new UsageError('--profile must not be empty');
  let endpointUrl = optionalString(opts.endpointUrl);
  if (endpointUrl !== undefined) endpoint(endpointUrl, '--endpoint-url');
  else {
    for (const name of ['AWS_ENDPOINT_URL_SERVICE_CATALOG', 'AWS_ENDPOINT_URL']) {
      const fromEnv = env[name];
      if (fromEnv) {
        endpointUrl = endpoint(fromEnv, name);
        break;
      }
    }
  }
  const quiet = opts.quiet === true;
  const levelGiven = cmd.getOptionValueSourceWithGlobals('logLevel') === 'cli';
  const logLevel = (levelGiven ? opts.logLevel : quiet ? 'error' : 'warn') as LogLevel;
  return {
    region,
    profile,
    endpointUrl,
    output: opts.output === 'json' ? 'json' : 'text',
    logLevel,
    quiet,
    color: opts.color !== false,
  };
}

function buildProgram(version: string, out: string[], err: string[], failed: { command?: Command }): Command {
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
    .option('--min-delay <seconds>', 'shortest delay between checks (default: 0.5)')
    .option('--max-delay <seconds>', 'longest delay between checks (default: 9)')
    .option('--accept-partial', 'exit 0 when a share ends COMPLETED_WITH_ERRORS')
    .option(
      '--not-found-grace <seconds>',
      'treat "not found" as "not visible yet" for this long after the start (default: 30)',
    )
    .addHelpText('after', WAIT_EXAMPLES)
    .action(() => {});

  configure(program.command('status'))
    .description('check a share once, without waiting; exit 0 completed, 1 failed, 5 not finished')
    .argument('<token>', 'portfolio share token (PortfolioShareToken)')
    .option('--accept-partial', 'exit 0 when the share ended COMPLETED_WITH_ERRORS')
    .action(() => {});

  return program;
}

function usage(message: string, command: string | undefined): ParseOutcome {
  const where = command ? `${PROGRAM} ${command}` : PROGRAM;
  return {
    kind: 'exit',
    exitCode: 2,
    stdout: '',
    stderr: `error: ${message}\nRun '${where} --help' for usage.\n`,
  };
}

function invocationOf(cmd: Command, env: Readonly<Record<string, string | undefined>>): Invocation {
  const options = commonOptions(cmd, env);
  const opts = cmd.opts<Record<string, unknown>>();
  const acceptPartial = opts.acceptPartial === true;
  if (cmd.name() === 'status') {
    return { command: 'status', token: token(String(cmd.args[0])), acceptPartial, options };
  }
  const tokens = [...new Set(cmd.args.map(token))];
  const timeoutSeconds = seconds(opts.timeout, '--timeout', false) ?? DEFAULT_TIMEOUT_SECONDS;
  const minDelaySeconds = seconds(opts.minDelay, '--min-delay', false);
  const maxDelaySeconds = seconds(opts.maxDelay, '--max-delay', false);
  const notFoundGraceSeconds = seconds(opts.notFoundGrace, '--not-found-grace', true);
  const effectiveMin = minDelaySeconds ?? 0.5;
  const effectiveMax = maxDelaySeconds ?? 9;
  if (effectiveMin > effectiveMax) {
    throw new UsageError(`--min-delay (${effectiveMin}) must not be greater than --max-delay (${effectiveMax})`);
  }
  return {
    command: 'wait',
    tokens,
    timeoutSeconds,
    minDelaySeconds,
    maxDelaySeconds,
    notFoundGraceSeconds,
    acceptPartial,
    options,
  };
}

/**
 * Parse the command line (without node and the script). Pure: nothing is printed and nothing is
 * called; help, version and usage errors come back as text and an exit code.
 */
export function parseCommandLine(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  version: string,
): ParseOutcome {
  const out: string[] = [];
  const err: string[] = [];
  const failed: { command?: Command } = {};
  const program = buildProgram(version, out, err, failed);
  let ran: Command | undefined;
  for (const sub of program.commands) sub.hook('preAction', (_this, actionCommand) => {
      ran = actionCommand;
    });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { kind: 'exit', exitCode: 0, stdout: out.join(''), stderr: '' };
    if (error.code === 'commander.help') {
      // No subcommand (commander prints the root help to stderr): a usage error like any other.
      const [first, second] = argv;
      const message = first === 'help' && second !== undefined ? `unknown command '${second}'` : "missing command: use 'wait' or 'status'";
      return usage(message, undefined);
    }
    const message = error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    // Global options are parsed by the root even after the subcommand: point at the subcommand's help.
    const named = argv.find((arg) => program.commands.some((c) => c.name() === arg));
    const command = failed.command && failed.command !== program ? failed.command.name() : named;
    return usage(message, command);
  }
  if (!ran) return usage("missing command: use 'wait' or 'status'", undefined);
  try {
    return { kind: 'run', invocation: invocationOf(ran, env) };
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message, ran.name());
    throw error;
  }
}
