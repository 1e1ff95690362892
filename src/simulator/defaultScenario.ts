import type { Scenario } from './types.js';

/**
 * The organization the simulator runs with when given no scenario; the same document ships as
 * `examples/scenarios/default.json` (a test keeps the two equal). Shares take 4 s so demos are quick.
 */
export const defaultScenario: Scenario = deepFreeze({
  description: 'Default organization: a management account, three OUs (one nested) and six member accounts. Every share succeeds in 4 seconds.',
  organization: {
    id: 'o-exampleorg01',
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      name: 'Root',
      accounts: ['111111111111'],
      organizationalUnits: [
        {
          id: 'ou-ab12-prod0001',
          name: 'Production',
          accounts: ['222222222222', '333333333333'],
          organizationalUnits: [{ id: 'ou-ab12-prodeu01', name: 'Production EU', accounts: ['444444444444'] }],
        },
        { id: 'ou-ab12-dev00001', name: 'Development', accounts: ['555555555555', '666666666666'] },
        { id: 'ou-ab12-sandbox1', name: 'Sandbox', accounts: ['777777777777'] },
      ],
    },
  },
  portfolios: [
    {
      id: 'port-examplepf0001',
      displayName: 'Example portfolio',
      providerName: 'Platform team',
      description: 'Pre-created so describe-portfolio and create-portfolio-share work right away.',
    },
  ],
  shares: {
    defaultDurationSeconds: 4,
    notStartedSeconds: 1,
    notFoundDescribes: 0,
    accountAcceptDelaySeconds: null,
  },
  accounts: {},
  faults: [],
});

/** Frozen so that no caller can change the default for every later simulator. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
