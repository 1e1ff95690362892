import { ApiError } from '../errors.js';
import type { PortfolioShareStatus, StatusChangeEvent } from '../types.js';
import { clientConfigFrom, MISSING_REGION_MESSAGE } from './awsConfig.js';
import { worstExitCode, type ExitCodeValue } from './exitCodes.js';
import { formatJson, jsonReport } from './formatJson.js';
import { formatText } from './formatText.js';
import { annotations, outputs, stepSummary } from './githubActions.js';
import type { CliEnv, CliIo, CliSignal } from './io.js';
import type { CliLibrary } from './library.js';
import { createLogger } from './logging.js';
import { outcomeOfError, outcomeOfStatusResult, outcomeOfWaitResult, type TokenOutcome } from './outcome.js';
import type { Invocation } from './options.js';
import { ProgressLine } from './progress.js';

function isCi(env: CliEnv): boolean {
  const ci = env.CI;
  return ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0';
}

/** Run a parsed invocation: call the library, print the report, write the GitHub Actions files. */
export async function runInvocation(invocation: Invocation, env: CliEnv, io: CliIo, library: CliLibrary): Promise<ExitCodeValue> {
  const { options } = invocation;
  const noColor = !options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const tokens = invocation.command === 'wait' ? invocation.tokens : [invocation.token];
  const now = io.now ?? Date.now;

  const showProgress =
    invocation.command === 'wait' && io.stderr.isTTY === true && !isCi(env) && !options.quiet && env.TERM !== 'dumb';
  const progress = showProgress ? new ProgressLine(io.stderr, tokens, now) : undefined;
  // Start loading the command's code (the SDK) while pino loads, not after it.
  const preloading = library.preload?.(invocation.command);
  const logger = await createLogger(
    options.logLevel,
    progress ? progress.wrap(io.stderr) : io.stderr,
    io.stderr.isTTY === true,
    io.stderr.isTTY === true && !noColor,
  );
  await preloading?.catch(() => undefined);

  const controller = new AbortController();
  let interruptedBy: CliSignal | undefined;
  const stopListening = io.onSignal?.((signal) => {
    if (interruptedBy !== undefined) return;
    interruptedBy = signal;
    logger.warn({ signal }, 'interrupted: stopping the wait');
    controller.abort(new Error(`interrupted by ${signal}`));
  });

  let outcomes: TokenOutcome[];
  try {
    const clientConfig = clientConfigFrom(options, env);
    if (clientConfig.region === undefined) clientConfig.region = await library.resolveRegion(options.profile);
    if (clientConfig.region === undefined) {
      const error = new ApiError(MISSING_REGION_MESSAGE, { serviceErrorName: 'MissingRegion', serviceMessage: MISSING_REGION_MESSAGE });
      outcomes = tokens.map((token) => outcomeOfError(token, error));
    } else if (invocation.command === 'status') {
      const { token, acceptPartial } = invocation;
      try {
        const result = await library.getPortfolioShareStatus(
          { clientConfig, logger, abortSignal: controller.signal },
          { PortfolioShareToken: token },
        );
        outcomes = [outcomeOfStatusResult(result, acceptPartial)];
      } catch (error) {
        outcomes = [outcomeOfError(token, error, interruptedBy)];
      }
    } else {
      const lastStatus = new Map<string, PortfolioShareStatus>();
      // Every answered check, not only status changes: accounts done moves while IN_PROGRESS.
      const onProgress = (event: StatusChangeEvent): void => {
        lastStatus.set(event.token, event.status);
        progress?.update(event);
      };
      progress?.start();
      const waitConfig = {
        clientConfig,
        maxWaitTime: invocation.timeoutSeconds,
        minDelay: invocation.minDelaySeconds,
        maxDelay: invocation.maxDelaySeconds,
        schedule: invocation.schedule,
        notFoundGraceSeconds: invocation.notFoundGraceSeconds,
        acceptPartialSuccess: invocation.acceptPartial,
        logger,
      };
      const perWait = { abortSignal: controller.signal, onProgress };
      // Several tokens share one pool: one client, one call budget, one timer.
      const pool =
        invocation.tokens.length > 1 ? await library.createSharePool({ ...waitConfig, ...perWait, maxCallsPerSecond: invocation.maxCallsPerSecond }) : undefined;
      try {
        outcomes = await Promise.all(
          invocation.tokens.map(async (token) => {
            try {
              const result =
                pool === undefined
                  ? await library.waitUntilPortfolioShareComplete({ ...waitConfig, ...perWait }, { PortfolioShareToken: token })
                  : await pool.wait(token);
              return outcomeOfWaitResult(result);
            } catch (error) {
              return outcomeOfError(token, error, interruptedBy, lastStatus.get(token));
            }
          }),
        );
        const stretch = pool?.stats().stretch;
        if (stretch !== undefined && stretch.factor > 1.1) {
          logger.info({ stretch }, 'the call budget (--max-calls-per-second) stretched the schedule');
        }
      } finally {
        pool?.close();
      }
    }
  } finally {
    progress?.stop();
    stopListening?.();
  }

  const exitCode = worstExitCode(outcomes.map((o) => o.exitCode));
  const report = jsonReport(invocation.command, outcomes, exitCode);
  if (options.output === 'json') io.stdout.write(formatJson(report));
  else io.stdout.write(formatText(outcomes, exitCode, io.stdout.isTTY === true && !noColor, options.quiet));

  if (env.GITHUB_ACTIONS === 'true') {
    // Workflow commands are read from stdout and stderr alike; keep stdout one JSON document.
    (options.output === 'json' ? io.stderr : io.stdout).write(annotations(outcomes));
    const append = io.appendFile ?? (async (path: string, data: string) => (await import('node:fs/promises')).appendFile(path, data, 'utf8'));
    const files: Array<[string | undefined, string]> = [
      [env.GITHUB_OUTPUT, outputs(report, outcomes)],
      [env.GITHUB_STEP_SUMMARY, stepSummary(invocation.command, outcomes, exitCode)],
    ];
    for (const [path, data] of files) {
      if (!path) continue;
      try {
        await append(path, data);
      } catch (error) {
        logger.error({ err: error, path }, 'could not write a GitHub Actions file');
      }
    }
  }
  return exitCode;
}
