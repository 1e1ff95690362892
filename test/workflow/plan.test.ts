import { generateStateMachine } from '../../src/workflow/definitions.js';
import { jsonPathMapMachine } from '../../src/workflow/mapMachine.js';
import { planToExecutionInput } from '../../src/workflow/plan.js';
import { InvalidPlanError, validatePlan } from '../../src/plan/validatePlan.js';
import { reachableStates } from '../../src/workflow/reachable.js';

test('a plan becomes the Map input: actions defaulted, node types inferred, flags explicit', () => {
  expect(
    planToExecutionInput({
      shares: [
        { portfolioId: 'port-a1', node: 'o-exampleorg01' },
        { action: 'update', portfolioId: 'port-a2', node: 'ou-ab12-prod0001', shareTagOptions: true, sharePrincipals: false },
        { action: 'delete', portfolioId: 'port-a3', node: '123456789012' },
      ],
    }),
  ).toEqual({
    shares: [
      { action: 'create', PortfolioId: 'port-a1', OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' }, ShareTagOptions: false, SharePrincipals: false },
      { action: 'update', PortfolioId: 'port-a2', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' }, ShareTagOptions: true, SharePrincipals: false },
      { action: 'delete', PortfolioId: 'port-a3', OrganizationNode: { Type: 'ACCOUNT', Value: '123456789012' }, ShareTagOptions: false, SharePrincipals: false },
    ],
  });
});

// The same rules as `apply` (validatePlan), every problem with its path, as one TypeError.
test.each([
  [null, '(top): must be an object with a "shares" array, not null'],
  [{ shares: {} }, 'shares: must be a non-empty array of shares, not object'],
  [{ shares: ['x'] }, 'shares[0]: must be an object like { "portfolioId": "port-…", "node": "ou-…" }, not "x"'],
  [{ shares: [{ action: 'share', portfolioId: 'port-a', node: 'o-exampleorg01' }] }, 'shares[0].action: must be "create", "update" or "delete" (default "create"), not "share"'],
  [{ shares: [{ portfolioId: 'port a', node: 'o-exampleorg01' }] }, 'shares[0].portfolioId: must be a portfolio id (1–100 letters, digits, "_" or "-", e.g. port-abcd1234efgh5), not "port a"'],
  [{ shares: [{ portfolioId: 'port-a', node: 'r-ab12' }] }, 'shares[0].node: "r-ab12" is a root; a portfolio cannot be shared with a root: share with the organization (o-…) instead'],
  [{ shares: [{ portfolioId: 'port-a', node: 'o-exampleorg01', shareTagOptions: 'yes' }] }, 'shares[0].shareTagOptions: must be true or false, not "yes"'],
  [
    { shares: [{ portfolioId: 'port-a', node: 'o-exampleorg01' }, { portfolioId: 'port-b', node: 'o-exampleorg01', colour: 'red' }, { action: 'delete', portfolioId: 'port-a', node: 'o-exampleorg01' }] },
    'shares[1].colour: is not a plan field; use action, portfolioId, node, shareTagOptions, sharePrincipals; shares[2]: repeats portfolio port-a and node o-exampleorg01 of shares[0]; one action per share and plan',
  ],
])('a bad plan %j is refused: %s', (plan, message) => {
  let thrown: unknown;
  try {
    planToExecutionInput(plan);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TypeError);
  expect((thrown as TypeError).message).toBe(message);
  expect((thrown as TypeError).cause).toBeInstanceOf(InvalidPlanError);
});

test('the Map input and apply read one format: what validatePlan accepts, planToExecutionInput turns into items share by share', () => {
  const plan = { $schema: './plan.schema.json', description: 'x', shares: [{ portfolioId: 'port-a1', node: '123456789012', sharePrincipals: true }, { action: 'delete' as const, portfolioId: 'port-a1', node: 'o-exampleorg01' }] };
  const valid = validatePlan(plan);
  expect(planToExecutionInput(plan).shares).toEqual(
    valid.shares.map((s) => ({ action: s.action, PortfolioId: s.portfolioId, OrganizationNode: s.node, ShareTagOptions: s.shareTagOptions === true, SharePrincipals: s.sharePrincipals === true })),
  );
});

test('generator misuse fails fast with a TypeError', () => {
  expect(() => generateStateMachine({ lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', map: true })).toThrow(TypeError);
  expect(() => generateStateMachine({ lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f', queryLanguage: 'JSONata' })).toThrow(TypeError);
  expect(() => jsonPathMapMachine({ maxConcurrency: 0 })).toThrow('maxConcurrency must be an integer of 1 or more, got 0');
});

test('unreachable states are dropped, reachable ones kept in order', () => {
  const states = reachableStates('A', {
    A: { Type: 'Choice', Choices: [{ Variable: '$.x', BooleanEquals: true, Next: 'C' }], Default: 'B' },
    Z: { Type: 'Succeed' },
    B: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'D' }], End: true },
    C: { Type: 'Pass', Next: 'B' },
    D: { Type: 'Fail' },
  });
  expect(Object.keys(states)).toEqual(['A', 'B', 'C', 'D']);
});
