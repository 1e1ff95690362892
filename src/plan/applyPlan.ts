import { linkAbort } from '../abortLink.js';
import { resolveClient } from '../client.js';
import { ApiError, InvalidInputError } from '../errors.js';
import { createSharePool } from '../pool/sharePool.js';
import type { PoolStats, SharePoolOptions } from '../pool/types.js';
import type { PortfolioShareAction } from '../shares/errors.js';
import { startShareAction } from '../shares/startPortfolioShareAction.js';
import type { PortfolioShareRequest } from '../shares/types.js';
import type { WaiterConfiguration } from '../types.js';
import { validateCallOptions } from '../validate.js';
import { checkPortfolios } from './checkPortfolios.js';
import type { Plan, PlanShare } from './planTypes.js';
import { runPlan, type PlanShareRun } from './runPlan.js';

/**
 * Configuration of {@link applyPlan}: a wait's options (every share's), plus the pool's budget.
 * `maxWaitTime` bounds the whole plan: no share starts after it, and waits still running then time out.
 */
export interface ApplyPlanConfiguration extends Omit<WaiterConfiguration, 'actionStartedAt' | 'onStatusChange'> {
  /** DescribePortfolioShareStatus calls per second for all the plan's waits together (the pool's budget). @default 20 */
  maxCallsPerSecond?: number;
  /** Go on with the other shares after one failed. @default false: start no new share after the first failure */
  keepGoing?: boolean;
  /** Names the plan in errors (e.g. its file name). @default 'the plan' */
  source?: string;
  /** Called as each share ends. */
  onShareEnd?: (run: PlanShareRun) => void;
}

/** What {@link applyPlan} resolves with: every share's run in file order, and the pool's figures. */
export interface ApplyPlanResult {
  shares: PlanShareRun[];
  stats: PoolStats;
}

const ACTIONS: Record<PlanShare['action'], PortfolioShareAction> = { create: 'CREATE', update: 'UPDATE', delete: 'DELETE' };

/** The API request of one plan share. */
export function requestOfPlanShare(share: PlanShare): PortfolioShareRequest {
  return {
    PortfolioId: share.portfolioId,
    OrganizationNode: share.node,
    ...(share.action !== 'delete' && share.shareTagOptions !== undefined ? { ShareTagOptions: share.shareTagOptions } : {}),
    ...(share.action !== 'delete' && share.sharePrincipals !== undefined ? { SharePrincipals: share.sharePrincipals } : {}),
  };
}

/**
 * Apply a validated plan (see validatePlan / parsePlan): check that every portfolio exists
 * (DescribePortfolio; InvalidPlanError or ApiError before any share call), then make each share
 * action and wait for it — one at a time per portfolio, in file order; portfolios at once; every
 * status check through one pool under `maxCallsPerSecond`. A share that fails stops new ones from
 * starting unless `keepGoing`. Resolves with every share's run (it never rejects for a share's outcome).
 */
export async function applyPlan(config: ApplyPlanConfiguration, plan: Plan): Promise<ApplyPlanResult> {
  const settings = validateCallOptions(config);
  const { maxWaitTime } = config;
  if (typeof maxWaitTime !== 'number' || !Number.isFinite(maxWaitTime) || maxWaitTime <= 0) {
    throw new InvalidInputError(`maxWaitTime must be a finite number of seconds greater than 0, but received ${String(maxWaitTime)}; pass how long the whole plan may take, e.g. 1800.`, { option: 'maxWaitTime', received: maxWaitTime });
  }
  const { timers, logger, retry } = settings;
  const source = config.source ?? 'the plan';
  const start = timers.now();
  const deadline = start + maxWaitTime * 1000;
  const remaining = (): number => Math.max(0.001, (deadline - timers.now()) / 1000);
  const { client, release } = resolveClient(config);
  const link = linkAbort(settings.abortSignal);
  const { keepGoing, onShareEnd, maxCallsPerSecond, source: _source, abortSignal: _signal, timers: _timers, retry: _retry, client: _client, clientConfig, ...waitOptions } = config;
  let pool: ReturnType<typeof createSharePool> | undefined;
  try {
    // The pool checks the wait options and the budget (InvalidInputError) before any call.
    const poolOptions: SharePoolOptions = { ...waitOptions, logger, maxCallsPerSecond, ...(config.client === undefined ? { clientConfig } : { client }) };
    pool = createSharePool(poolOptions);
    const waits = pool;
    await checkPortfolios(plan, { client, retry, timers, logger, signal: link.signal, source });
    const shares = await runPlan(
      plan,
      {
        async start(share) {
          const call = await startShareAction(ACTIONS[share.action], { client, maxWaitTime: remaining(), abortSignal: link.signal, logger, retry, timers }, requestOfPlanShare(share));
          if (call.token === undefined) {
            throw new ApiError(`The share call for portfolio ${share.portfolioId} answered no PortfolioShareToken for an organization node; check the endpoint: it did not answer like Service Catalog.`, {
              serviceErrorName: 'UnexpectedResponseError',
              serviceMessage: 'no PortfolioShareToken in the answer',
            });
          }
          return { ...call, token: call.token };
        },
        wait: (token) => waits.wait(token, { maxWaitTime: remaining(), abortSignal: link.signal }),
      },
      { keepGoing, signal: link.signal, deadline, now: () => timers.now(), onShareEnd },
    );
    return { shares, stats: pool.stats() };
  } finally {
    pool?.close();
    link.dispose();
    release();
  }
}
