import { InvalidInputError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { Plan, PlanProblem } from '../plan/planTypes.js';
import { notMadePlan } from '../plan/runPlan.js';
import { redact } from '../redact.js';
import { applyJsonReport, applyStepSummary, applyTable, formatApplyText, type ApplyJsonReport } from './applyFormat.js';
import type { ApplyCliLibrary } from './applyLibrary.js';
import { applyOutcomes } from './applyOutcome.js';
import { prepareAws } from './awsConfig.js';
import { ExitCode, worstExitCode, type ExitCodeValue } from './exitCodes.js';
import { formatJson } from './formatJson.js';
import { annotations, outputs } from './githubActions.js';
import { abortOnFirstSignal, redactingWriter, type CliEnv, type CliIo } from './io.js';
import type { CliLibrary } from './library.js';
import { libraryLogger } from './libraryLogger.js';
import { createLogger } from './logging.js';
import { DEFAULT_NOT_FOUND_GRACE_SECONDS, type ApplyInvocation } from './options.js';
import { writeGithubFiles } from './run.js';

/** A plan that stopped before any share: its report, and what goes to stderr. */
function early(invocation: ApplyInvocation, exitCode: ExitCodeValue, fields: Partial<ApplyJsonReport>): ApplyJsonReport {
  return { command: 'apply', file: invocation.file, dryRun: invocation.dryRun, exitCode, problems: [], error: null, plan: null, results: [], notMade: null, ...fields };
}

function problemsOf(error: unknown): PlanProblem[] | undefined {
  if (error instanceof InvalidInputError && 'problems' in error && Array.isArray(error.problems)) return error.problems as PlanProblem[];
  return undefined;
}

/** An error's message, also for errors from another realm (which fail `instanceof Error`). */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function errorData(error: unknown): Record<string, unknown> {
  const json = (error as { toJSON?: () => unknown }).toJSON;
  if (typeof json === 'function') return json.call(error) as Record<string, unknown>;
  const name = (error as { name?: unknown } | null)?.name;
  return { name: typeof name === 'string' ? name : 'Error', message: messageOf(error) };
}

/**
 * Run `apply`: read and check the plan (exit 2, nothing called), print it for `--dry-run`, else check
 * the portfolios, make and wait for every share, and report each; exit with the worst share's code.
 */
export async function runApply(invocation: ApplyInvocation, env: CliEnv, rawIo: CliIo, library: CliLibrary, applyLibrary: ApplyCliLibrary): Promise<ExitCodeValue> {
  const { options } = invocation;
  const io: CliIo = { ...rawIo, stdout: redactingWriter(rawIo.stdout), stderr: redactingWriter(rawIo.stderr) };
  const noColor = !options.color || (env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  const json = options.output === 'json';
  const logger = await createLogger(options.logLevel, io.stderr, io.stderr.isTTY === true, io.stderr.isTTY === true && !noColor);
  const stop = (report: ApplyJsonReport, message: string): ExitCodeValue => {
    io.stderr.write(`error: ${message}\n`);
    if (json) io.stdout.write(formatJson(report));
    return report.exitCode as ExitCodeValue;
  };

  let plan: Plan;
  try {
    plan = await applyLibrary.readPlan(invocation.file);
  } catch (error) {
    const problems = problemsOf(error);
    if (problems !== undefined) return stop(early(invocation, ExitCode.USAGE, { problems }), messageOf(error));
    return stop(early(invocation, ExitCode.USAGE, { error: errorData(error) }), `could not read the plan file ${invocation.file}: ${messageOf(error)}`);
  }
  if (invocation.dryRun) {
    if (json) io.stdout.write(formatJson(early(invocation, ExitCode.OK, { plan })));
    else io.stdout.write(`${plan.shares.length} share${plan.shares.length === 1 ? '' : 's'}, valid; dry run, nothing was called. Would run, one share at a time per portfolio, in this order:\n${applyTable(plan)}`);
    return ExitCode.OK;
  }

  const setup = await prepareAws(options, env, library);
  if ('problem' in setup) return stop(early(invocation, ExitCode.API_ERROR, { plan, error: { name: setup.problem.name, message: setup.problem.message } }), setup.problem.message);
  const interruption = abortOnFirstSignal(io, logger, 'interrupted: starting no new share and stopping the waits');
  try {
    const forLibrary: Logger = libraryLogger(logger, { notFoundGraceSeconds: invocation.notFoundGraceSeconds ?? DEFAULT_NOT_FOUND_GRACE_SECONDS });
    let result;
    try {
      result = await applyLibrary.applyPlan(
        {
          clientConfig: setup.clientConfig,
          maxWaitTime: invocation.timeoutSeconds,
          minDelay: invocation.minDelaySeconds,
          maxDelay: invocation.maxDelaySeconds,
          notFoundGraceSeconds: invocation.notFoundGraceSeconds,
          acceptPartialSuccess: invocation.acceptPartial,
          maxCallsPerSecond: invocation.maxCallsPerSecond,
          keepGoing: invocation.keepGoing,
          abortSignal: interruption.signal,
          logger: forLibrary,
          source: invocation.file,
          onShareEnd: (run) => logger.info({ share: run.index, phase: run.phase, token: 'token' in run ? run.token : undefined }, 'share ended'),
        },
        plan,
      );
    } catch (error) {
      const problems = problemsOf(error);
      if (problems !== undefined) return stop(early(invocation, ExitCode.USAGE, { plan, problems }), messageOf(error));
      const interruptedBy = interruption.by();
      const code = interruptedBy === 'SIGTERM' ? ExitCode.SIGTERM : interruptedBy === 'SIGINT' ? ExitCode.SIGINT : ExitCode.API_ERROR;
      return stop(early(invocation, code, { plan, error: errorData(error) }), redact(messageOf(error)));
    }
    if (result.stats.stretch.factor > 1.1) logger.info({ stretch: result.stats.stretch }, 'the call budget (--max-calls-per-second) stretched the schedule');
    const outcomes = applyOutcomes(result.shares, interruption.by());
    const exitCode = worstExitCode(outcomes.map((o) => o.exitCode));
    const report = applyJsonReport(invocation.file, plan, outcomes, exitCode, notMadePlan(result.shares) ?? null);
    io.stdout.write(json ? formatJson(report) : formatApplyText(plan, outcomes, exitCode, io.stdout.isTTY === true && !noColor, options.quiet));
    if (env.GITHUB_ACTIONS === 'true') {
      (json ? io.stderr : io.stdout).write(annotations(outcomes));
      await writeGithubFiles(io, logger, [
        [env.GITHUB_OUTPUT, outputs(report, outcomes)],
        [env.GITHUB_STEP_SUMMARY, applyStepSummary(outcomes, exitCode)],
      ]);
    }
    return exitCode;
  } finally {
    setup.close();
    interruption.stop();
  }
}
