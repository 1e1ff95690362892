import type { State } from './asl.js';

/** Every state of a definition with its name, those inside Map item processors included. */
export function allStates(states: Record<string, State>): [string, State][] {
  return Object.entries(states).flatMap(([name, state]): [string, State][] =>
    state.Type === 'Map' ? [[name, state], ...allStates(state.ItemProcessor.States)] : [[name, state]],
  );
}
