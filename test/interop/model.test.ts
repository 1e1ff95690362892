import { defaultScenario, OPERATION_NAMES } from '../../src/simulator/index.js';
import { inputShapes } from '../../src/simulator/shapes.js';
import type { Member, Shape } from '../../src/simulator/shapes.js';
import { rawCall, startHarness } from '../simulator/helpers.js';
import type { Harness } from '../simulator/helpers.js';
import { botocoreModelText } from './tools.js';

// The service model as botocore ships it (Debian package "awscli", which .ci/run installs, or
// $PORTFOLIO_SHARE_BOTOCORE_MODEL).

interface ModelShape {
  type: string;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
}
interface Model {
  operations: Record<string, { input: { shape: string } }>;
  shapes: Record<string, ModelShape>;
}

function loadModel(): Model {
  return JSON.parse(botocoreModelText()) as Model;
}

/** A model shape in the simulator's Shape form (constraints only, as the protocol layer checks them). */
function toShape(model: Model, name: string): Shape {
  const s = model.shapes[name];
  if (!s) throw new Error(`no shape ${name} in the model`);
  const pick = <K extends 'min' | 'max' | 'pattern' | 'enum'>(keys: K[]): Partial<Pick<ModelShape, K>> =>
    Object.fromEntries(keys.filter((k) => s[k] !== undefined).map((k) => [k, s[k]])) as Partial<Pick<ModelShape, K>>;
  switch (s.type) {
    case 'string':
      return { type: 'string', ...pick(['min', 'max', 'pattern', 'enum']) };
    case 'integer':
      return { type: 'integer', ...pick(['min', 'max']) };
    case 'boolean':
      return { type: 'boolean' };
    case 'list':
      return { type: 'list', member: toShape(model, s.member?.shape ?? ''), ...pick(['max']) };
    case 'structure':
      return { type: 'structure', members: toMembers(model, name) };
    default:
      throw new Error(`shape ${name} has type ${s.type}, which the simulator does not model`);
  }
}

function toMembers(model: Model, name: string): Record<string, Member> {
  const s = model.shapes[name];
  const required = s?.required ?? [];
  return Object.fromEntries(
    Object.entries(s?.members ?? {}).map(([member, ref]) => [member, { shape: toShape(model, ref.shape), ...(required.includes(member) ? { required: true } : {}) }]),
  );
}

describe('input constraints follow the service model', () => {
  const model = loadModel();

  it.each(OPERATION_NAMES.map((name) => [name]))('%s: members, required, lengths, patterns (as the service prints them), enums, ranges', (operation) => {
    const input = model.operations[operation]?.input.shape ?? '';
    // JSON round trip: drop undefined keys and the readonly-ness of the simulator's tables.
    expect(JSON.parse(JSON.stringify(inputShapes[operation]))).toEqual(toMembers(model, input));
  });
});

/** Problems of a JSON output against a model shape: unknown members and wrong JSON types (timestamps are epoch seconds). */
function outputProblems(model: Model, name: string, value: unknown, path: string): string[] {
  const s = model.shapes[name];
  if (!s) return [`${path}: no shape ${name}`];
  const wrong = (expected: string): string[] => [`${path}: expected ${expected} (${name}), got ${JSON.stringify(value)}`];
  switch (s.type) {
    case 'string':
      if (typeof value !== 'string') return wrong('a string');
      if (s.enum && !s.enum.includes(value)) return wrong(`one of ${s.enum.join(', ')}`);
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong('a boolean');
    case 'integer':
      return Number.isInteger(value) ? [] : wrong('an integer');
    case 'timestamp':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong('epoch seconds (a number)');
    case 'list':
      if (!Array.isArray(value)) return wrong('a list');
      return value.flatMap((item, i) => outputProblems(model, s.member?.shape ?? '', item, `${path}[${i}]`));
    case 'structure': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) return wrong('an object');
      return Object.entries(value).flatMap(([key, member]) => {
        const ref = s.members?.[key];
        return ref ? outputProblems(model, ref.shape, member, `${path}.${key}`) : [`${path}.${key}: not a member of ${name}`];
      });
    }
    default:
      return wrong(s.type);
  }
}

describe('outputs follow the service model', () => {
  const model = loadModel() as Model & { operations: Record<string, { output?: { shape: string } }> };
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ scenario: { ...defaultScenario, accounts: { '333333333333': { shareError: 'ThrottlingException' } } } });
  });
  afterAll(async () => h.close());

  it('every member of every answer is in the model, with its JSON type', async () => {
    const call = async (operation: string, input: Record<string, unknown>): Promise<Record<string, unknown>> => {
      const response = await rawCall(h.sim.endpoint, { target: `AWS242ServiceCatalogService.${operation}`, body: JSON.stringify(input) });
      expect([operation, response.status]).toEqual([operation, 200]);
      expect(outputProblems(model, model.operations[operation]?.output?.shape ?? '', response.json, operation)).toEqual([]);
      return response.json as Record<string, unknown>;
    };
    const status = (token: unknown) => call('DescribePortfolioShareStatus', { PortfolioShareToken: token });
    const PortfolioId = 'port-examplepf0001';
    const ou = { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' };
    await call('CreatePortfolio', { DisplayName: 'd', ProviderName: 'p', Description: 'x', IdempotencyToken: 'i', Tags: [{ Key: 'k', Value: 'v' }] });
    await call('DescribePortfolio', { Id: PortfolioId });
    await call('ListPortfolios', { PageSize: 1 });
    const created = await call('CreatePortfolioShare', { PortfolioId, OrganizationNode: ou });
    expect((await status(created.PortfolioShareToken)).Status).toBe('NOT_STARTED');
    h.clock.advance(3500);
    const during = await status(created.PortfolioShareToken);
    expect(during).toMatchObject({ Status: 'IN_PROGRESS', ShareDetails: { ShareErrors: [{ Error: 'ThrottlingException' }] } });
    h.clock.advance(60_000);
    expect((await status(created.PortfolioShareToken)).Status).toBe('COMPLETED_WITH_ERRORS');
    await call('CreatePortfolioShare', { PortfolioId, AccountId: '999999999999' });
    await call('DescribePortfolioShares', { PortfolioId, Type: 'ACCOUNT' });
    await call('DescribePortfolioShares', { PortfolioId, Type: 'ORGANIZATIONAL_UNIT', PageSize: 1 });
    await call('AcceptPortfolioShare', { PortfolioId });
    const updated = await call('UpdatePortfolioShare', { PortfolioId, AccountId: '999999999999', SharePrincipals: true });
    expect(updated).toMatchObject({ PortfolioShareToken: expect.any(String), Status: 'NOT_STARTED' });
    h.clock.advance(60_000);
    await status(updated.PortfolioShareToken);
    const deleted = await call('DeletePortfolioShare', { PortfolioId, OrganizationNode: ou });
    h.clock.advance(60_000);
    await status(deleted.PortfolioShareToken);
    await call('DeletePortfolioShare', { PortfolioId, AccountId: '999999999999' });
    await call('DeletePortfolio', { Id: PortfolioId });
  });

  it('the checker itself notices a member the model does not have and a timestamp sent as a string', () => {
    expect(outputProblems(model, 'DescribePortfolioOutput', { PortfolioDetail: { Id: 'p', CreatedTime: '2026-01-01' }, Extra: 1 }, 'x')).toEqual([
      'x.PortfolioDetail.CreatedTime: expected epoch seconds (a number) (CreationTime), got "2026-01-01"',
      'x.Extra: not a member of DescribePortfolioOutput',
    ]);
  });
});
