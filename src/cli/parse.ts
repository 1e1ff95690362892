import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import { isValidToken, TOKEN_MAX_LENGTH } from '../token.js';
import { PROGRAM, DEFAULT_TIMEOUT_SECONDS, type CommonOptions, type Invocation, type LogLevel, type ParseOutcome, type WaitInvocation } from './options.js';

const NUMBER_PATTERN = /^(\d+(\.\d*)?|\.\d+)$/;
const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

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

const PRESETS: ReadonlyArray<NonNullable<WaitInvocation['schedule']>> = ['balanced', 'fewer-calls', 'low-lag'];

function schedulePreset(value: unknown): WaitInvocation['schedule'] {
  if (value === undefined) return undefined;
  const preset = PRESETS.find((p) => p === value);
  if (preset === undefined) throw new UsageError(`--schedule must be balanced, fewer-calls or low-lag, got '${String(value)}'`);
  return preset;
}

function callsPerSecond(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const parsed = NUMBER_PATTERN.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(parsed) || parsed < 1) throw new UsageError(`--max-calls-per-second must be a number of calls of 1 or more, got '${text}'`);
  return parsed;
}

function token(value: string): string {
  if (!isValidToken(value)) {
    throw new UsageError(
      `invalid share token '${value}': expected 1-${TOKEN_MAX_LENGTH} letters, digits, '_' or '-' (like share-6v24abcdefghi)`,
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
  // Like the library, a single bound given alone moves the other default out of its way.
  if (minDelaySeconds !== undefined && maxDelaySeconds !== undefined && minDelaySeconds > maxDelaySeconds) {
    throw new UsageError(`--min-delay (${minDelaySeconds}) must not be greater than --max-delay (${maxDelaySeconds})`);
  }
  const maxCallsPerSecond = callsPerSecond(opts.maxCallsPerSecond);
  return {
    command: 'wait',
    tokens,
    timeoutSeconds,
    minDelaySeconds,
    maxDelaySeconds,
    notFoundGraceSeconds,
    maxCallsPerSecond,
    schedule: schedulePreset(opts.schedule),
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
