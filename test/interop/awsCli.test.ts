import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createManualClock, startSimulator } from '../../src/simulator/index.js';
import type { ManualClock, RunningSimulator } from '../../src/simulator/index.js';
import { awsCli } from './tools.js';

const run = promisify(execFile);
// AWS CLI v2: $PORTFOLIO_SHARE_AWS_CLI, Debian's /usr/bin/aws or PATH (throws, never skips, when absent).
const AWS = awsCli();

describe('the real AWS CLI against the simulator', () => {
  let sim: RunningSimulator;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = createManualClock();
    sim = await startSimulator({ clock });
  });
  afterAll(async () => sim.close());

  // The simulator runs in this process, so the CLI must run asynchronously (a sync spawn would block the server).
  async function aws(...args: string[]): Promise<Record<string, unknown>> {
    const { stdout } = await run(AWS, ['--endpoint-url', sim.endpoint, '--output', 'json', 'servicecatalog', ...args], {
      env: {
        ...process.env,
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        AWS_CONFIG_FILE: '/dev/null',
        AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      },
    });
    return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
  }

  it('creates a portfolio, shares it with an OU and sees the share go IN_PROGRESS → COMPLETED', async () => {
    const created = await aws('create-portfolio', '--display-name', 'CLI portfolio', '--provider-name', 'Platform', '--idempotency-token', 'cli-1');
    const portfolioId = (created.PortfolioDetail as { Id: string }).Id;
    expect(portfolioId).toMatch(/^port-[a-z0-9]{13}$/);

    const shared = await aws('create-portfolio-share', '--portfolio-id', portfolioId, '--organization-node', 'Type=ORGANIZATIONAL_UNIT,Value=ou-ab12-prod0001');
    const token = shared.PortfolioShareToken as string;
    expect(token).toMatch(/^share-[a-z0-9]{13}$/);

    clock.advance(2000);
    const during = await aws('describe-portfolio-share-status', '--portfolio-share-token', token);
    expect(during).toMatchObject({ PortfolioShareToken: token, PortfolioId: portfolioId, OrganizationNodeValue: 'ou-ab12-prod0001', Status: 'IN_PROGRESS' });

    clock.advance(2000);
    const done = await aws('describe-portfolio-share-status', '--portfolio-share-token', token);
    expect(done).toEqual({
      PortfolioShareToken: token,
      PortfolioId: portfolioId,
      OrganizationNodeValue: 'ou-ab12-prod0001',
      Status: 'COMPLETED',
      ShareDetails: { SuccessfulShares: ['222222222222', '333333333333', '444444444444'], ShareErrors: [] },
    });
    expect(sim.requests().map((r) => r.operation)).toEqual(['CreatePortfolio', 'CreatePortfolioShare', 'DescribePortfolioShareStatus', 'DescribePortfolioShareStatus']);
  });

  it('shows the service error text for a bad token', async () => {
    await expect(aws('describe-portfolio-share-status', '--portfolio-share-token', 'no such token')).rejects.toMatchObject({
      code: 254,
      stderr: expect.stringContaining(
        "An error occurred (ValidationException) when calling the DescribePortfolioShareStatus operation: 1 validation error detected: Value 'no such token' at 'portfolioShareToken' failed to satisfy constraint",
      ),
    });
  });
});
