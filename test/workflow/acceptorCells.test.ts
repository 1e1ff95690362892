// One set of outcome rules: the machines' Choice states must decide every cell of the acceptor's table
// as src/acceptor.ts does. JSONPath machines run in the interpreter with the describe Task answering the
// cell once (then COMPLETED, so "poll again" shows as a second check); JSONata machines' conditions are
// evaluated with jsonata 2.0.6.
import jsonata from 'jsonata';
import { duplicateAccountsOf, failedAccountsOf, throttledAccountsOf } from '../../src/shareAccounts.js';
import type { ShareDetails } from '../../src/types.js';
import type { ChoiceState, FailState, JsonValue, PassState, State, StateMachineDefinition, TaskState } from '../../src/workflow/asl.js';
import { jsonataWaitMachine } from '../../src/workflow/jsonataMachine.js';
import { jsonPathWaitMachine } from '../../src/workflow/jsonPathMachine.js';
import { OUTCOME } from '../../src/workflow/jsonPathOutcomes.js';
import { POLL } from '../../src/workflow/jsonPathPolling.js';
import { serviceCatalogErrorName } from '../../src/workflow/taskErrors.js';
import { cells, libraryVerdict, type Cell, type Verdict } from './cells.js';
import { StateMachine, type StateMachineDefinition as LocalDefinition } from 'aws-local-stepfunctions';
import { runLocally, shortWaits } from './localRun.js';

const ALL = cells();

function options(cell: Cell) {
  return { acceptPartialSuccess: cell.acceptPartialSuccess, tolerateDuplicates: cell.tolerateDuplicates, notFoundGraceSeconds: cell.notFoundGraceSeconds };
}

// One machine per set of options (asl-validator runs when a machine is built: build each once).
const machines = new Map<string, { definition: StateMachineDefinition; machine: StateMachine }>();

function machineFor(cell: Cell): { definition: StateMachineDefinition; machine: StateMachine } {
  const key = JSON.stringify(options(cell));
  let entry = machines.get(key);
  if (entry === undefined) {
    const definition = jsonPathWaitMachine('none', options(cell));
    entry = { definition, machine: new StateMachine(definition as unknown as LocalDefinition, { validationOptions: { checkArn: false } }) };
    machines.set(key, entry);
  }
  return entry;
}

async function jsonPathVerdict(cell: Cell): Promise<Verdict> {
  const { definition, machine } = machineFor(cell);
  let describes = 0;
  const describe = async (): Promise<JsonValue> => {
    describes += 1;
    if (describes > 1) return { Status: 'COMPLETED', ShareDetails: { SuccessfulShares: ['111111111111'] } };
    if (cell.errorName !== undefined) throw Object.assign(new Error('from the service'), { name: serviceCatalogErrorName(cell.errorName) });
    return (cell.output ?? {}) as JsonValue;
  };
  const outcome = await runLocally(definition, { PortfolioShareToken: 'share-cell' }, {
    taskResourceLocalHandlers: { [POLL.describe]: describe },
    waitTimeOverrides: shortWaits(definition, 0),
    retryIntervalOverrides: { [POLL.describe]: 0 },
  }, machine);
  if (!outcome.ok) return `FAILURE:${outcome.error}`;
  return describes === 1 ? 'SUCCESS' : 'RETRY';
}

describe('JSONPath machines decide every acceptor cell as the library does', () => {
  test.each(ALL.map((cell) => [cell.name, cell] as const))('%s', async (_name, cell) => {
    expect(await jsonPathVerdict(cell)).toBe(libraryVerdict(cell));
  });
});

type Bindings = Record<string, unknown>;

async function evaluate(field: string, bindings: Bindings): Promise<unknown> {
  const match = /^\{%(.*)%\}$/s.exec(field);
  if (match?.[1] === undefined) return field;
  return jsonata(match[1]).evaluate({}, bindings);
}

async function chooseNext(state: ChoiceState, bindings: Bindings): Promise<string | undefined> {
  for (const choice of state.Choices) {
    if (choice.Condition !== undefined && (await evaluate(choice.Condition, bindings)) === true) return choice.Next;
  }
  return state.Default;
}

/** Follow a JSONata machine from RouteStatus (or a Catch) to an outcome state, at the first check. */
async function jsonataVerdict(cell: Cell): Promise<{ verdict: Verdict; end: string; bindings: Bindings; definition: StateMachineDefinition }> {
  const definition = jsonataWaitMachine('none', options(cell));
  const state = (name: string): State => {
    const found = definition.States[name];
    if (found === undefined) throw new Error(`no state ${name}`);
    return found;
  };
  const bindings: Bindings = { check: cell.output ?? null, elapsed: 0, attempt: 1, token: 'share-cell', share: { PortfolioShareToken: 'share-cell' }, error: null };
  let name: string | undefined = POLL.route;
  if (cell.errorName !== undefined) {
    const stepName = serviceCatalogErrorName(cell.errorName);
    const describe = state(POLL.describe) as TaskState;
    name = describe.Catch?.find((c) => c.ErrorEquals.includes(stepName) || c.ErrorEquals.includes('States.ALL'))?.Next;
    bindings.error = { Error: stepName, Cause: 'from the service' };
  }
  while (name !== undefined && state(name).Type === 'Choice') name = await chooseNext(state(name) as ChoiceState, bindings);
  const end = name ?? 'none';
  const ends: Record<string, Verdict> = {
    [POLL.wait]: 'RETRY',
    [OUTCOME.succeeded]: 'SUCCESS',
    [OUTCOME.shareFailed]: 'FAILURE:SHARE_FAILED',
    [OUTCOME.completedWithErrors]: 'FAILURE:SHARE_COMPLETED_WITH_ERRORS',
    [OUTCOME.apiError]: 'FAILURE:API_ERROR',
    [OUTCOME.unexpectedStatus]: 'FAILURE:API_ERROR',
  };
  return { verdict: ends[end] ?? `FAILURE:${end}`, end, bindings, definition };
}

describe('JSONata machines decide every acceptor cell as the library does, and report its accounts', () => {
  test.each(ALL.map((cell) => [cell.name, cell] as const))('%s', async (_name, cell) => {
    const { verdict, end, bindings, definition } = await jsonataVerdict(cell);
    expect(verdict).toBe(libraryVerdict(cell));
    const details = ((cell.output?.ShareDetails ?? {}) as ShareDetails);
    const endState = definition.States[end];
    if (endState?.Type === 'Fail' && (end === OUTCOME.shareFailed || end === OUTCOME.completedWithErrors)) {
      const cause = JSON.parse(String(await evaluate((endState as FailState).Cause ?? '', bindings))) as Record<string, unknown>;
      expect(cause).toMatchObject({ code: endState.Error, token: 'share-cell', failedAccounts: failedAccountsOf(details), throttledAccounts: throttledAccountsOf(details) });
    }
    if (endState?.Type === 'Pass' && end === OUTCOME.succeeded) {
      const output = (await evaluate(String((endState as PassState).Output), bindings)) as Record<string, unknown>;
      // acceptObservation's duplicateAccounts: none for COMPLETED, every duplicate's account otherwise.
      expect(output.duplicateAccounts ?? []).toEqual(cell.output?.Status === 'COMPLETED' ? [] : duplicateAccountsOf(details));
    }
  });
});
