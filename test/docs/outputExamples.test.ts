// docs/cli.md shows the text and the JSON report of one run each of the same two shares (the built-in
// partial-failure scenario, seed 1). Run them again: only elapsed times and numbers of checks may differ.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { startSimulator } from '../../src/simulator/index.js';
import { codeBlocks, normalizeRun, readDoc, REPO } from './codeBlocks.js';

const cli = readDoc('docs/cli.md');
/** The first block of that info string after a heading of docs/cli.md. */
function blockAfter(heading: string, info: string): string {
  const block = codeBlocks(cli.slice(cli.indexOf(`\n${heading}\n`)), 'docs/cli.md').find((b) => b.info === info);
  if (block === undefined) throw new Error(`no ${info} block after ${heading}`);
  return block.code;
}

/** A fresh simulator, the docs' two shares, then `wait` on both with these options; stdout. */
async function runExample(options: string[]): Promise<{ tokens: string[]; stdout: string }> {
  const sim = await startSimulator({ scenario: join(REPO, 'examples', 'scenarios', 'partial-failure.json'), seed: 1 });
  const client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    const second = await client.send(new CreatePortfolioCommand({ DisplayName: 'Second portfolio', ProviderName: 'Platform team', IdempotencyToken: 'docs' }));
    const sandbox = await client.send(new CreatePortfolioShareCommand({ PortfolioId: second.PortfolioDetail?.Id, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-sandbox1' } }));
    const production = await client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }));
    const tokens = [sandbox.PortfolioShareToken ?? '', production.PortfolioShareToken ?? ''];
    const env = { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', CI: 'true' };
    const argv = [join(REPO, 'dist', 'cli', 'bin.js'), '--endpoint-url', sim.endpoint, 'wait', ...tokens, ...options];
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, argv, { env }, (error, out) => (error !== null && error.code !== 1 ? reject(error) : resolve(out)));
    });
    return { tokens, stdout };
  } finally {
    client.destroy();
    await sim.close();
  }
}

test('the text example is what the command prints for those shares', async () => {
  const [command = '', ...shown] = blockAfter('## Text output', 'text').split('\n');
  const { tokens, stdout } = await runExample([]);
  expect(command).toBe(`$ npx portfolio-share-waiter wait ${tokens.join(' ')}`);
  expect(normalizeRun(stdout)).toBe(normalizeRun(shown.join('\n')));
}, 60_000);

test('the JSON example is what --output json prints for the same shares', async () => {
  const { stdout } = await runExample(['--output', 'json']);
  expect(normalizeRun(stdout)).toBe(normalizeRun(blockAfter('## JSON output', 'json')));
}, 60_000);
