import { ApiError } from '../errors.js';
import type { PortfolioShareStatus, StatusChangeEvent } from '../types.js';
import { prepareAws, type CliClientConfig, type PreparedAws } from './awsConfig.js';
import { worstExitCode, type ExitCodeValue } from './exitCodes.js';
import { formatJson, jsonReport } from './formatJson.js';
import { formatQuietStatus, formatText } from './formatText.js';
import { annotations, outputs, stepSummary } from './githubActions.js';
import { redact } from '../redact.js';
import { abortOnFirstSignal, redactingWriter, type CliEnv, type CliIo, type CliSignal } from './io.js';
import type { CliLibrary } from './library.js';
import { libraryLogger } from './libraryLogger.js';
import { createLogger } from './logging.js';
import { outcomeOfError, outcomeOfStatusResult, outcomeOfWaitResult, type TokenOutcome } from './outcome.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS, type Invocation, type StatusInvocation, type WaitInvocation } from './options.js';
import type { Logger } from '../logger.js';
import { ProgressLine } from './progress.js';
import { runShareInvocation } from './runShare.js';
import { defaultShareLibrary, type ShareCliLibrary } from './shareLibrary.js';

function isCi(env: CliEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Run a parsed invocation: call the library, print the report, write the GitHub Actions files. */
export async function runInvocation(
  invocation: Invocation,
  env: CliEnv,
  rawIo: CliIo,
  library: CliLibrary,
  shareLibrary: ShareCliLibrary = defaultShareLibrary,
): Promise<ExitCodeValue> {
  const { options } = invocation;
  // Every writer below (results, annotations, logs, progress, GitHub Actions files) is redacted.
  const io: CliIo = { ...rawIo, stdout: redactingWriter(rawIo.stdout), stderr: redactingWriter(rawIo.stderr) };
  const noColor = !options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const tokens = invocation.command === 'wait' ? invocation.tokens : invocation.command === 'status' ? [invocation.token] : [invocation.portfolioId];
  const now = io.now ?? Date.now;

  const showProgress =
    invocation.command === 'wait' && io.stderr.isTTY === true && !isCi(env) && !options.quiet && env.TERM !== 'dumb';
  const progress = showProgress ? new ProgressLine(io.stderr, tokens, now) : undefined;
  // Start loading the command's code (the SDK) while pino loads, not after it.
  const preloading = library.preload?.(invocation.command === 'status' ? 'status' : 'wait');
  const logger = await createLogger(
    options.logLevel,
    progress ? progress.wrap(io.stderr) : io.stderr,
    io.stderr.isTTY === true,
    io.stderr.isTTY === true && !noColor,
  );
  await preloading?.catch(() => undefined);

  const interruption = abortOnFirstSignal(io, logger, 'interrupted: stopping the wait');

  const quietStatus = invocation.command === 'status' && options.quiet && options.output === 'text';
  const forLibrary = libraryLogger(logger, {
    notFoundGraceSeconds: invocation.command === 'status' ? 0 : (invocation.notFoundGraceSeconds ?? DEFAULT_NOT_FOUND_GRACE_SECONDS),
  });
  let outcomes: TokenOutcome[];
  let setup: PreparedAws | undefined;
  try {
    setup = await prepareAws(options, env, library);
    if ('problem' in setup) {
      const error = new ApiError(setup.problem.message, { serviceErrorName: setup.problem.name, serviceMessage: setup.problem.message });
      outcomes = tokens.map((token) => outcomeOfError(token, error));
    } else {
      const calls: Calls = { clientConfig: setup.clientConfig, logger: forLibrary, signal: interruption.signal, interruptedBy: interruption.by };
      if (invocation.command === 'status') outcomes = [await checkStatus(invocation, library, calls)];
      else if (invocation.command !== 'wait') outcomes = [await runShareInvocation(invocation, calls, shareLibrary)];
      else {
        progress?.start();
        outcomes = await waitAll(invocation, library, calls, progress);
      }
    }
  } finally {
    if (setup !== undefined && 'close' in setup) setup.close();
    progress?.stop();
    interruption.stop();
  }

  const exitCode = worstExitCode(outcomes.map((o) => o.exitCode));
  const report = jsonReport(invocation.command, outcomes, exitCode);
  if (options.output === 'json') io.stdout.write(formatJson(report));
  else if (quietStatus) {
    const quiet = formatQuietStatus(outcomes);
    io.stdout.write(quiet.stdout);
    if (quiet.stderr) io.stderr.write(quiet.stderr);
  }
  else io.stdout.write(formatText(outcomes, exitCode, io.stdout.isTTY === true && !noColor, options.quiet));

  if (env.GITHUB_ACTIONS === 'true') {
    // Workflow commands are read from stdout and stderr alike; keep stdout one JSON document.
    (options.output === 'json' ? io.stderr : io.stdout).write(annotations(outcomes));
    await writeGithubFiles(io, logger, [
      [env.GITHUB_OUTPUT, outputs(report, outcomes)],
      [env.GITHUB_STEP_SUMMARY, stepSummary(invocation.command, outcomes, exitCode)],
    ]);
  }
  return exitCode;
}

/** Append (redacted) to `$GITHUB_OUTPUT` and `$GITHUB_STEP_SUMMARY` when set; a failed write is logged, never fatal. */
export async function writeGithubFiles(io: CliIo, logger: Logger, files: Array<[string | undefined, string]>): Promise<void> {
  const appendRaw = io.appendFile ?? (async (path: string, data: string) => (await import('node:fs/promises')).appendFile(path, data, 'utf8'));
  for (const [path, data] of files) {
    if (!path) continue;
    try {
      await appendRaw(path, redact(data));
    } catch (error) {
      logger.error({ err: error, path }, 'could not write a GitHub Actions file');
    }
  }
}


interface Calls {
  clientConfig: CliClientConfig;
  logger: Logger;
  signal: AbortSignal;
  interruptedBy(): CliSignal | undefined;
}

async function checkStatus(invocation: StatusInvocation, library: CliLibrary, calls: Calls): Promise<TokenOutcome> {
  const { token, acceptPartial } = invocation;
  try {
    const result = await library.getPortfolioShareStatus(
      { clientConfig: calls.clientConfig, logger: calls.logger, abortSignal: calls.signal },
      { PortfolioShareToken: token },
    );
    return outcomeOfStatusResult(result, acceptPartial);
  } catch (error) {
    return outcomeOfError(token, error, calls.interruptedBy());
  }
}

async function waitAll(invocation: WaitInvocation, library: CliLibrary, calls: Calls, progress: ProgressLine | undefined): Promise<TokenOutcome[]> {
  const lastStatus = new Map<string, PortfolioShareStatus>();
  // Every answered check, not only status changes: accounts done moves while IN_PROGRESS.
  const onProgress = (event: StatusChangeEvent): void => {
    lastStatus.set(event.token, event.status);
    progress?.update(event);
  };
  const waitConfig = {
    clientConfig: calls.clientConfig,
    maxWaitTime: invocation.timeoutSeconds,
    minDelay: invocation.minDelaySeconds,
    maxDelay: invocation.maxDelaySeconds,
    schedule: invocation.schedule,
    notFoundGraceSeconds: invocation.notFoundGraceSeconds,
    acceptPartialSuccess: invocation.acceptPartial,
    tolerateDuplicates: invocation.tolerateDuplicates,
    logger: calls.logger,
  };
  const perWait = { abortSignal: calls.signal, onProgress };
  // Several tokens share one pool: one client, one call budget, one timer.
  const pool =
    invocation.tokens.length > 1 ? await library.createSharePool({ ...waitConfig, ...perWait, maxCallsPerSecond: invocation.maxCallsPerSecond }) : undefined;
  try {
    const outcomes = await Promise.all(
      invocation.tokens.map(async (token) => {
        try {
          const result =
            pool === undefined
              ? await library.waitUntilPortfolioShareComplete({ ...waitConfig, ...perWait }, { PortfolioShareToken: token })
              : await pool.wait(token);
          return outcomeOfWaitResult(result);
        } catch (error) {
          return outcomeOfError(token, error, calls.interruptedBy(), lastStatus.get(token));
        }
      }),
    );
    const stretch = pool?.stats().stretch;
    if (stretch !== undefined && stretch.factor > 1.1) {
      calls.logger.info({ stretch }, 'the call budget (--max-calls-per-second) stretched the schedule');
    }
    return outcomes;
  } finally {
    pool?.close();
  }
}
