// `npm start`: the waiter against the embedded simulator, no AWS account needed. It shares a portfolio
// with an OU and waits with visible progress, then shows a share that completes with errors and the
// structured error the waiter rejects with.
import {
  CreatePortfolioCommand,
  CreatePortfolioShareCommand,
  ServiceCatalogClient,
} from '@aws-sdk/client-service-catalog';
import { PortfolioShareWaiterError } from './errors.js';
import { accountsDoneOf } from './shareAccounts.js';
import { defaultScenario, startSimulator } from './simulator/index.js';
import type { Scenario } from './simulator/index.js';
import type { StatusChangeEvent } from './types.js';
import { waitUntilPortfolioShareComplete } from './waitUntilPortfolioShareComplete.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// `npm start | head` closes stdout early; that is the reader's choice, not a demo failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** The organization's top-level OUs, each with every account under it (nested OUs included). */
function topLevelUnits(scenario: Scenario): { id: string; name: string; accounts: string[] }[] {
  type Unit = Scenario['organization']['root'];
  const accountsUnder = (unit: Unit): string[] => [
    ...(unit.accounts ?? []),
    ...(unit.organizationalUnits ?? []).flatMap(accountsUnder),
  ];
  return (scenario.organization.root.organizationalUnits ?? []).map((unit) => ({
    id: unit.id,
    name: unit.name ?? unit.id,
    accounts: accountsUnder(unit),
  }));
}

/** Prints a line whenever the status or the number of accounts done changes. */
function progressPrinter(): (event: StatusChangeEvent) => void {
  let last = '';
  return (event) => {
    const done = accountsDoneOf(event.shareDetails);
    const key = `${event.status}/${done}`;
    if (key === last) return;
    last = key;
    out(`  ${event.elapsedSeconds.toFixed(1).padStart(5)} s  ${event.status.padEnd(21)} accounts done: ${done}`);
  };
}

async function main(): Promise<void> {
  const [healthy, broken] = topLevelUnits(defaultScenario).filter((unit) => unit.accounts.length > 0);
  if (!healthy || !broken) throw new Error('the default scenario needs two top-level OUs with accounts');
  const throttled = broken.accounts[0];
  if (!throttled) throw new Error('the default scenario has an empty OU');

  // One account of the second OU is throttled inside the share, as real OU shares sometimes are.
  const scenario: Scenario = {
    ...defaultScenario,
    accounts: { [throttled]: { shareError: 'ThrottlingException' } },
  };
  const simulator = await startSimulator({ scenario });
  const client = new ServiceCatalogClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  });

  try {
    out(`Service Catalog simulator listening on ${simulator.endpoint} (organization ${scenario.organization.id})`);
    out();

    const share = async (label: string, ou: string): Promise<string> => {
      const portfolio = await client.send(
        new CreatePortfolioCommand({ DisplayName: label, ProviderName: 'platform-team', IdempotencyToken: label }),
      );
      const portfolioId = portfolio.PortfolioDetail?.Id;
      if (!portfolioId) throw new Error('CreatePortfolio answered no portfolio id');
      const created = await client.send(
        new CreatePortfolioShareCommand({
          PortfolioId: portfolioId,
          OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: ou },
        }),
      );
      const token = created.PortfolioShareToken;
      if (!token) throw new Error('CreatePortfolioShare answered no token');
      out(`Shared ${portfolioId} with ${ou}; token ${token}. Waiting:`);
      return token;
    };

    out(`1. A share that completes (OU ${healthy.name}, ${healthy.accounts.length} accounts)`);
    const goodToken = await share('demo-good', healthy.id);
    const result = await waitUntilPortfolioShareComplete(
      { client, maxWaitTime: 120, onProgress: progressPrinter() },
      { PortfolioShareToken: goodToken },
    );
    out(`Resolved: ${result.status} after ${result.attempts} checks in ${result.elapsedSeconds.toFixed(1)} s`);
    out(JSON.stringify(result, null, 2));
    out();

    out(`2. A share that completes with errors (OU ${broken.name}; account ${throttled} is throttled)`);
    const badToken = await share('demo-throttled', broken.id);
    try {
      await waitUntilPortfolioShareComplete(
        { client, maxWaitTime: 120, onProgress: progressPrinter() },
        { PortfolioShareToken: badToken },
      );
      out('Unexpected: the share resolved.');
      process.exitCode = 1;
    } catch (error) {
      if (!(error instanceof PortfolioShareWaiterError)) throw error;
      out(`Rejected with ${error.name} (code ${error.code}):`);
      out(`  ${error.message}`);
      out(JSON.stringify(error.toJSON(), null, 2));
    }
    out();
    out('Next: `npx portfolio-share-waiter --help` for the CI gate, README.md for the API.');
  } finally {
    client.destroy();
    await simulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
