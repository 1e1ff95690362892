import { CommanderError, type Command } from 'commander';
import { buildProgram } from './program.js';
import { redact } from '../redact.js';
import { isValidToken, TOKEN_MAX_LENGTH } from '../token.js';
import { NUMBER_PATTERN, seconds, UsageError } from './usage.js';
import { isShareCommand, shareInvocationOf } from './parseShare.js';
import { applyInvocationOf } from './parseApply.js';
import { PROGRAM, DEFAULT_TIMEOUT_SECONDS, type ApplyInvocation, type CommonOptions, type Invocation, type LogLevel, type ParseOutcome, type StateMachineInvocation, type WaitInvocation } from './options.js';
import type { StateMachineSpec } from '../workflow/definitions.js';

const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

const PRESETS: ReadonlyArray<NonNullable<WaitInvocation['schedule']>> = ['balanced', 'fewer-calls', 'low-lag'];

function schedulePreset(value: unknown): WaitInvocation['schedule'] {
  if (value === undefined) return undefined;
  const preset = PRESETS.find((p) => p === value);
  if (preset === undefined) throw new UsageError(`--schedule must be balanced, fewer-calls or low-lag, got '${String(value)}'`);
  return preset;
}

export function callsPerSecond(value: unknown): number | undefined {
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
  else if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() !== 'true') {
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

/** Control characters as escapes (\n, \r, \t, \u001b…), so a usage error stays on one line whatever was typed. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function usage(message: string, command: string | undefined): ParseOutcome {
  const where = command ? `${PROGRAM} ${command}` : PROGRAM;
  return {
    kind: 'exit',
    exitCode: 2,
    stdout: '',
    stderr: `error: ${redact(printable(message))}\nRun '${where} --help' for usage.\n`,
  };
}

function stateMachineOf(opts: Record<string, unknown>, options: CommonOptions): StateMachineInvocation {
  if (opts.create === true && opts.action !== undefined && opts.action !== 'create') throw new UsageError(`--create conflicts with --action ${String(opts.action)}`);
  const action = opts.create === true ? 'create' : (optionalString(opts.action) as StateMachineSpec['action']);
  const map = opts.map === true;
  const lambda = optionalString(opts.lambda);
  const queryLanguage = opts.queryLanguage === 'jsonata' ? 'JSONata' : 'JSONPath';
  if (map && action !== undefined) throw new UsageError('--map takes the action from each share of the plan: leave out --create and --action');
  if (lambda !== undefined) {
    if (map || action !== undefined) throw new UsageError('--lambda waits for an existing share token: it takes no --map, --create or --action');
    if (queryLanguage !== 'JSONPath') throw new UsageError('--lambda machines are JSONPath only');
    if (!/^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/.test(lambda)) throw new UsageError(`--lambda must be a Lambda function ARN, got '${lambda}'`);
  }
  const count = opts.maxConcurrency === undefined ? undefined : String(opts.maxConcurrency);
  if (count !== undefined && !/^[1-9]\d{0,3}$/.test(count)) throw new UsageError(`--max-concurrency must be a whole number from 1 to 9999, got '${count}'`);
  if (count !== undefined && !map) throw new UsageError('--max-concurrency applies to --map only');
  const minDelay = seconds(opts.minDelay, '--min-delay', false);
  const maxDelay = seconds(opts.maxDelay, '--max-delay', false);
  if (minDelay !== undefined && maxDelay !== undefined && minDelay > maxDelay) {
    throw new UsageError(`--min-delay (${minDelay}) must not be greater than --max-delay (${maxDelay})`);
  }
  const maxWaitTime = seconds(opts.timeout, '--timeout', false) ?? DEFAULT_TIMEOUT_SECONDS;
  if (maxWaitTime > 31_536_000) throw new UsageError(`--timeout must be at most a year (31536000 s), the longest a Standard execution runs, got '${String(opts.timeout)}'`);
  const spec: StateMachineSpec = {
    queryLanguage,
    action,
    map,
    lambdaFunctionArn: lambda,
    maxWaitTime,
    minDelay,
    maxDelay,
    notFoundGraceSeconds: seconds(opts.notFoundGrace, '--not-found-grace', true),
    acceptPartialSuccess: opts.acceptPartial === true,
    tolerateDuplicates: opts.failOnDuplicates !== true,
    maxConcurrency: count === undefined ? undefined : Number(count),
  };
  return { command: 'state-machine', spec, iamPolicy: opts.iamPolicy === true, options };
}

function invocationOf(cmd: Command, env: Readonly<Record<string, string | undefined>>): Invocation | StateMachineInvocation | ApplyInvocation {
  const options = commonOptions(cmd, env);
  const opts = cmd.opts<Record<string, unknown>>();
  if (cmd.name() === 'state-machine') return stateMachineOf(opts, options);
  if (cmd.name() === 'apply') return applyInvocationOf(opts, options, callsPerSecond(opts.maxCallsPerSecond));
  const acceptPartial = opts.acceptPartial === true;
  if (isShareCommand(cmd.name())) return shareInvocationOf(cmd, options);
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
    tolerateDuplicates: opts.tolerateDuplicates !== false,
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
