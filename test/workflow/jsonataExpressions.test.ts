// Every JSONata expression of every JSONata machine compiles with jsonata 2.0.6 (asl-validator does not
// parse them), and the share action states assign what the outcomes read.
import jsonata from 'jsonata';
import type { JsonValue, TaskState } from '../../src/workflow/asl.js';
import { generateStateMachine } from '../../src/workflow/definitions.js';
import { ACTION_STATE } from '../../src/workflow/jsonPathShareAction.js';
import { SHARE_ACTIONS } from '../../src/workflow/options.js';

function expressions(value: JsonValue | undefined, found: string[] = []): string[] {
  if (typeof value === 'string') {
    const match = /^\{%(.*)%\}$/s.exec(value);
    if (match?.[1] !== undefined) found.push(match[1]);
  } else if (Array.isArray(value)) value.forEach((v) => expressions(v, found));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((v) => expressions(v, found));
  return found;
}

const machines = [
  generateStateMachine({ queryLanguage: 'JSONata' }),
  ...SHARE_ACTIONS.map((action) => generateStateMachine({ queryLanguage: 'JSONata', action })),
  generateStateMachine({ queryLanguage: 'JSONata', map: true }),
];

test.each(machines.map((m, i) => [i, m] as const))('machine %i: every expression compiles', (_i, machine) => {
  const found = expressions(machine as unknown as JsonValue);
  expect(found.length).toBeGreaterThan(10);
  for (const text of found) expect(() => jsonata(text)).not.toThrow();
});

test.each(SHARE_ACTIONS)('the %s state assigns the share, its token, and the arguments the API takes', async (action) => {
  const machine = generateStateMachine({ queryLanguage: 'JSONata', action });
  const state = machine.States[ACTION_STATE[action]] as TaskState;
  const input = { PortfolioId: 'port-a1', OrganizationNode: { Type: 'ACCOUNT', Value: '123456789012' }, ShareTagOptions: true };
  const bindings = { states: { input, result: { PortfolioShareToken: 'share-new' } } };
  const evaluate = async (field: JsonValue | undefined) => jsonata(expressions(field)[0] ?? '').evaluate({}, bindings);
  expect(await evaluate(state.Assign?.share)).toEqual({ PortfolioId: 'port-a1', OrganizationNode: input.OrganizationNode, action });
  expect(await evaluate(state.Assign?.token)).toBe('share-new');
  const args = state.Arguments as Record<string, JsonValue>;
  const evaluated = Object.fromEntries(await Promise.all(Object.entries(args).map(async ([k, v]) => [k, await evaluate(v)] as const)));
  expect(evaluated).toEqual(action === 'delete' ? { PortfolioId: 'port-a1', OrganizationNode: input.OrganizationNode } : { PortfolioId: 'port-a1', OrganizationNode: input.OrganizationNode, ShareTagOptions: true, SharePrincipals: false });
});
