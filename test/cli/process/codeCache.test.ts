// The built bin's code cache as real processes: the first run of a command saves one file, the runs after
// it answer the same from the cache, a damaged file is replaced, and NODE_DISABLE_COMPILE_CACHE turns it off.
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../../src/simulator/index.js';
import type { RunningSimulator } from '../../../src/simulator/types.js';
import { cleanEnv, runCli } from '../../support/cliProcess.js';

let sim: RunningSimulator;
let home: string;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'default' });
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-code-cache-'));
  const created = await fetch(sim.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWS242ServiceCatalogService.CreatePortfolioShare' },
    body: JSON.stringify({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
  });
  token = ((await created.json()) as { PortfolioShareToken: string }).PortfolioShareToken;
});

afterAll(async () => {
  await sim.close();
  rmSync(home, { recursive: true, force: true });
});

function cacheDirOf(base: string): string {
  return join(base, 'portfolio-share-waiter');
}

function files(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

test('status and --help: one cache file each on the first run, the same answers from the cache after', async () => {
  const base = mkdtempSync(join(home, 'cache-'));
  const env = cleanEnv(home, { NODE_COMPILE_CACHE: base });
  const status = ['status', token, '--endpoint-url', sim.endpoint, '--output', 'json'];

  const first = await runCli(status, env);
  expect(first.stderr).toBe('');
  expect(files(cacheDirOf(base))).toEqual([expect.stringMatching(new RegExp(`^cli-[0-9a-f]{16}-status-${process.version}-${process.arch}\\.v8$`))]);
  const [statusFile] = files(cacheDirOf(base));
  const written = statSync(join(cacheDirOf(base), statusFile ?? '')).mtimeMs;

  // The same answer but for the wait's own timing.
  const timeless = (run: { stdout: string }) => run.stdout.replace(/"elapsedSeconds": [\d.]+/g, '"elapsedSeconds": 0');
  const second = await runCli(status, env);
  expect({ ...second, stdout: timeless(second) }).toEqual({ ...first, stdout: timeless(first) });
  // A hit writes nothing.
  expect(statSync(join(cacheDirOf(base), statusFile ?? '')).mtimeMs).toBe(written);

  const help = await runCli(['--help'], env);
  expect(help.code).toBe(0);
  expect(files(cacheDirOf(base))).toHaveLength(2);
  expect(await runCli(['--help'], env)).toEqual(help);
});

test('a damaged cache file: the answer is the same and the file is replaced', async () => {
  const base = mkdtempSync(join(home, 'cache-'));
  const env = cleanEnv(home, { NODE_COMPILE_CACHE: base });
  const clean = await runCli(['--version'], env);
  const [file] = files(cacheDirOf(base));
  const path = join(cacheDirOf(base), file ?? '');
  writeFileSync(path, 'damaged');
  expect(await runCli(['--version'], env)).toEqual(clean);
  // Compiled code again (its size varies a little from one compile to the next), which the next run uses.
  expect(statSync(path).size).toBeGreaterThan(10_000);
  const replaced = statSync(path).mtimeMs;
  expect(await runCli(['--version'], env)).toEqual(clean);
  expect(statSync(path).mtimeMs).toBe(replaced);
});

test('NODE_DISABLE_COMPILE_CACHE: no cache is read or written', async () => {
  const base = mkdtempSync(join(home, 'cache-'));
  const run = await runCli(['status', token, '--endpoint-url', sim.endpoint, '--quiet'], cleanEnv(home, { NODE_COMPILE_CACHE: base, NODE_DISABLE_COMPILE_CACHE: '1' }));
  expect(run.stdout).toMatch(/^(NOT_STARTED|IN_PROGRESS|COMPLETED)\n$/);
  expect(files(cacheDirOf(base))).toEqual([]);
});
