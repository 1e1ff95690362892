// applyPlan's checks before any call and the share call's answer, with a scripted client (the whole run
// against the simulator is in test/integration/apply.test.ts).
import { InvalidInputError } from '../../src/errors.js';
import { applyPlan, requestOfPlanShare } from '../../src/plan/applyPlan.js';
import { validatePlan } from '../../src/plan/validatePlan.js';
import { createFakeClient } from '../support/fakeClient.js';

const plan = validatePlan({ shares: [{ portfolioId: 'port-a', node: 'ou-ab12-prod0001' }, { action: 'delete', portfolioId: 'port-a', node: 'o-exampleorg01' }] });

test.each([
  [{ maxWaitTime: 0 }, 'maxWaitTime'],
  [{ maxWaitTime: 60, maxCallsPerSecond: 0 }, 'maxCallsPerSecond'],
  [{ maxWaitTime: 60, minDelay: -1 }, 'minDelay'],
])('bad options %j: InvalidInputError (%s) before any call', async (options, option) => {
  const client = createFakeClient([{ output: {} }]);
  const error = await applyPlan({ client, ...options }, plan).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(InvalidInputError);
  expect(error).toMatchObject({ option });
  expect(client.calls).toEqual([]);
});

test('a share call answered without a token fails that share (the endpoint is not Service Catalog) and stops the run', async () => {
  // DescribePortfolio, then CreatePortfolioShare answering {} (no PortfolioShareToken).
  const client = createFakeClient([{ output: { PortfolioDetail: { Id: 'port-a' } } }, { output: {} }]);
  const { shares } = await applyPlan({ client, maxWaitTime: 60 }, plan);
  expect(shares.map((run) => run.phase)).toEqual(['call-failed', 'not-started']);
  expect(shares[0]).toMatchObject({ error: { name: 'ApiError', serviceErrorName: 'UnexpectedResponseError' } });
  expect(client.calls.map((call) => call.input)).toEqual([{ Id: 'port-a' }, { PortfolioId: 'port-a', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }]);
});

test('the request of a plan share: flags only for create and update', () => {
  expect(requestOfPlanShare({ action: 'update', portfolioId: 'port-a', node: { Type: 'ACCOUNT', Value: '222222222222' }, shareTagOptions: false, sharePrincipals: true })).toEqual({
    PortfolioId: 'port-a',
    OrganizationNode: { Type: 'ACCOUNT', Value: '222222222222' },
    ShareTagOptions: false,
    SharePrincipals: true,
  });
  expect(requestOfPlanShare({ action: 'delete', portfolioId: 'port-a', node: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' }, shareTagOptions: true })).toEqual({
    PortfolioId: 'port-a',
    OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' },
  });
});
