// Runs generated machines in aws-local-stepfunctions (a real ASL interpreter). Each aws-sdk:servicecatalog
// Task is bound to a local handler that sends the real SDK command to the simulator over HTTP and names
// its errors as Step Functions does; Wait states are shortened through the interpreter's overrides only.
import './promiseWithResolvers.js';
import {
  CreatePortfolioShareCommand,
  DeletePortfolioShareCommand,
  DescribePortfolioShareStatusCommand,
  UpdatePortfolioShareCommand,
  type ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { StateMachine, type RunOptions, type StateMachineDefinition as LocalDefinition } from 'aws-local-stepfunctions';
import type { JsonValue, StateMachineDefinition } from '../../src/workflow/asl.js';
import { allStates } from '../../src/workflow/states.js';
import { CLIENT_FAILURE_ERROR, serviceCatalogErrorName } from '../../src/workflow/taskErrors.js';

type Handler = (input: JsonValue) => Promise<JsonValue>;
type Send = (client: ServiceCatalogClient, input: never) => Promise<object>;

const COMMANDS: Record<string, Send> = {
  describePortfolioShareStatus: (client, input) => client.send(new DescribePortfolioShareStatusCommand(input)),
  createPortfolioShare: (client, input) => client.send(new CreatePortfolioShareCommand(input)),
  updatePortfolioShare: (client, input) => client.send(new UpdatePortfolioShareCommand(input)),
  deletePortfolioShare: (client, input) => client.send(new DeletePortfolioShareCommand(input)),
};

/**
 * Step Functions' name for an SDK integration error: Service.Name, with the Exception suffix, for an
 * answer of the service (the SDK marks it with `$fault`); `ServiceCatalog.SdkClientException` for a
 * call that got no answer it could read (a reset or timed-out connection, a body that is not JSON).
 */
function stepFunctionsName(error: unknown): string {
  if (typeof error !== 'object' || error === null || !('$fault' in error)) return CLIENT_FAILURE_ERROR;
  return serviceCatalogErrorName(error instanceof Error ? error.name : 'Error');
}

/**
 * What an `arn:aws:states:::aws-sdk:servicecatalog:<action>` Task does: the real SDK command sent to the
 * simulator over HTTP, its output without `$metadata`, its errors named `ServiceCatalog.<Name>Exception`.
 */
export async function callServiceCatalog(client: ServiceCatalogClient, resource: string, input: JsonValue): Promise<JsonValue> {
  const match = /^arn:aws:states:::aws-sdk:servicecatalog:(\w+)$/.exec(resource);
  const send = match?.[1] !== undefined ? COMMANDS[match[1]] : undefined;
  if (send === undefined) throw new Error(`no local handler for ${resource}`);
  try {
    const output = (await send(client, input as never)) as Record<string, unknown>;
    const { $metadata: _metadata, ...rest } = output;
    return JSON.parse(JSON.stringify(rest)) as JsonValue;
  } catch (error) {
    const named = new Error(error instanceof Error ? error.message : String(error));
    named.name = stepFunctionsName(error);
    throw named;
  }
}

/** Local handlers for every aws-sdk:servicecatalog Task, calling the real SDK client. */
export function serviceCatalogHandlers(definition: StateMachineDefinition, client: ServiceCatalogClient, calls?: string[]): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const [name, state] of allStates(definition.States)) {
    if (state.Type !== 'Task' || !state.Resource.startsWith('arn:aws:states:::aws-sdk:servicecatalog:')) continue;
    const resource = state.Resource;
    handlers[name] = async (input) => {
      calls?.push(name);
      return callServiceCatalog(client, resource, input);
    };
  }
  return handlers;
}

/** Every Wait state waits `ms` milliseconds instead of its seconds. */
export function shortWaits(definition: StateMachineDefinition, ms: number): Record<string, number> {
  return Object.fromEntries(allStates(definition.States).filter(([, s]) => s.Type === 'Wait').map(([name]) => [name, ms]));
}

export type RunOutcome = { ok: true; output: JsonValue } | { ok: false; error: string; cause: string };

/** Run a definition to its end: its output, or the Fail state's Error and Cause. */
export async function runLocally(
  definition: StateMachineDefinition,
  input: JsonValue,
  overrides: RunOptions['overrides'],
  built?: StateMachine,
): Promise<RunOutcome> {
  const machine = built ?? new StateMachine(definition as unknown as LocalDefinition, { validationOptions: { checkArn: false } });
  const execution = machine.run(input as never, { overrides });
  try {
    return { ok: true, output: (await execution.result) as JsonValue };
  } catch (error) {
    const cause = error instanceof Error ? error.cause : undefined;
    if (cause instanceof Error) return { ok: false, error: cause.name, cause: cause.message };
    throw error;
  }
}
