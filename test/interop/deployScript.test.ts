// examples/deploy-share.sh run as its header says (`… npm exec -c ./deploy-share.sh` in a project that
// installed the packed package), with the real AWS CLI and the installed bin, against the simulator.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator } from '../../src/simulator/types.js';
import { installProject, npmEnv, packPackage, pathWithThisNode } from '../support/packedPackage.js';
import { awsCli } from './tools.js';

const AWS = awsCli();

let sim: RunningSimulator;
let dir: string;
let project: string;
let command: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deploy-share-'));
  project = join(dir, 'project');
  await installProject(project, 'commonjs', await packPackage(dir));
  // The script as the package ships it, placed in the project as its header assumes.
  const script = join(project, 'node_modules/portfolio-share-waiter/examples/deploy-share.sh');
  copyFileSync(script, join(project, 'deploy-share.sh'));
  chmodSync(join(project, 'deploy-share.sh'), 0o755);
  // The command after the variables on the header's usage line, e.g. `npm exec -c ./deploy-share.sh`.
  const usage = /^#\s+PORTFOLIO_ID=\S+ OU_ID=\S+ (.+)$/m.exec(readFileSync(script, 'utf8'));
  command = (usage?.[1] ?? '').split(' ');
  expect(command).toEqual(['npm', 'exec', '-c', './deploy-share.sh']);

  sim = await startSimulator({
    scenario: {
      organization: {
        id: 'o-deploytest01',
        managementAccountId: '111111111111',
        root: {
          id: 'r-ab12',
          accounts: ['111111111111'],
          organizationalUnits: [
            { id: 'ou-ab12-fast0001', accounts: ['222222222222'] },
            { id: 'ou-ab12-part0001', accounts: ['333333333333', '444444444444'] },
            { id: 'ou-ab12-slow0001', accounts: ['555555555555'] },
          ],
        },
      },
      portfolios: [1, 2, 3].map((i) => ({ id: `port-deploytest${i}`, displayName: `Deploy ${i}` })),
      shares: { defaultDurationSeconds: 1, notStartedSeconds: 0.2, durationsByNode: { 'ou-ab12-slow0001': 3600 } },
      accounts: { '444444444444': { shareError: 'ThrottlingException', message: 'Rate exceeded' } },
    },
  });
  // The Debian AWS CLI (2.9) predates AWS_ENDPOINT_URL, so a PATH shim adds --endpoint-url to the real CLI.
  writeFileSync(join(dir, 'aws'), `#!/bin/sh\nexec "${AWS}" --endpoint-url "${sim.endpoint}" "$@"\n`);
  chmodSync(join(dir, 'aws'), 0o755);
}, 300_000);

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function runScript(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const [program = 'npm', ...args] = command;
  const child = spawn(program, args, {
    cwd: project,
    env: {
      ...npmEnv(),
      // The script's `portfolio-share-waiter` runs on the Node that runs this suite.
      PATH: `${dir}:${pathWithThisNode()}`,
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: sim.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

test('a share that completes: the script deploys', async () => {
  const run = await runScript({ PORTFOLIO_ID: 'port-deploytest1', OU_ID: 'ou-ab12-fast0001' });
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^share-\w+: COMPLETED after/);
  expect(run.stderr).toMatch(/^created portfolio share share-\w+\n/);
  expect(run.stderr).toContain('portfolio port-deploytest1 is shared with ou-ab12-fast0001; deploying\n');
});

test('a share with errors: the script stops with exit 1 and the report says why', async () => {
  const run = await runScript({ PORTFOLIO_ID: 'port-deploytest2', OU_ID: 'ou-ab12-part0001' });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('  error       ThrottlingException on 1 account: 444444444444\n');
  expect(run.stderr).not.toContain('deploying');
});

test('a share still running at the timeout: exit 3 and how to check later', async () => {
  const run = await runScript({ PORTFOLIO_ID: 'port-deploytest3', OU_ID: 'ou-ab12-slow0001', SHARE_TIMEOUT: '1' });
  expect(run.code).toBe(3);
  expect(run.stdout).toMatch(/timed out after \d+s .*; last status (NOT_STARTED|IN_PROGRESS)/);
  expect(run.stderr).toMatch(/the share is still running; check it later with: npx portfolio-share-waiter status share-\w+\n/);
});
