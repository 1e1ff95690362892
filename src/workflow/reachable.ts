import type { State } from './asl.js';

function targets(state: State): string[] {
  const next: string[] = [];
  if ('Next' in state && state.Next !== undefined) next.push(state.Next);
  if (state.Type === 'Choice') {
    for (const choice of state.Choices) if (choice.Next !== undefined) next.push(choice.Next);
    if (state.Default !== undefined) next.push(state.Default);
  }
  if ((state.Type === 'Task' || state.Type === 'Map') && state.Catch !== undefined) next.push(...state.Catch.map((c) => c.Next));
  return next;
}

/**
 * The states reachable from `startAt`, in their original order: options can make an outcome impossible
 * (accept-partial never fails on COMPLETED_WITH_ERRORS), and Step Functions refuses unreachable states.
 */
export function reachableStates(startAt: string, states: Record<string, State>): Record<string, State> {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    const state = states[name];
    if (seen.has(name) || state === undefined) return;
    seen.add(name);
    targets(state).forEach(visit);
  };
  visit(startAt);
  return Object.fromEntries(Object.entries(states).filter(([name]) => seen.has(name)));
}
