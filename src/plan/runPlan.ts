import type { PortfolioShareResult } from '../types.js';
import type { ShareCallResult } from '../shares/types.js';
import type { Plan, PlanShare } from './planTypes.js';
import { sharesByPortfolio } from './validatePlan.js';

/** How a plan's share ended up; `index` is its place in the file (`shares[index]`). */
export type PlanShareRun =
  /** The call was accepted and the share finished as accepted (COMPLETED, or partial success allowed). */
  | { index: number; share: PlanShare; phase: 'done'; token: string; call: ShareCallResult; result: PortfolioShareResult }
  /** The call was accepted (the share was made), but its wait failed: share errors, timeout, abort, API error. */
  | { index: number; share: PlanShare; phase: 'wait-failed'; token: string; call: ShareCallResult; error: unknown }
  /** The share call itself failed (API error, portfolio busy until the deadline): nothing was changed. */
  | { index: number; share: PlanShare; phase: 'call-failed'; error: unknown }
  /** Never called: the run had stopped before this share's turn. */
  | { index: number; share: PlanShare; phase: 'not-started'; reason: NotStartedReason };

/** Why a share was not started. */
export type NotStartedReason =
  /** An earlier share (`shares[failedIndex]`) failed, and the run stops at the first failure (no keepGoing). */
  | { kind: 'after-failure'; failedIndex: number }
  /** The plan's deadline had passed. */
  | { kind: 'deadline' }
  /** The run was aborted (a signal). */
  | { kind: 'aborted' };

/** The two steps of one share, injected: the real ones call Service Catalog and wait through a pool. */
export interface PlanSteps {
  /** Make the share action; resolves once the service accepted it, with its token. */
  start(share: PlanShare, index: number): Promise<ShareCallResult & { token: string }>;
  /** Wait until the share of `token` is done; resolves or rejects as the waiter does. */
  wait(token: string, share: PlanShare, index: number): Promise<PortfolioShareResult>;
}

export interface RunPlanOptions {
  /** Go on with the other shares after one failed. @default false: start no new share after the first failure */
  keepGoing?: boolean | undefined;
  /** Stops starting shares (the steps get it too, to stop what runs). */
  signal?: AbortSignal | undefined;
  /** No share is started at or after this time (on `now`'s clock). */
  deadline: number;
  now(): number;
  /** Called as each share ends, in the order they end. */
  onShareEnd?: ((run: PlanShareRun) => void) | undefined;
}

/** A share the run makes, with its place in the file. */
interface Entry {
  index: number;
  share: PlanShare;
}

/**
 * Run a validated plan: the shares of one portfolio one after the other in file order (the service
 * takes one share action per portfolio at a time), different portfolios at once. Each share is
 * started, then waited for, before the next share of its portfolio starts. After the first failure
 * no new share starts (unless `keepGoing`); shares already started are waited for to their end. No
 * share starts after the deadline or an abort. Resolves with every share's run, in file order.
 */
export async function runPlan(plan: Plan, steps: PlanSteps, options: RunPlanOptions): Promise<PlanShareRun[]> {
  const runs: Array<PlanShareRun | undefined> = plan.shares.map(() => undefined);
  let firstFailure: number | undefined;
  const finish = (run: PlanShareRun): void => {
    runs[run.index] = run;
    if (run.phase === 'call-failed' || run.phase === 'wait-failed') firstFailure ??= run.index;
    options.onShareEnd?.(run);
  };
  const stopReason = (): NotStartedReason | undefined => {
    if (options.signal?.aborted === true) return { kind: 'aborted' };
    if (options.now() >= options.deadline) return { kind: 'deadline' };
    if (firstFailure !== undefined && options.keepGoing !== true) return { kind: 'after-failure', failedIndex: firstFailure };
    return undefined;
  };
  const runOne = async ({ index, share }: Entry): Promise<void> => {
    const reason = stopReason();
    if (reason !== undefined) return finish({ index, share, phase: 'not-started', reason });
    let call: ShareCallResult & { token: string };
    try {
      call = await steps.start(share, index);
    } catch (error) {
      return finish({ index, share, phase: 'call-failed', error });
    }
    const { token } = call;
    try {
      finish({ index, share, phase: 'done', token, call, result: await steps.wait(token, share, index) });
    } catch (error) {
      finish({ index, share, phase: 'wait-failed', token, call, error });
    }
  };
  await Promise.all(
    [...sharesByPortfolio(plan).values()].map(async (line) => {
      for (const share of line) await runOne({ index: plan.shares.indexOf(share), share });
    }),
  );
  return runs.filter((run): run is PlanShareRun => run !== undefined);
}

/** Whether the service accepted the share's call: a share that was made (even if it then failed). */
export function wasMade(run: PlanShareRun): run is Extract<PlanShareRun, { token: string }> {
  return run.phase === 'done' || run.phase === 'wait-failed';
}

/**
 * The shares a re-run still has to make, as a plan file: those whose call never got through
 * (failed or not started), in file order; undefined when every share was made.
 */
export function notMadePlan(runs: readonly PlanShareRun[]): { shares: Array<Record<string, unknown>> } | undefined {
  const left = runs.filter((run) => !wasMade(run));
  if (left.length === 0) return undefined;
  return {
    shares: left.map(({ share }) => ({
      action: share.action,
      portfolioId: share.portfolioId,
      node: share.node.Value,
      ...(share.shareTagOptions === undefined ? {} : { shareTagOptions: share.shareTagOptions }),
      ...(share.sharePrincipals === undefined ? {} : { sharePrincipals: share.sharePrincipals }),
    })),
  };
}
