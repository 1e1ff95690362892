// The Action's entry (dist/action/main.js, `npm test` builds first) run as GitHub runs it: a child
// process with INPUT_* variables (upper-cased names, dashes kept) and the $GITHUB_OUTPUT and
// $GITHUB_STEP_SUMMARY files, against the simulator; the files are read back as the runner reads them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import type { JsonReport } from '../../src/cli/formatJson.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../src/simulator/types.js';
import { parseGithubOutput } from '../support/githubOutput.js';

const ENTRY = fileURLToPath(new URL('../../dist/action/main.js', import.meta.url));

const scenario: Scenario = {
  organization: {
    id: 'o-actiontest01',
    managementAccountId: '111111111111',
    root: {
      id: 'r-ab12',
      accounts: ['111111111111'],
      organizationalUnits: [
        { id: 'ou-ab12-good0001', accounts: ['222222222222', '333333333333'] },
        { id: 'ou-ab12-part0001', accounts: ['444444444444', '555555555555'] },
        { id: 'ou-ab12-dupe0001', accounts: ['666666666666', '777777777777'] },
      ],
    },
  },
  portfolios: Array.from({ length: 10 }, (_, i) => ({ id: `port-actiontest${String(i).padStart(3, '0')}`, displayName: `Action test ${i}` })),
  shares: { defaultDurationSeconds: 1, notStartedSeconds: 0.2 },
  accounts: {
    '555555555555': { shareError: 'ThrottlingException', message: 'Rate exceeded' },
    '666666666666': { shareError: 'DuplicateResourceException' },
  },
};

let sim: RunningSimulator;
let client: ServiceCatalogClient;
let home: string;
let nextPortfolio = 0;
let runs = 0;

beforeAll(async () => {
  sim = await startSimulator({ scenario });
  client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-action-'));
});

afterAll(async () => {
  client.destroy();
  await sim.close();
  rmSync(home, { recursive: true, force: true });
});

async function share(ou: string): Promise<string> {
  const PortfolioId = `port-actiontest${String(nextPortfolio++).padStart(3, '0')}`;
  const out = await client.send(new CreatePortfolioShareCommand({ PortfolioId, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: ou } }));
  if (out.PortfolioShareToken === undefined) throw new Error('no token');
  return out.PortfolioShareToken;
}

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the entry with these inputs (names as action.yml declares them) in a runner-like environment. */
async function runAction(inputs: Record<string, string>): Promise<ActionRun> {
  runs += 1;
  const output = join(home, `output-${runs}`);
  const summary = join(home, `summary-${runs}`);
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
  };
  // @actions/core's getInput rule: INPUT_ + the name with spaces as '_', upper-cased; dashes stay.
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [ENTRY], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { code, stdout, stderr, outputs: parseGithubOutput(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

const FAST = { 'min-delay': '0.1', 'max-delay': '0.3', region: 'us-east-1' };

test('a COMPLETED share: exit 0, outputs status/outcome/exit-code/result, a summary row, no annotation', async () => {
  const token = await share('ou-ab12-good0001');
  const run = await runAction({ tokens: token, 'endpoint-url': sim.endpoint, ...FAST });
  expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  expect(run.stdout).toContain(`${token}: COMPLETED after`);
  expect(run.stdout).not.toContain('::');
  expect(Object.keys(run.outputs)).toEqual(['status', 'outcome', 'exit-code', 'result']);
  expect(run.outputs).toMatchObject({ status: 'COMPLETED', outcome: 'completed', 'exit-code': '0' });
  const result = JSON.parse(run.outputs.result ?? '') as JsonReport;
  expect(result).toMatchObject({ command: 'wait', exitCode: 0 });
  expect(result.results[0]?.result?.shareDetails.SuccessfulShares).toEqual(['222222222222', '333333333333']);
  expect(run.summary.split('\n')[0]).toBe('### portfolio-share wait: exit code 0');
  expect(run.summary).toMatch(new RegExp(`\\| \`${token}\` \\| ✅ completed \\| COMPLETED \\| port-actiontest\\d+ \\| ou-ab12-good0001 \\| 2 \\| 0 \\| \\d+s \\|`));
});

test('a COMPLETED_WITH_ERRORS share fails the step with exit 1, error annotations and the accounts under .error.shareDetails', async () => {
  const token = await share('ou-ab12-part0001');
  const run = await runAction({ tokens: token, 'endpoint-url': sim.endpoint, ...FAST });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain(`::error title=Portfolio share ${token}::COMPLETED_WITH_ERRORS: ThrottlingException on 1 account (555555555555): Rate exceeded\n`);
  expect(run.outputs).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', outcome: 'failed', 'exit-code': '1' });
  const report = JSON.parse(run.outputs.result ?? '') as JsonReport;
  const only = report.results[0];
  expect(only?.result).toBeNull();
  expect(only?.error).toMatchObject({
    code: 'SHARE_COMPLETED_WITH_ERRORS',
    shareDetails: { SuccessfulShares: ['444444444444'], ShareErrors: [{ Accounts: ['555555555555'], Error: 'ThrottlingException', Message: 'Rate exceeded' }] },
    throttledAccounts: ['555555555555'],
  });
  expect(run.summary).toContain(`- \`${token}\`: **ThrottlingException** on 1 account (555555555555) — Rate exceeded`);
});

test('several tokens one a line, accept-partial and json output: exit 0 with a warning annotation on stderr', async () => {
  const [good, partial] = await Promise.all([share('ou-ab12-good0001'), share('ou-ab12-part0001')]);
  const run = await runAction({ tokens: `${good}\n${partial}\n`, 'accept-partial': 'true', output: 'json', 'endpoint-url': sim.endpoint, ...FAST });
  expect(run.code).toBe(0);
  const stdout = JSON.parse(run.stdout) as JsonReport;
  expect(stdout.results.map((r) => [r.token, r.outcome, r.status])).toEqual([
    [good, 'completed', 'COMPLETED'],
    [partial, 'completed', 'COMPLETED_WITH_ERRORS'],
  ]);
  expect(run.stderr).toContain(`::warning title=Portfolio share ${partial}::`);
  expect(run.outputs['exit-code']).toBe('0');
  expect(JSON.parse(run.outputs.result ?? '')).toEqual(stdout);
});

test('an input the CLI refuses fails the step with exit 2 and still sets exit-code', async () => {
  const run = await runAction({ tokens: 'share-abcdefghijk12', timeout: 'soon', 'endpoint-url': sim.endpoint, region: 'us-east-1' });
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--timeout');
  expect(run.stdout).toContain('::error::portfolio-share wait refused the inputs (exit code 2)');
  expect(run.outputs).toEqual({ status: 'UNKNOWN', outcome: 'invalid-input', 'exit-code': '2', result: '' });
});

test('a boolean input that is not a YAML boolean is refused before any call', async () => {
  const before = sim.requests().length;
  const run = await runAction({ tokens: 'share-abcdefghijk12', 'accept-partial': 'yes', 'endpoint-url': sim.endpoint });
  expect(run.code).toBe(2);
  expect(run.stdout).toContain("::error::input accept-partial: expected true or false, got 'yes'");
  expect(run.outputs['exit-code']).toBe('2');
  expect(sim.requests().length).toBe(before);
});

test('duplicates only: a warning by default, a failed step with tolerate-duplicates false', async () => {
  const [tolerated, refused] = await Promise.all([share('ou-ab12-dupe0001'), share('ou-ab12-dupe0001')]);
  const passed = await runAction({ tokens: tolerated, 'endpoint-url': sim.endpoint, ...FAST });
  expect(passed.code).toBe(0);
  expect(passed.stdout).toContain(`::warning title=Portfolio share ${tolerated}::`);
  expect(passed.outputs).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', outcome: 'completed', 'exit-code': '0' });
  const failed = await runAction({ tokens: refused, 'tolerate-duplicates': 'false', 'endpoint-url': sim.endpoint, ...FAST });
  expect(failed.code).toBe(1);
  expect(failed.stdout).toContain(`::error title=Portfolio share ${refused}::COMPLETED_WITH_ERRORS: DuplicateResourceException on 1 account (666666666666)`);
  expect(failed.outputs).toMatchObject({ status: 'COMPLETED_WITH_ERRORS', outcome: 'failed', 'exit-code': '1' });
});
