// Creates the bench's shares in a process of its own, so the waiting process's memory figures are
// its own: prints one JSON line {tokens, terminalAtEpochMs}.
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { benchAccount, benchPortfolio } from '../lib/benchScenario.js';

const [endpoint = '', accountsJson = '[]', durationsJson = '[]'] = process.argv.slice(2);
const accounts = JSON.parse(accountsJson) as number[];
const durations = JSON.parse(durationsJson) as number[];
const client = new ServiceCatalogClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' }, maxAttempts: 3 });
const tokens: string[] = new Array<string>(accounts.length);
const terminalAtEpochMs: number[] = new Array<number>(accounts.length);
let next = 0;
await Promise.all(
  Array.from({ length: 32 }, async () => {
    while (next < accounts.length) {
      const i = next;
      next += 1;
      const account = accounts[i] ?? 0;
      const created = await client.send(new CreatePortfolioShareCommand({ PortfolioId: benchPortfolio(i), OrganizationNode: { Type: 'ACCOUNT', Value: benchAccount(account) } }));
      tokens[i] = created.PortfolioShareToken ?? '';
      terminalAtEpochMs[i] = Date.now() + (durations[account] ?? 0) * 1000;
    }
  }),
);
client.destroy();
process.stdout.write(`${JSON.stringify({ tokens, terminalAtEpochMs })}\n`);
