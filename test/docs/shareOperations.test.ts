// The recipes of docs/share-operations.md run as written against the simulator: the bash one with the
// built bin standing in for `npx portfolio-share-waiter`, the JavaScript one importing the package by name.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator } from '../../src/simulator/types.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'dist/cli/bin.js');
const doc = readFileSync(join(ROOT, 'docs/share-operations.md'), 'utf8');

/** The first fenced block of `language` after `heading`. */
function block(heading: string, language: string): string {
  const start = doc.indexOf(heading);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(doc.slice(start));
  if (start < 0 || !match?.[1]) throw new Error(`no ${language} block under ${heading}`);
  return match[1];
}

let sim: RunningSimulator;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({
    scenario: {
      organization: {
        id: 'o-recipetest1',
        managementAccountId: '111111111111',
        root: {
          id: 'r-ab12',
          accounts: ['111111111111'],
          organizationalUnits: ['a', 'b', 'c', 'd'].map((x, i) => ({ id: `ou-ab12-team${x}001`, accounts: [String(222222222222 + i)] })),
        },
      },
      portfolios: [{ id: 'port-recipe1', displayName: 'Recipe 1' }, { id: 'port-recipe2', displayName: 'Recipe 2' }],
      shares: { defaultDurationSeconds: 0.5, notStartedSeconds: 0.1 },
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'share-recipes-'));
  // `npx portfolio-share-waiter …` runs the built bin; the package resolves by name from the recipe's folder.
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\n[ "$1" = portfolio-share-waiter ] || exit 127\nshift\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  writeFileSync(join(dir, 'deploy.sh'), '#!/bin/sh\necho deployed\n');
  chmodSync(join(dir, 'npx'), 0o755);
  chmodSync(join(dir, 'deploy.sh'), 0o755);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules', 'portfolio-share-waiter'), 'dir');
});

afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(command, args, {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      HOME: dir,
      AWS_CONFIG_FILE: join(dir, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL: sim.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...env,
    },
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

describe('docs/share-operations.md recipes', () => {
  const script = block('### Share a portfolio with an OU from a deploy script', 'bash');

  it('"share a portfolio with an OU from a deploy script" is three lines, shares, waits, then deploys', async () => {
    expect(script.trimEnd().split('\n')).toHaveLength(3);
    const result = await run('bash', ['-c', script], { PORTFOLIO_ID: 'port-recipe1', OU_ID: 'ou-ab12-teama001' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^share-\w+: COMPLETED after \d+s \(\d+ checks?\)\n[\s\S]*\ndeployed\n$/);
  });

  it('the deploy script stops before deploying when the share cannot be made (exit 4 for an unknown portfolio, 2 for a root)', async () => {
    const missing = await run('bash', ['-c', script], { PORTFOLIO_ID: 'port-nope', OU_ID: 'ou-ab12-teama001' });
    expect(missing.code).toBe(4);
    expect(missing.stdout).not.toContain('deployed');
    const root = await run('bash', ['-c', script], { PORTFOLIO_ID: 'port-recipe1', OU_ID: 'r-ab12' });
    expect(root.code).toBe(2);
    expect(root.stderr).toMatch(/is a root/);
  });

  it('"share one portfolio with many OUs" shares with every OU, one after the other, and meets no InvalidStateException', async () => {
    writeFileSync(join(dir, 'many.mjs'), block('### Share one portfolio with many OUs', 'js'));
    sim.clearRequests();
    const ous = ['ou-ab12-teama001', 'ou-ab12-teamb001', 'ou-ab12-teamc001', 'ou-ab12-teamd001'];
    const result = await run(process.execPath, ['many.mjs'], { PORTFOLIO_ID: 'port-recipe2', OU_IDS: ous.join(',') });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe(ous.map((ou) => `${ou}: COMPLETED\n`).join(''));
    const creates = sim.requests().filter((r) => r.operation === 'CreatePortfolioShare');
    expect(creates.map((r) => r.outcome)).toEqual(ous.map(() => 'ok'));
  });
});
