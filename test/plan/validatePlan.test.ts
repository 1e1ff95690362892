import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../../src/errors.js';
import { parsePlan } from '../../src/plan/parsePlan.js';
import { PLAN_JSON_SCHEMA } from '../../src/plan/planSchema.js';
import { InvalidPlanError, sharesByPortfolio, validatePlan } from '../../src/plan/validatePlan.js';

function problemsOf(document: unknown): Array<{ path: string; message: string }> {
  try {
    validatePlan(document);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPlanError);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', option: 'plan' });
    return (error as InvalidPlanError).problems;
  }
  throw new Error('the plan was accepted');
}

describe('validatePlan', () => {
  it('fills in the default action and infers each node type', () => {
    const plan = validatePlan({
      $schema: './plan.schema.json',
      description: 'prod rollout',
      shares: [
        { portfolioId: 'port-abcd1234efgh5', node: 'o-exampleorg01' },
        { action: 'update', portfolioId: 'port-abcd1234efgh5', node: 'ou-ab12-prod0001', shareTagOptions: true },
        { action: 'delete', portfolioId: 'port-other0000001', node: '222222222222' },
        { portfolioId: 'port-other0000001', node: '333333333333', sharePrincipals: false, shareTagOptions: true },
      ],
    });
    expect(plan.shares).toEqual([
      { action: 'create', portfolioId: 'port-abcd1234efgh5', node: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } },
      { action: 'update', portfolioId: 'port-abcd1234efgh5', node: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' }, shareTagOptions: true },
      { action: 'delete', portfolioId: 'port-other0000001', node: { Type: 'ACCOUNT', Value: '222222222222' } },
      { action: 'create', portfolioId: 'port-other0000001', node: { Type: 'ACCOUNT', Value: '333333333333' }, sharePrincipals: false, shareTagOptions: true },
    ]);
    expect([...sharesByPortfolio(plan).entries()].map(([id, shares]) => [id, shares.length])).toEqual([
      ['port-abcd1234efgh5', 2],
      ['port-other0000001', 2],
    ]);
  });

  it('lists every problem with its path before anything is done', () => {
    const problems = problemsOf({
      extra: 1,
      shares: [
        { portfolioId: 'port-a', node: 'r-ab12' },
        { portfolioId: 'port a', node: 'ou-bad' },
        { action: 'share', portfolioId: 'port-a', node: '12345' },
        { portfolioId: 'port-b', node: 'o-exampleorg01', shareTagOptions: 'yes', colour: 'red' },
        { action: 'delete', portfolioId: 'port-b', node: '222222222222', sharePrincipals: true },
        { action: 'update', portfolioId: 'port-b', node: '333333333333' },
        { portfolioId: 'port-c', node: 'o-exampleorg01' },
        { action: 'delete', portfolioId: 'port-c', node: 'o-exampleorg01' },
        'port-d',
        { portfolioId: 'port-e' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'extra',
      'shares[0].node',
      'shares[1].portfolioId',
      'shares[1].node',
      'shares[2].action',
      'shares[2].node',
      'shares[3].colour',
      'shares[3].shareTagOptions',
      'shares[4].sharePrincipals',
      'shares[5]',
      'shares[7]',
      'shares[8]',
      'shares[9].node',
    ]);
    expect(problems[1]?.message).toContain('is a root');
    expect(problems[10]?.message).toBe('repeats portfolio port-c and node o-exampleorg01 of shares[6]; one action per share and plan');
    expect(problems[12]?.message).toContain('is required');
  });

  it.each([
    [null, '(top)'],
    [[], '(top)'],
    [{}, 'shares'],
    [{ shares: [] }, 'shares'],
    [{ shares: 'port-a' }, 'shares'],
  ])('refuses a document that is not a plan: %j', (document, path) => {
    expect(problemsOf(document)[0]?.path).toBe(path);
  });

  it('says how many problems and where in its message', () => {
    expect(() => validatePlan({ shares: [{ portfolioId: 'port-a', node: 'x' }] }, 'plan.json')).toThrow(
      /^plan\.json is not a valid plan \(1 problem\); nothing was done:\n {2}shares\[0\]\.node: "x" is not an organization/,
    );
  });
});

describe('parsePlan', () => {
  it('reads JSON and YAML by the file name', async () => {
    const json = await parsePlan('{"shares":[{"portfolioId":"port-a","node":"o-exampleorg01"}]}', 'plan.json');
    const yaml = await parsePlan('shares:\n  - portfolioId: port-a\n    node: o-exampleorg01\n', 'plan.yaml');
    expect(yaml).toEqual(json);
    await expect(parsePlan('shares:\n  - portfolioId: port-a\n    node: "123456789012"\n', 'PLAN.YML')).resolves.toMatchObject({ shares: [{ node: { Type: 'ACCOUNT' } }] });
  });

  it('turns syntax errors and duplicate keys into InvalidPlanError', async () => {
    await expect(parsePlan('{"shares": [', 'plan.json')).rejects.toThrow(/plan\.json is not a valid plan \(1 problem\)[^]*is not valid JSON/);
    await expect(parsePlan('shares:\n  - portfolioId: a\n    portfolioId: b\n', 'plan.yaml')).rejects.toThrow(/is not valid YAML/);
  });
});

describe('PLAN_JSON_SCHEMA', () => {
  it('is the schema shipped in docs/plan.schema.json', () => {
    const shipped = JSON.parse(readFileSync(new URL('../../docs/plan.schema.json', import.meta.url), 'utf8')) as unknown;
    expect(shipped).toEqual(JSON.parse(JSON.stringify(PLAN_JSON_SCHEMA)));
  });

  it('allows exactly the fields validatePlan reads', () => {
    expect(Object.keys(PLAN_JSON_SCHEMA.properties)).toEqual(['$schema', 'description', 'shares']);
    expect(Object.keys(PLAN_JSON_SCHEMA.properties.shares.items.properties)).toEqual(['action', 'portfolioId', 'node', 'shareTagOptions', 'sharePrincipals']);
    const node = new RegExp(PLAN_JSON_SCHEMA.properties.shares.items.properties.node.pattern);
    expect(['o-exampleorg01', 'ou-ab12-prod0001', '123456789012'].every((v) => node.test(v))).toBe(true);
    expect(['r-ab12', '12345', 'ou-x', ''].some((v) => node.test(v))).toBe(false);
  });
});

describe('docs/apply.md', () => {
  it('shows plans that validate (JSON and YAML)', async () => {
    const page = readFileSync(new URL('../../docs/apply.md', import.meta.url), 'utf8');
    const section = page.slice(page.indexOf('## The plan file'), page.indexOf('## From code'));
    const blocks = [...section.matchAll(/```(json|yaml)\n([^]*?)```/g)];
    expect(blocks.map((b) => b[1])).toEqual(['json', 'yaml']);
    for (const [, kind, text] of blocks) {
      const plan = await parsePlan(text ?? '', `plan.${kind ?? ''}`);
      expect(plan.shares.length).toBeGreaterThan(1);
    }
  });
});
