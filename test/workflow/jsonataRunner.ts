// A minimal runner of JSONata-mode states, written for these tests: no published local interpreter runs
// JSONata (aws-local-stepfunctions 3 has none). It follows the Step Functions rules the generated
// machines rely on — Arguments/Output/Assign/Condition evaluated with jsonata 2.0.6, Assign evaluated
// against the variables before the state, Catch with $states.errorOutput, Retry by ErrorEquals — and
// runs on a virtual clock: a Wait (or a retry interval) moves the clock, `$millis()` reads it.
import jsonata from 'jsonata';
import type { Catcher, JsonObject, JsonValue, Retrier, State, StateMachineDefinition } from '../../src/workflow/asl.js';

export type TaskHandler = (resource: string, args: JsonValue) => Promise<JsonValue>;
export type JsonataOutcome = { ok: true; output: JsonValue } | { ok: false; error: string; cause: string };

export interface RunnerClock {
  now(): number;
  advance(ms: number): void;
}

export async function runJsonata(definition: StateMachineDefinition, input: JsonValue, task: TaskHandler, clock: RunnerClock, maxStates = 100_000): Promise<{ outcome: JsonataOutcome; waits: number[]; entered: number }> {
  const waits: number[] = [];
  let entered = 0;
  const context = { Execution: { StartTime: new Date(clock.now()).toISOString() } };

  const evaluate = async (value: JsonValue | undefined, states: Record<string, JsonValue>, variables: Record<string, JsonValue>): Promise<JsonValue> => {
    if (typeof value === 'string') {
      const match = /^\{%(.*)%\}$/s.exec(value);
      if (match?.[1] === undefined) return value;
      const result = (await jsonata(match[1]).evaluate({}, { ...variables, states: { ...states, context }, millis: () => clock.now() })) as JsonValue | undefined;
      return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as JsonValue);
    }
    if (Array.isArray(value)) return Promise.all(value.map((v) => evaluate(v, states, variables)));
    if (value !== null && typeof value === 'object') {
      const out: JsonObject = {};
      for (const [k, v] of Object.entries(value)) out[k] = await evaluate(v, states, variables);
      return out;
    }
    return value ?? null;
  };
  const assign = async (fields: JsonObject | undefined, states: Record<string, JsonValue>, variables: Record<string, JsonValue>): Promise<Record<string, JsonValue>> =>
    fields === undefined ? variables : { ...variables, ...((await evaluate(fields, states, variables)) as JsonObject) };
  const matches = (names: string[], error: string): boolean => names.includes(error) || names.includes('States.ALL');

  async function runStates(startAt: string, states: Record<string, State>, stateInput: JsonValue, outer: Record<string, JsonValue>): Promise<JsonataOutcome> {
    let name = startAt;
    let current = stateInput;
    let variables = { ...outer };
    for (;;) {
      entered += 1;
      if (entered > maxStates) throw new Error('too many states');
      const state = states[name];
      if (state === undefined) throw new Error(`no state ${name}`);
      const io = { input: current };
      switch (state.Type) {
        case 'Pass':
        case 'Wait': {
          if (state.Type === 'Wait') {
            const seconds = await evaluate(state.Seconds as JsonValue, io, variables);
            if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) throw new Error(`Wait ${name}: Seconds ${JSON.stringify(seconds)} is not an integer`);
            waits.push(seconds);
            clock.advance(seconds * 1000);
          }
          const output = 'Output' in state && state.Output !== undefined ? await evaluate(state.Output, io, variables) : current;
          variables = await assign(state.Assign, io, variables);
          current = output;
          break;
        }
        case 'Choice': {
          let next = state.Default;
          for (const choice of state.Choices) {
            if ((await evaluate(choice.Condition, io, variables)) === true) {
              next = choice.Next;
              break;
            }
          }
          if (next === undefined) return { ok: false, error: 'States.NoChoiceMatched', cause: name };
          name = next;
          continue;
        }
        case 'Fail':
          return { ok: false, error: String(await evaluate(state.Error, io, variables)), cause: String(await evaluate(state.Cause, io, variables)) };
        case 'Succeed':
          return { ok: true, output: current };
        case 'Task': {
          const args = await evaluate(state.Arguments as JsonValue, io, variables);
          let result: JsonValue | undefined;
          let caught: { catcher: Catcher; error: JsonObject } | undefined;
          const tries = new Map<Retrier, number>();
          for (;;) {
            try {
              result = await task(state.Resource, args);
              break;
            } catch (thrown) {
              const error = thrown instanceof Error ? thrown.name : 'Error';
              const retrier = state.Retry?.find((r) => matches(r.ErrorEquals, error));
              const made = retrier === undefined ? 0 : (tries.get(retrier) ?? 0);
              if (retrier !== undefined && made < (retrier.MaxAttempts ?? 3)) {
                tries.set(retrier, made + 1);
                const interval = Math.min((retrier.IntervalSeconds ?? 1) * (retrier.BackoffRate ?? 2) ** made, retrier.MaxDelaySeconds ?? Infinity);
                clock.advance(interval * 1000);
                continue;
              }
              const catcher = state.Catch?.find((c) => matches(c.ErrorEquals, error));
              if (catcher === undefined) return { ok: false, error, cause: thrown instanceof Error ? thrown.message : String(thrown) };
              caught = { catcher, error: { Error: error, Cause: thrown instanceof Error ? thrown.message : String(thrown) } };
              break;
            }
          }
          if (caught !== undefined) {
            variables = await assign(caught.catcher.Assign, { input: current, errorOutput: caught.error }, variables);
            current = caught.error;
            name = caught.catcher.Next;
            continue;
          }
          const states2 = { input: current, result: result ?? null };
          const output = state.Output !== undefined ? await evaluate(state.Output, states2, variables) : (result ?? null);
          variables = await assign(state.Assign, states2, variables);
          current = output;
          break;
        }
        case 'Map': {
          const items = await evaluate(state.Items as JsonValue, io, variables);
          if (!Array.isArray(items)) throw new Error(`Map ${name}: Items is not an array`);
          const results: JsonValue[] = [];
          for (const item of items) {
            const outcome = await runStates(state.ItemProcessor.StartAt, state.ItemProcessor.States, item, variables);
            if (!outcome.ok) return outcome;
            results.push(outcome.output);
          }
          const states2 = { input: current, result: results };
          const output = state.Output !== undefined ? await evaluate(state.Output, states2, variables) : results;
          variables = await assign(state.Assign, states2, variables);
          current = output;
          break;
        }
      }
      if ('End' in state && state.End === true) return { ok: true, output: current };
      if (!('Next' in state) || state.Next === undefined) throw new Error(`state ${name} has neither Next nor End`);
      name = state.Next;
    }
  }

  const outcome = await runStates(definition.StartAt, definition.States, input, {});
  return { outcome, waits, entered };
}
