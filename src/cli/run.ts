import { ApiError } from '../errors.js';
import type { PortfolioShareStatus, StatusChangeEvent } from '../types.js';
import { clientConfigFrom, MISSING_REGION_MESSAGE } from './awsConfig.js';
import { worstExitCode, type ExitCodeValue } from './exitCodes.js';
import { formatJson, jsonReport } from './formatJson.js';
import { formatText } from './formatText.js';
import { annotations, outputs, stepSummary } from './githubActions.js';
import { redact } from '../redact.js';
import { redactingWriter, type CliEnv, type CliIo, type CliSignal } from './io.js';
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
export async function runInvocation(invocation: Invocation, env: CliEnv, rawIo: CliIo, library: CliLibrary): Promise<ExitCodeValue> {
  const { options } = invocation;
  // Every writer below (results, annotations, logs, progress, GitHub Actions files) is redacted.
  const io: CliIo = { ...rawIo, stdout: redactingWriter(rawIo.stdout), stderr: redactingWriter(rawIo.stderr) };
  const noColor = !options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const tokens = invocation.command === 'wait' ? invocation.tokens : [invocation.token];
  const now = io.now ?? Date.now;

  const showProgress =
    invocation.command === 'wait' && io.stderr.isTTY === true && !isCi(env) && !options.quiet && env.TERM !== 'dumb';
  const progress = showProgress ? new ProgressLine(io.stderr, tokens, now) : undefined;
  const logger = await createLogger(
    options.logLevel,
    progress ? progress.wrap(io.stderr) : io.stderr,
    io.stderr.isTTY === true,
    io.stderr.isTTY === true && !noColor,
  );

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
      outcomes = await Promise.all(
        invocation.tokens.map(async (token) => {
          try {
            const result = await library.waitUntilPortfolioShareComplete(
              {
                clientConfig,
                maxWaitTime: invocation.timeoutSeconds,
                minDelay: invocation.minDelaySeconds,
                maxDelay: invocation.maxDelaySeconds,
                notFoundGraceSeconds: invocation.notFoundGraceSeconds,
                acceptPartialSuccess: invocation.acceptPartial,
                abortSignal: controller.signal,
                logger,
                onProgress,
              },
              { PortfolioShareToken: token },
            );
            return outcomeOfWaitResult(result);
          } catch (error) {
            return outcomeOfError(token, error, interruptedBy, lastStatus.get(token));
          }
        }),
      );
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
    const appendRaw = io.appendFile ?? (async (path: string, data: string) => (await import('node:fs/promises')).appendFile(path, data, 'utf8'));
    const append = (path: string, data: string): Promise<void> => appendRaw(path, redact(data));
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
