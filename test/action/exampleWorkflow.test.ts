// examples/github-actions.yml cannot run here; what it relies on can: the action's inputs and outputs,
// Node 24, nothing installed from outside the repository, and its report step, run on real JSON
// results of a completed, a failed and a timed-out share.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { parse } from 'yaml';
import { waitArguments } from '../../src/action/inputs.js';
import { parseCommandLine } from '../../src/cli/parse.js';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator, Scenario } from '../../src/simulator/types.js';

const BIN = fileURLToPath(new URL('../../dist/cli/bin.js', import.meta.url));

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  with?: Record<string, unknown>;
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { steps: Step[] }>;
}

const text = readFileSync(new URL('../../examples/github-actions.yml', import.meta.url), 'utf8');
const workflow = parse(text) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const action = parse(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
  outputs: Record<string, unknown>;
};
const waitStep = steps.find((s) => s.id === 'wait');
const reportStep = steps.find((s) => s.name === 'Show which accounts got the portfolio');

test('the gate is the action, given inputs it declares, with values the CLI accepts', () => {
  expect(waitStep?.uses).toMatch(/^[\w.-]+\/portfolio-share-waiter@v1$/);
  const given = Object.keys(waitStep?.with ?? {});
  for (const name of given) expect(Object.keys(action.inputs)).toContain(name);
  for (const [name, spec] of Object.entries(action.inputs)) if (spec.required === true) expect(given).toContain(name);
  const values = Object.fromEntries(Object.entries(waitStep?.with ?? {}).map(([k, v]) => [k, String(v).replace(/^\$\{\{.*\}\}$/, 'share-6v24abcdefghi')]));
  const argv = waitArguments({ getInput: (name) => values[name] ?? '', getBooleanInput: (name) => values[name] === 'true' });
  expect(parseCommandLine(argv, {}, '0.0.0')).toMatchObject({ kind: 'run', invocation: { command: 'wait', tokens: ['share-6v24abcdefghi'], timeoutSeconds: 900 } });
});

test('every step output it reads is one the action declares', () => {
  const read = [...text.matchAll(/steps\.wait\.outputs\.([\w-]+)/g)].map((m) => m[1]);
  expect(read.length).toBeGreaterThan(1);
  for (const name of read) expect(Object.keys(action.outputs)).toContain(name);
});

test('no Node 20 and no install from a path outside the repository', () => {
  expect(text).not.toMatch(/node-version:\s*['"]?(1\d|20|22)\b/);
  for (const step of steps) {
    if (step.uses?.startsWith('actions/setup-node')) expect(step.with?.['node-version']).toBe(24);
    expect(step.run ?? '').not.toMatch(/\.tgz|npm (ci|install) \.\.\//);
  }
});

describe('the report step on real results', () => {
  const scenario: Scenario = {
    organization: {
      id: 'o-exampletest1',
      managementAccountId: '111111111111',
      root: {
        id: 'r-ab12',
        organizationalUnits: [
          { id: 'ou-ab12-good0001', accounts: ['222222222222'] },
          { id: 'ou-ab12-part0001', accounts: ['333333333333', '444444444444'] },
          { id: 'ou-ab12-slow0001', accounts: ['555555555555', '666666666666'] },
        ],
      },
    },
    portfolios: [{ id: 'port-exampletst01', displayName: 'a' }, { id: 'port-exampletst02', displayName: 'b' }, { id: 'port-exampletst03', displayName: 'c' }],
    shares: { defaultDurationSeconds: 1, notStartedSeconds: 0.1, durationsByNode: { 'ou-ab12-slow0001': 6 } },
    accounts: { '444444444444': { shareError: 'ThrottlingException', message: 'Rate exceeded' } },
  };
  let sim: RunningSimulator;
  let client: ServiceCatalogClient;

  beforeAll(async () => {
    sim = await startSimulator({ scenario });
    client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  });
  afterAll(async () => {
    client.destroy();
    await sim.close();
  });

  /** The `result` output the action would set: the CLI's JSON report of `wait`. */
  async function resultOutput(PortfolioId: string, ou: string, extra: string[] = []): Promise<string> {
    const share = await client.send(new CreatePortfolioShareCommand({ PortfolioId, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: ou } }));
    const env = { PATH: process.env.PATH ?? '', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent', AWS_EC2_METADATA_DISABLED: 'true' };
    const argv = [BIN, '--endpoint-url', sim.endpoint, '--output', 'json', 'wait', share.PortfolioShareToken ?? '', '--min-delay', '0.1', '--max-delay', '0.3', ...extra];
    // Exit 1 and 3 are expected here: the document on stdout is what matters.
    const stdout = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, argv, { env }, (error, out) => (error !== null && typeof error.code !== 'number' ? reject(error) : resolve(out)));
    });
    return JSON.stringify(JSON.parse(stdout));
  }

  async function report(result: string): Promise<string> {
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', reportStep?.run ?? 'false'], { env: { PATH: process.env.PATH ?? '', RESULT: result } });
    return stdout;
  }

  test('lists the accounts of a completed, a failed (.error.shareDetails) and a timed-out share', async () => {
    expect(reportStep?.env).toEqual({ RESULT: '${{ steps.wait.outputs.result }}' });
    const [completed, failed, timedOut] = await Promise.all([
      resultOutput('port-exampletst01', 'ou-ab12-good0001'),
      resultOutput('port-exampletst02', 'ou-ab12-part0001'),
      resultOutput('port-exampletst03', 'ou-ab12-slow0001', ['--timeout', '4']),
    ]);
    expect(await report(completed)).toMatch(/^share-\w+: COMPLETED; shared with 222222222222\n$/);
    expect(await report(failed)).toMatch(/^share-\w+: COMPLETED_WITH_ERRORS; shared with 333333333333\n {2}ThrottlingException on 444444444444: Rate exceeded\n$/);
    expect(await report(timedOut)).toMatch(/^share-\w+: IN_PROGRESS; shared with 555555555555\n$/);
  });
});
