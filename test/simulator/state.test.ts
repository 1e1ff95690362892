import { createManualClock } from '../../src/simulator/clock.js';
import { createRandomStreams } from '../../src/simulator/random.js';
import { createState } from '../../src/simulator/state.js';
import type { Scenario } from '../../src/simulator/types.js';

test('a scenario with only an organization: no shares behaviour, account outcomes or portfolios; a portfolio without an id gets one', () => {
  const organization: Scenario['organization'] = { id: 'o-statetest01', managementAccountId: '111111111111', root: { id: 'r-ab12', accounts: ['111111111111'] } };
  const bare = createState({ organization } as Scenario, createManualClock(), createRandomStreams(1).ids);
  expect(bare.portfolios.list()).toEqual([]);
  const named = createState({ organization, portfolios: [{ displayName: 'no id' }] } as Scenario, createManualClock(), createRandomStreams(1).ids);
  expect(named.portfolios.list().map((p) => p.id)).toEqual([expect.stringMatching(/^port-[a-z0-9]{13}$/)]);
});
