import { ServiceCatalogClient, type ServiceCatalogClientConfig } from '@aws-sdk/client-service-catalog';
import type { ManualClock } from '../../src/simulator/index.js';
import { defaultLibrary, type CliLibrary } from '../../src/cli/library.js';
import { main } from '../../src/cli/main.js';
import { PortfolioShareWaiterError } from '../../src/errors.js';
import { getPortfolioShareStatus } from '../../src/getPortfolioShareStatus.js';
import type { PortfolioShareResult, Timers } from '../../src/types.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { silentLogger } from '../../src/logger.js';
import { checkShare } from '../../src/workflow/checkShare.js';
import { fakeIo } from '../cli/fakes.js';
import { MAX_WAIT_SECONDS, type CliOutcome, type EntryKind, type Fault, type FinalStatus, type LibraryOutcome } from './faultTable.js';
import { MACHINE_ENTRY_POINTS } from './machineEntryPoints.js';

/** What a cell hands an entry point: a share on a running simulator, and how to reach it. */
export interface CellSetup {
  endpoint: string;
  /** The share's token; '' for an entry point that creates the share itself. */
  token: string;
  /** The portfolio and organization node the share is (or is to be) made for. */
  share: { PortfolioId: string; OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT'; Value: string } };
  /** The simulator's clock, which `timers` drives (a state machine keeps its own time and moves it). */
  clock: ManualClock;
  /** The waiter's time, driven by the simulator's manual clock: a sleep moves the clock. */
  timers: Timers;
  /** Endpoint, region, temporary credentials (a session token to echo) and request timeouts. */
  clientConfig: ServiceCatalogClientConfig;
}

/** What an entry point gave, in the library's terms (and the CLI's, for the CLI), plus everything it printed. */
export interface Observed {
  library: LibraryOutcome;
  cli?: CliOutcome | undefined;
  /** Every text the entry point printed, wrote or put in an error: none may hold a secret. */
  texts: string[];
}

/**
 * One way in. To add one (the share operations, the Lambda handler, a state machine…), append an
 * adapter here: its `kind` says whether it waits for the share to end ('wait') or checks it once after
 * it should have ('status'); `run` calls it against the cell's simulator and reports what came out.
 * Every fault × final status then runs through it.
 */
export interface EntryPoint {
  name: string;
  kind: EntryKind;
  /** It makes the share itself (a create-then-wait machine): the cell only sets the scene. */
  createsShare?: boolean;
  /** Its outcome where it is not the library's (`fault.expect(final, kind)`), e.g. a state machine's. */
  expect?(fault: Fault, final: FinalStatus): LibraryOutcome;
  /** What of secretsIn() its texts may hold for a fault (none, unless it says so). */
  expectedSecrets?(fault: Fault): string[];
  run(setup: CellSetup): Promise<Observed>;
}

function fromResult(result: PortfolioShareResult): Observed {
  const library: LibraryOutcome = { kind: 'result', status: result.status };
  if (result.duplicateAccounts.length > 0) library.duplicateAccounts = result.duplicateAccounts;
  return { library, texts: [JSON.stringify(result)] };
}

function fromError(error: unknown): Observed {
  if (!(error instanceof PortfolioShareWaiterError)) throw error;
  const serviceErrorName = (error as { serviceErrorName?: unknown }).serviceErrorName;
  const library: LibraryOutcome = { kind: 'error', code: error.code };
  if (typeof serviceErrorName === 'string') library.serviceErrorName = serviceErrorName;
  const cause = error.cause instanceof Error ? `${error.cause.message}\n${error.cause.stack ?? ''}` : '';
  return { library, texts: [error.message, JSON.stringify(error), cause] };
}

async function library(run: () => Promise<PortfolioShareResult>): Promise<Observed> {
  return run().then(fromResult, fromError);
}

/** The real library as the CLI calls it, on the cell's clock, credentials and timeouts. */
function cliLibrary(setup: CellSetup): CliLibrary {
  return {
    ...defaultLibrary,
    waitUntilPortfolioShareComplete: (config, input) =>
      defaultLibrary.waitUntilPortfolioShareComplete({ ...config, timers: setup.timers, clientConfig: { ...config.clientConfig, ...setup.clientConfig } }, input),
    getPortfolioShareStatus: (config, input) =>
      defaultLibrary.getPortfolioShareStatus({ ...config, timers: setup.timers, clientConfig: { ...config.clientConfig, ...setup.clientConfig } }, input),
    // The cell's own settings, not the machine's ~/.aws files.
    loadProfile: () => Promise.resolve({ name: 'default', found: true, region: 'us-east-1', ignoreConfiguredEndpointUrls: false }),
  };
}

interface JsonReport {
  exitCode: number;
  results: Array<{ outcome: string; status: string | null; result: PortfolioShareResult | null; error: { code?: string; serviceErrorName?: string } | null }>;
}

async function cli(setup: CellSetup, args: string[]): Promise<Observed> {
  const io = fakeIo();
  const env = { AWS_REGION: 'us-east-1', GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: '/gh/output', GITHUB_STEP_SUMMARY: '/gh/summary' };
  const exitCode = await main([...args, setup.token, '--endpoint-url', setup.endpoint, '--output', 'json'], env, io, { library: cliLibrary(setup) });
  const report = JSON.parse(io.out()) as JsonReport;
  const entry = report.results[0];
  if (report.exitCode !== exitCode || entry === undefined) throw new Error(`inconsistent report: exit ${exitCode}, ${io.out()}`);
  let outcome: LibraryOutcome;
  if (entry.error !== null) {
    outcome = { kind: 'error', code: entry.error.code ?? '?' };
    if (entry.error.serviceErrorName !== undefined) outcome.serviceErrorName = entry.error.serviceErrorName;
  } else {
    outcome = { kind: 'result', status: entry.result?.status ?? '?' };
    if (entry.result !== null && entry.result.duplicateAccounts.length > 0) outcome.duplicateAccounts = entry.result.duplicateAccounts;
  }
  const texts = [io.out(), io.err(), io.files.get('/gh/output') ?? '', io.files.get('/gh/summary') ?? ''];
  return { library: outcome, cli: { exitCode, outcome: entry.outcome }, texts };
}

/**
 * The Lambda step (portfolio-share-waiter/lambda) as its state machine drives it: one check per
 * invocation, the answer's `startedAt` and `attempt` fed back after `nextDelaySeconds`, until it is
 * done or throws a terminal failure.
 */
async function lambdaLoop(setup: CellSetup): Promise<Observed> {
  const client = new ServiceCatalogClient({ ...setup.clientConfig, maxAttempts: 1 });
  try {
    let state: { startedAt?: string; attempt?: number } = {};
    for (;;) {
      const answer = await checkShare(
        { token: setup.token, maxWaitTime: MAX_WAIT_SECONDS, ...state },
        { client, logger: silentLogger, timers: setup.timers },
      );
      if (answer.done && answer.result !== undefined) return fromResult(answer.result);
      state = { startedAt: answer.startedAt, attempt: answer.attempt };
      await setup.timers.sleep(answer.nextDelaySeconds * 1000);
    }
  } catch (error) {
    return fromError(error);
  } finally {
    client.destroy();
  }
}

export const ENTRY_POINTS: readonly EntryPoint[] = [
  {
    name: 'library, clientConfig',
    kind: 'wait',
    run: (setup) =>
      library(() => waitUntilPortfolioShareComplete({ clientConfig: setup.clientConfig, timers: setup.timers, maxWaitTime: MAX_WAIT_SECONDS }, { PortfolioShareToken: setup.token })),
  },
  {
    name: "library, caller's client",
    kind: 'wait',
    run: async (setup) => {
      // A caller's client keeps its own settings; one attempt per call, so the SDK's real-time back-off stays out.
      const client = new ServiceCatalogClient({ ...setup.clientConfig, maxAttempts: 1 });
      try {
        return await library(() => waitUntilPortfolioShareComplete({ client, timers: setup.timers, maxWaitTime: MAX_WAIT_SECONDS }, { PortfolioShareToken: setup.token }));
      } finally {
        client.destroy();
      }
    },
  },
  {
    name: 'getPortfolioShareStatus',
    kind: 'status',
    run: (setup) => library(() => getPortfolioShareStatus({ clientConfig: setup.clientConfig, timers: setup.timers }, { PortfolioShareToken: setup.token })),
  },
  { name: 'CLI wait (main)', kind: 'wait', run: (setup) => cli(setup, ['wait', '--timeout', String(MAX_WAIT_SECONDS)]) },
  { name: 'CLI status (main)', kind: 'status', run: (setup) => cli(setup, ['status']) },
  { name: 'Lambda step (checkShare loop)', kind: 'wait', run: lambdaLoop },
  ...MACHINE_ENTRY_POINTS,
];
