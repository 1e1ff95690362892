import '../workflow/promiseWithResolvers.js';
import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { WaiterState } from '@smithy/util-waiter';
import { StateMachine, type StateMachineDefinition as LocalDefinition } from 'aws-local-stepfunctions';
import { accept } from '../../src/acceptor.js';
import { toShareError } from '../../src/outcome.js';
import { duplicateAccountsOf, DUPLICATE_ERROR, throttledAccountsOf } from '../../src/shareAccounts.js';
import type { ShareDetails } from '../../src/types.js';
import type { JsonValue, StateMachineDefinition } from '../../src/workflow/asl.js';
import { jsonPathWaitMachine } from '../../src/workflow/jsonPathMachine.js';
import { POLL } from '../../src/workflow/jsonPathPolling.js';
import { serviceCatalogHandlers, shortWaits } from '../workflow/localRun.js';
import type { CellSetup, EntryPoint, Observed } from './entryPoints.js';
import { MAX_WAIT_SECONDS, machineOutcome, type LibraryOutcome } from './faultTable.js';

// The generated JSONPath machines as fault-matrix entry points: the real definition run in
// aws-local-stepfunctions, its aws-sdk:servicecatalog Tasks bound to the real SDK against the cell's
// simulator over HTTP (test/workflow/localRun.ts), its waits and retries cut to 0 ms through the
// interpreter's overrides. Time, for the simulator, is the machine's own: each time the machine enters
// its Describe Task, the cell's clock moves to the start plus the `wait.elapsedSeconds` the machine
// carries (event logs are delivered in microtasks, so before the Task's HTTP request reaches the
// simulator). Retry intervals take no simulated time, as the machine's deadline does not count them.

/**
 * Step Functions signs a Task's calls with the execution role, never with a caller's credentials:
 * the machine's client has role credentials of its own, no client-side request timeout (the SDK
 * integration has none to set) and one attempt per call (the Task's Retry is the machine's retry).
 */
const ROLE_CREDENTIALS = { accessKeyId: 'ASIAEXECUTIONROLE001', secretAccessKey: 'execution-role-secret', sessionToken: 'execution-role-session' };

interface Cause {
  code?: unknown;
  status?: unknown;
  describe?: { ShareDetails?: ShareDetails } | null;
  shareErrorKinds?: unknown;
  error?: { Error?: unknown } | null;
}

type ShareErrorKind = 'duplicate' | 'throttled' | 'failed';

/** The library's word on each share error of a finished share: duplicate, throttled or failed. */
function libraryKinds(details: ShareDetails | undefined): ShareErrorKind[] {
  return (details?.ShareErrors ?? []).map((entry) => {
    if (entry.Error === DUPLICATE_ERROR) return 'duplicate';
    return throttledAccountsOf({ ShareErrors: [{ ...entry, Accounts: ['000000000000'] }] }).length > 0 ? 'throttled' : 'failed';
  });
}

/**
 * A share failure's Cause must be what the library would say of the same answer: the library's
 * acceptor, given the Cause's describe, fails with the same code, and the machine classified every
 * share error (failed, throttled, duplicate) as the library does, so failed and throttled accounts are
 * in the Cause intact.
 */
function checkShareFailure(code: string, cause: Cause): void {
  const details = cause.describe?.ShareDetails;
  const verdict = accept({ output: cause.describe }, { elapsedSeconds: 0, notFoundGraceSeconds: 0, transientFailure: 'retry', acceptPartialSuccess: false, tolerateDuplicates: true });
  if (verdict.state !== WaiterState.FAILURE || verdict.reason.kind !== 'shareFailed') throw new Error(`the library would not fail on the Cause's describe: ${JSON.stringify(cause)}`);
  const libraryCode = toShareError(verdict.reason.observation, [], [], { token: 't', attempts: 1, elapsedSeconds: 0 }).code;
  if (libraryCode !== code) throw new Error(`the machine failed with ${code}, the library would with ${libraryCode}`);
  const kinds = libraryKinds(details);
  if (JSON.stringify(cause.shareErrorKinds) !== JSON.stringify(kinds)) throw new Error(`share errors classified ${JSON.stringify(cause.shareErrorKinds)}, the library says ${JSON.stringify(kinds)}`);
}

/** The machine's end in the library's terms: its Error is the code; an API error's name loses the `ServiceCatalog.` prefix. */
function fromFailure(error: string, causeText: string): Observed {
  const cause = JSON.parse(causeText) as Cause;
  if (cause.code !== error) throw new Error(`Error ${error} but the Cause's code is ${String(cause.code)}`);
  const library: LibraryOutcome = { kind: 'error', code: error };
  if (error === 'API_ERROR') {
    const name = cause.error?.Error;
    if (typeof name !== 'string') throw new Error(`API_ERROR without an error name: ${causeText}`);
    library.serviceErrorName = name.replace(/^ServiceCatalog\./, '');
  }
  if (error === 'SHARE_FAILED' || error === 'SHARE_COMPLETED_WITH_ERRORS') checkShareFailure(error, cause);
  return { library, texts: [error, causeText] };
}

function fromOutput(output: JsonValue): Observed {
  const out = output as { ok?: unknown; status?: unknown; describe?: { ShareDetails?: ShareDetails } };
  if (out.ok !== true || typeof out.status !== 'string') throw new Error(`not a success outcome: ${JSON.stringify(output)}`);
  const library: LibraryOutcome = { kind: 'result', status: out.status };
  const duplicates = duplicateAccountsOf(out.describe?.ShareDetails ?? {});
  if (duplicates.length > 0) library.duplicateAccounts = duplicates;
  return { library, texts: [JSON.stringify(output)] };
}

function machineEntry(name: string, action: 'none' | 'create'): EntryPoint {
  const definition: StateMachineDefinition = jsonPathWaitMachine(action, { maxWaitTime: MAX_WAIT_SECONDS });
  const machine = new StateMachine(definition as unknown as LocalDefinition, { validationOptions: { checkArn: false } });
  const retried = Object.fromEntries(Object.entries(definition.States).filter(([, s]) => s.Type === 'Task').map(([state]) => [state, 0]));
  return {
    name,
    kind: 'wait',
    createsShare: action === 'create',
    expect: machineOutcome,
    expectedSecrets: (fault) => fault.machine?.secretsInCause ?? [],
    run: async (setup: CellSetup): Promise<Observed> => {
      const client = new ServiceCatalogClient({ endpoint: setup.endpoint, region: 'us-east-1', credentials: ROLE_CREDENTIALS, maxAttempts: 1 });
      const start = setup.clock.now();
      const input = action === 'none' ? { PortfolioShareToken: setup.token } : { ...setup.share, ShareTagOptions: false, SharePrincipals: false };
      const execution = machine.run(input as never, {
        overrides: { taskResourceLocalHandlers: serviceCatalogHandlers(definition, client), waitTimeOverrides: shortWaits(definition, 0), retryIntervalOverrides: retried },
      });
      const followTime = (async () => {
        for await (const event of execution.eventLogs) {
          if (event.type !== 'StateEntered' || event.state.name !== POLL.describe) continue;
          const elapsed = (event.state.input as { wait?: { elapsedSeconds?: number } }).wait?.elapsedSeconds ?? 0;
          const behind = start + elapsed * 1000 - setup.clock.now();
          if (behind > 0) setup.clock.advance(behind);
        }
      })();
      try {
        return fromOutput((await execution.result) as JsonValue);
      } catch (error) {
        const cause = error instanceof Error ? error.cause : undefined;
        if (cause instanceof Error) return fromFailure(cause.name, cause.message);
        throw error;
      } finally {
        await followTime;
        client.destroy();
      }
    },
  };
}

export const MACHINE_ENTRY_POINTS: readonly EntryPoint[] = [machineEntry('state machine, wait (JSONPath)', 'none'), machineEntry('state machine, create then wait (JSONPath)', 'create')];
