import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { defaultScenario, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { SECRET_ACCESS_KEY, SESSION_TOKEN, TEMP_ACCESS_KEY_ID, secretsIn } from '../support/secrets.js';

// Issue 9's reproductions that name the CLI, run as a user would: the built bin, a real process.
const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));
let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: { ...defaultScenario, shares: { defaultDurationSeconds: 0.3, notStartedSeconds: 0.05 } } });
  dir = mkdtempSync(join(tmpdir(), 'bin-repro-'));
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function bin(args: string[], extraEnv: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const env = {
    PATH: process.env.PATH ?? '',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: TEMP_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
    AWS_SESSION_TOKEN: SESSION_TOKEN,
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
    ...extraEnv,
  };
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

let portfolios = 0;
async function share(): Promise<string> {
  const client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
  try {
    portfolios += 1;
    const portfolio = await client.send(new CreatePortfolioCommand({ DisplayName: `p${portfolios}`, ProviderName: 'tests', IdempotencyToken: `bin-${portfolios}` }));
    const created = await client.send(new CreatePortfolioShareCommand({ PortfolioId: portfolio.PortfolioDetail?.Id ?? '', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }));
    return created.PortfolioShareToken ?? '';
  } finally {
    client.destroy();
  }
}

describe('issue 9 reproductions through the built bin', () => {
  it('defect 1: `wait "$T" --timeout 2200000` waits for the share and exits 0 (it exited 3 in 0.5 s)', async () => {
    const token = await share();
    const run = await bin(['wait', token, '--timeout', '2200000', '--min-delay', '0.05', '--max-delay', '0.1', '--endpoint-url', sim.endpoint]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
  }, 30_000);

  it('defect 3: a service that echoes the session token: no secret on stdout (text, JSON), stderr, annotations, $GITHUB_OUTPUT or the step summary', async () => {
    const token = await share();
    sim.injectFault({ operation: 'DescribePortfolioShareStatus', kind: 'signatureMismatch', count: 2 });
    for (const output of ['text', 'json']) {
      const files = { GITHUB_OUTPUT: join(dir, `out-${output}`), GITHUB_STEP_SUMMARY: join(dir, `summary-${output}`) };
      const run = await bin(['wait', token, '--endpoint-url', sim.endpoint, '--output', output, '--log-level', 'debug'], { GITHUB_ACTIONS: 'true', ...files });
      expect(run.code).toBe(4);
      const everything = [run.stdout, run.stderr, readFileSync(files.GITHUB_OUTPUT, 'utf8'), readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8')].join('\n');
      expect(everything).toContain('InvalidSignatureException');
      expect(secretsIn(everything)).toEqual([]);
    }
  }, 30_000);

  it('defect 5: `wait` with 12 tokens and --quiet writes nothing to stderr (no MaxListenersExceededWarning)', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 12; i += 1) tokens.push(await share());
    const run = await bin(['wait', ...tokens, '--quiet', '--min-delay', '0.05', '--max-delay', '0.1', '--endpoint-url', sim.endpoint, '--output', 'json']);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    expect((JSON.parse(run.stdout) as { results: unknown[] }).results).toHaveLength(12);
  }, 30_000);

  it('defect 7: a token containing a newline gives a usage error of two lines (the error and the hint)', async () => {
    const run = await bin(['wait', 'share-a\nb']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toEqual([String.raw`error: invalid share token 'share-a\nb': expected 1-100 letters, digits, '_' or '-' (like share-6v24abcdefghi)`, "Run 'portfolio-share wait --help' for usage.", '']);
  }, 30_000);
});
