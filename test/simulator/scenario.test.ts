import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreatePortfolioShareCommand, DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import { builtInScenarioNames, defaultScenario, loadScenario, ScenarioError, startSimulator, validateScenario } from '../../src/simulator/index.js';
import { startHarness } from './helpers.js';

const base = (): Record<string, unknown> => structuredClone(defaultScenario) as unknown as Record<string, unknown>;
const org = (changes: Record<string, unknown>) => ({ ...base(), organization: { ...defaultScenario.organization, ...changes } });

/** A root whose first OU has OUs nested `levels` deep under the root (built without recursion). */
const nested = (levels: number): Record<string, unknown> => {
  let unit: Record<string, unknown> = { id: `ou-ab12-${String(levels).padStart(8, '0')}`, accounts: ['222222222222'] };
  for (let level = levels - 1; level >= 1; level -= 1) unit = { id: `ou-ab12-${String(level).padStart(8, '0')}`, organizationalUnits: [unit] };
  return org({ root: { id: 'r-ab12', organizationalUnits: [unit] } });
};
const sixthLevel = `organization.root${'.organizationalUnits[0]'.repeat(5)}.organizationalUnits`;

const cases: Array<[string, unknown, string, RegExp]> = [
  ['OUs nested six levels below the root (AWS Organizations allows five)', nested(6), sixthLevel, /expected no OUs here: AWS Organizations nests OUs at most 5 levels below the root, got an array$/],
  ['a document that is not an object', [1], '', /scenario: expected an object, got an array/],
  ['a misspelt top-level field', { ...base(), orgnization: {} }, 'orgnization', /orgnization: expected no such field \(allowed here: description, organization/],
  ['no organization', { portfolios: [] }, 'organization', /organization: expected an object with id, managementAccountId and root/],
  ['a bad organization id', org({ id: 'org-1' }), 'organization.id', /organization\.id: expected "o-" followed by 10 to 32 lowercase letters or digits, got "org-1"/],
  ['a short management account', org({ managementAccountId: '123' }), 'organization.managementAccountId', /expected a 12-digit account id, got "123"/],
  ['no root', org({ root: undefined }), 'organization.root', /expected the root unit/],
  ['a root with an OU id', org({ root: { id: 'ou-ab12-abcdefgh' } }), 'organization.root.id', /expected "r-" followed by/],
  [
    'a nested OU with a bad id',
    org({ root: { id: 'r-ab12', organizationalUnits: [{ id: 'ou-ab12-aaaaaaaa', organizationalUnits: [{ id: 'ou-bad' }] }] } }),
    'organization.root.organizationalUnits[0].organizationalUnits[0].id',
    /expected an OU id like "ou-ab12-cd34ef56", got "ou-bad"/,
  ],
  [
    'an account listed twice',
    org({ root: { id: 'r-ab12', accounts: ['222222222222'], organizationalUnits: [{ id: 'ou-ab12-aaaaaaaa', accounts: ['222222222222'] }] } }),
    'organization.root.organizationalUnits[0].accounts[0]',
    /expected an account listed only once/,
  ],
  ['accounts that is not an array', org({ root: { id: 'r-ab12', accounts: '222222222222' } }), 'organization.root.accounts', /expected an array/],
  ['a portfolio without displayName', { ...base(), portfolios: [{ id: 'port-a' }] }, 'portfolios[0].displayName', /expected a string of 1 to 100 characters/],
  ['two portfolios with one id', { ...base(), portfolios: [{ id: 'port-a', displayName: 'a' }, { id: 'port-a', displayName: 'b' }] }, 'portfolios[1].id', /used only once/],
  ['a negative duration', { ...base(), shares: { defaultDurationSeconds: -1 } }, 'shares.defaultDurationSeconds', /expected a number ≥ 0, got -1/],
  ['a fractional notFoundDescribes', { ...base(), shares: { notFoundDescribes: 1.5 } }, 'shares.notFoundDescribes', /expected an integer ≥ 0, got 1.5/],
  ['a duration for a node not in the organization', { ...base(), shares: { durationsByNode: { 'ou-zz99-zzzzzzzz': 3 } } }, 'shares.durationsByNode.ou-zz99-zzzzzzzz', /the organization id, an OU id or an account id/],
  ['a duration for the root (no share can name it)', { ...base(), shares: { durationsByNode: { 'r-ab12': 3 } } }, 'shares.durationsByNode.r-ab12', /that a share can reach \(not the root, not the management account\)$/],
  ['a duration for the management account (it never receives a share)', { ...base(), shares: { durationsByNode: { '111111111111': 3 } } }, 'shares.durationsByNode.111111111111', /not the management account/],
  ['a string accountAcceptDelaySeconds', { ...base(), shares: { accountAcceptDelaySeconds: '5' } }, 'shares.accountAcceptDelaySeconds', /expected a number ≥ 0, got "5"/],
  ['an outcome for an account outside the organization', { ...base(), accounts: { '999999999999': { shareError: 'ThrottlingException' } } }, 'accounts.999999999999', /member account of the organization/],
  ['an outcome for the management account', { ...base(), accounts: { '111111111111': { shareError: 'ThrottlingException' } } }, 'accounts.111111111111', /not the management account/],
  ['an outcome without shareError', { ...base(), accounts: { '222222222222': { message: 'x' } } }, 'accounts.222222222222.shareError', /expected an error type such as "ThrottlingException"/],
  ['an outcome with an unknown action', { ...base(), accounts: { '222222222222': { shareError: 'X', actions: ['CREAT'] } } }, 'accounts.222222222222.actions[0]', /expected one of CREATE, UPDATE, DELETE, got "CREAT"/],
  ['an unknown fault kind', { ...base(), faults: [{ operation: '*', kind: 'explode', count: 1 }] }, 'faults[0].kind', /expected one of throttle, http500, http503, reset, latency, malformed, accessDenied, invalidState, signatureMismatch, unknownStatus, missingStatus, missingShareDetails, got "explode"/],
  ['a fault with both count and rate', { ...base(), faults: [{ operation: '*', kind: 'throttle', count: 1, rate: 0.5 }] }, 'faults[0].count', /exactly one of "count"/],
  ['a latency fault without latencyMs', { ...base(), faults: [{ operation: '*', kind: 'latency', rate: 1 }] }, 'faults[0].latencyMs', /expected a number between 0 and 600000/],
  [
    'a fault for a misspelt operation (it could never fire)',
    { ...base(), faults: [{ operation: 'DescribePortfolioShareStatuss', kind: 'throttle', count: 1 }] },
    'faults[0].operation',
    /faults\[0\]\.operation: expected "\*" or an operation the simulator implements \(CreatePortfolio, .*AcceptPortfolioShare\), got "DescribePortfolioShareStatuss"$/,
  ],
  ['a fault for an operation the simulator does not implement', { ...base(), faults: [{ operation: 'SearchProducts', kind: 'http500', rate: 1 }] }, 'faults[0].operation', /got "SearchProducts"$/],
  ['a fault with a lower-case operation', { ...base(), faults: [{ operation: 'describe', kind: 'throttle', count: 1 }] }, 'faults[0].operation', /expected an operation name/],
];

describe('scenario validation', () => {
  it.each(cases)('refuses %s, naming %j', (_what, scenario, field, message) => {
    let error: unknown;
    try {
      validateScenario(scenario);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error).toMatchObject({ name: 'ScenarioError', code: 'INVALID_SCENARIO', field });
    expect((error as Error).message).toMatch(message);
  });

  it('refuses OUs nested 20,000 levels deep with a ScenarioError, not a stack overflow', () => {
    expect(() => validateScenario(nested(20_000))).toThrow(ScenarioError);
    expect(() => validateScenario(nested(20_000))).toThrow(expect.objectContaining({ field: sixthLevel }));
  });

  it('accepts OUs nested five levels below the root, and a share to the top one reaches the deepest account', async () => {
    const h = await startHarness({ scenario: validateScenario(nested(5)) });
    try {
      const { PortfolioShareToken } = await h.client.send(
        new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-00000001' } }),
      );
      h.clock.advance(60_000);
      const status = await h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken }));
      expect(status).toMatchObject({ Status: 'COMPLETED', ShareDetails: { SuccessfulShares: ['222222222222'], ShareErrors: [] } });
    } finally {
      await h.close();
    }
  });

  it('startSimulator rejects a bad scenario object with the same error', async () => {
    await expect(startSimulator({ scenario: org({ id: 'x' }) as never })).rejects.toMatchObject({ field: 'organization.id' });
  });

  it('loadScenario names the file, and reports unreadable files and bad JSON', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scenario-'));
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(org({ id: 'nope' })));
    await expect(loadScenario(bad)).rejects.toThrow(`${bad}: invalid scenario: organization.id: expected "o-" followed by 10 to 32 lowercase letters or digits, got "nope"`);
    const notJson = join(dir, 'not.json');
    await writeFile(notJson, '{ "organization": ');
    await expect(loadScenario(notJson)).rejects.toMatchObject({ field: '', message: expect.stringMatching(/not\.json: invalid scenario: scenario: expected a JSON document/) });
    await expect(loadScenario(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'INVALID_SCENARIO', message: expect.stringMatching(/expected a readable scenario file \(ENOENT/) });
  });

  it('every shipped example scenario is valid, and default.json is the built-in default', async () => {
    const dir = new URL('../../examples/scenarios/', import.meta.url);
    const files = (await readdir(dir)).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining(['default.json', 'partial-failure.json']));
    for (const file of files) await expect(loadScenario(new URL(file, dir).pathname)).resolves.toBeDefined();
    expect(JSON.parse(await readFile(new URL('default.json', dir), 'utf8'))).toEqual(defaultScenario);
  });

  it('a built-in scenario by name is its shipped file; a path and an existing bare file name still work', async () => {
    const dir = new URL('../../examples/scenarios/', import.meta.url);
    expect(builtInScenarioNames()).toEqual((await readdir(dir)).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort());
    for (const name of builtInScenarioNames()) {
      expect(await loadScenario(name)).toEqual(JSON.parse(await readFile(new URL(`${name}.json`, dir), 'utf8')));
    }
    await expect(loadScenario('examples/scenarios/partial-failure.json')).resolves.toEqual(await loadScenario('partial-failure'));
    const cwd = process.cwd();
    const work = await mkdtemp(join(tmpdir(), 'scenario-name-'));
    await writeFile(join(work, 'mine'), JSON.stringify(org({ id: 'o-minescenario1' })));
    try {
      process.chdir(work);
      expect((await loadScenario('mine')).organization.id).toBe('o-minescenario1');
    } finally {
      process.chdir(cwd);
    }
  });

  it('an unknown name lists the built-in scenarios, from loadScenario and from startSimulator', async () => {
    const message = 'invalid scenario: scenario: expected a built-in scenario name (default, flaky-service, partial-failure) or the path of a scenario JSON file, got "partial-failures"';
    await expect(loadScenario('partial-failures')).rejects.toBeInstanceOf(ScenarioError);
    await expect(loadScenario('partial-failures')).rejects.toMatchObject({ name: 'ScenarioError', code: 'INVALID_SCENARIO', message });
    await expect(startSimulator({ scenario: 'partial-failures' })).rejects.toMatchObject({ name: 'ScenarioError', message });
  });

  it('startSimulator({ scenario: "partial-failure" }) runs the built-in scenario', async () => {
    const h = await startHarness({ scenario: 'partial-failure' });
    try {
      const { PortfolioShareToken } = await h.client.send(
        new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
      );
      // partial-failure: the first describes of a new token do not find it (the default scenario finds it at once).
      await expect(h.client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      await h.close();
    }
  });

  it('validateScenario returns a copy the caller cannot change behind its back', () => {
    const input = base();
    const copy = validateScenario(input);
    (input.organization as { id: string }).id = 'o-changedafter1';
    expect(copy.organization.id).toBe('o-exampleorg01');
  });
});
