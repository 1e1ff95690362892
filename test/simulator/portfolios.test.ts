import {
  CreatePortfolioCommand,
  CreatePortfolioShareCommand,
  DeletePortfolioCommand,
  DescribePortfolioCommand,
  ListPortfoliosCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { newClient, sdkError, startHarness } from './helpers.js';
import type { Harness } from './helpers.js';

describe('portfolio operations', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => h.close());

  it('CreatePortfolio answers PortfolioDetail and Tags; the ARN carries the signing region', async () => {
    const client = new ServiceCatalogClient({ endpoint: h.sim.endpoint, region: 'eu-west-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });
    const out = await client.send(
      new CreatePortfolioCommand({ DisplayName: 'Shared', ProviderName: 'Platform', Description: 'd', IdempotencyToken: 'abc', Tags: [{ Key: 'team', Value: 'x' }] }),
    );
    client.destroy();
    const id = out.PortfolioDetail?.Id ?? '';
    expect(id).toMatch(/^port-[a-z0-9]{13}$/);
    expect(out.PortfolioDetail).toEqual({
      Id: id,
      ARN: `arn:aws:catalog:eu-west-1:111111111111:portfolio/${id}`,
      DisplayName: 'Shared',
      Description: 'd',
      ProviderName: 'Platform',
      CreatedTime: new Date(h.clock.now()),
    });
    expect(out.Tags).toEqual([{ Key: 'team', Value: 'x' }]);
  });

  it('CreatePortfolio with the same IdempotencyToken answers the same portfolio', async () => {
    const create = () => h.client.send(new CreatePortfolioCommand({ DisplayName: 'A', ProviderName: 'P', IdempotencyToken: 'same' }));
    const a = await create();
    const b = await create();
    expect(b.PortfolioDetail?.Id).toBe(a.PortfolioDetail?.Id);
    expect((await h.client.send(new ListPortfoliosCommand({}))).PortfolioDetails).toHaveLength(2);
  });

  it('DescribePortfolio answers the detail, or ResourceNotFoundException', async () => {
    const out = await h.client.send(new DescribePortfolioCommand({ Id: 'port-examplepf0001' }));
    expect(out).toMatchObject({ PortfolioDetail: { Id: 'port-examplepf0001', DisplayName: 'Example portfolio' }, Tags: [], TagOptions: [], Budgets: [] });
    expect(await sdkError(h.client.send(new DescribePortfolioCommand({ Id: 'port-nothere' })))).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Portfolio port-nothere not found.',
      status: 400,
    });
  });

  it('ListPortfolios pages with PageSize and NextPageToken', async () => {
    for (let i = 0; i < 4; i += 1) await h.client.send(new CreatePortfolioCommand({ DisplayName: `p${i}`, ProviderName: 'P', IdempotencyToken: `t${i}` }));
    const first = await h.client.send(new ListPortfoliosCommand({ PageSize: 2 }));
    expect(first.PortfolioDetails?.map((p) => p.DisplayName)).toEqual(['Example portfolio', 'p0']);
    expect(first.NextPageToken).toEqual(expect.any(String));
    const second = await h.client.send(new ListPortfoliosCommand({ PageSize: 2, PageToken: first.NextPageToken }));
    expect(second.PortfolioDetails?.map((p) => p.DisplayName)).toEqual(['p1', 'p2']);
    const third = await h.client.send(new ListPortfoliosCommand({ PageSize: 2, PageToken: second.NextPageToken }));
    expect(third.PortfolioDetails?.map((p) => p.DisplayName)).toEqual(['p3']);
    expect(third.NextPageToken).toBeUndefined();
    expect(await sdkError(h.client.send(new ListPortfoliosCommand({ PageToken: 'garbage' })))).toMatchObject({ name: 'InvalidParametersException' });
    expect(await sdkError(h.client.send(new ListPortfoliosCommand({ PageSize: 101 })))).toMatchObject({
      name: 'ValidationException',
      message: "1 validation error detected: Value '101' at 'pageSize' failed to satisfy constraint: Member must have value less than or equal to 100",
    });
  });

  it('DeletePortfolio deletes, refuses a shared portfolio (ResourceInUseException) and an unknown one', async () => {
    const { PortfolioDetail } = await h.client.send(new CreatePortfolioCommand({ DisplayName: 'gone', ProviderName: 'P', IdempotencyToken: 'g' }));
    const id = PortfolioDetail?.Id ?? '';
    await expect(h.client.send(new DeletePortfolioCommand({ Id: id }))).resolves.toBeDefined();
    expect((await sdkError(h.client.send(new DescribePortfolioCommand({ Id: id })))).name).toBe('ResourceNotFoundException');
    expect((await sdkError(h.client.send(new DeletePortfolioCommand({ Id: id })))).name).toBe('ResourceNotFoundException');

    await h.client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', AccountId: '999999999999' }));
    expect(await sdkError(h.client.send(new DeletePortfolioCommand({ Id: 'port-examplepf0001' })))).toMatchObject({ name: 'ResourceInUseException' });
  });

  it('ids, tokens and request ids repeat for the same seed and differ for another', async () => {
    const run = async (seed: number) => {
      const other = await startHarness({ seed });
      const client = newClient(other.sim.endpoint);
      const created = await client.send(new CreatePortfolioCommand({ DisplayName: 'x', ProviderName: 'P', IdempotencyToken: 'x' }));
      const share = await client.send(
        new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATION', Value: 'o-exampleorg01' } }),
      );
      client.destroy();
      await other.close();
      return [created.PortfolioDetail?.Id, share.PortfolioShareToken, created.$metadata.requestId];
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(await run(43)).not.toEqual(a);
  });
});
