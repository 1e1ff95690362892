import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioShareCommand, DescribePortfolioShareStatusCommand } from '@aws-sdk/client-service-catalog';
import { parseSimulatorArgs, USAGE } from '../../../src/simulator/main.js';
import { builtInScenarioNames } from '../../../src/simulator/builtInScenarios.js';
import { npmExecAncestor, whenGone } from '../../../src/simulator/npmExecWatch.js';
import { newClient, rawCall } from '../helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(root, 'dist/simulator/bin.js');

interface Running {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startBin(args: string[]): Running {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: root, env: process.env });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** The first stdout line, once it is complete (or the exit, if the process ends first). */
function firstLine(running: Running): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const text = running.stdout();
      if (text.includes('\n')) resolve(text.slice(0, text.indexOf('\n')));
    };
    running.child.stdout.on('data', check);
    running.exit.then(() => reject(new Error(`exited before printing its endpoint; stderr: ${running.stderr()}`)), reject);
    check();
  });
}

describe('portfolio-share-simulator bin', () => {
  // SIGTERM's run names the built-in scenario, SIGINT's gives its path: both serve partial-failure.json.
  it.each(['SIGTERM', 'SIGINT'] as const)('prints exactly one line, the endpoint, serves the scenario and exits 0 on %s', async (signal) => {
    const running = startBin(['--scenario', signal === 'SIGTERM' ? 'partial-failure' : 'examples/scenarios/partial-failure.json', '--seed', '5']);
    const endpoint = await firstLine(running);
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = newClient(endpoint);
    const { PortfolioShareToken } = await client.send(
      new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
    );
    // partial-failure.json: the first two describes of a new token do not find it.
    await expect(client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    client.destroy();
    running.child.kill(signal);
    expect(await running.exit).toEqual({ code: 0, signal: null });
    expect(running.stdout()).toBe(`${endpoint}\n`);
    const logs = running.stderr().trim().split('\n').map((line) => JSON.parse(line) as { msg: string });
    expect(logs.map((l) => l.msg)).toEqual(expect.arrayContaining(['simulator listening', 'stopping', 'simulator closed']));
  });

  it('with --manual-clock, time moves only through POST /_simulator/clock', async () => {
    const running = startBin(['--manual-clock', '--log-level', 'silent']);
    const endpoint = await firstLine(running);
    const clock = await rawCall(endpoint, { path: '/_simulator/clock', target: null, contentType: 'application/json', body: '{"advanceMs": 1000}' });
    expect(clock.json).toEqual({ now: Date.UTC(2026, 0, 1) + 1000 });
    running.child.kill('SIGTERM');
    expect(await running.exit).toEqual({ code: 0, signal: null });
    expect(running.stderr()).toBe('');
  });

  it('exits 2 with a message naming the field for a bad scenario file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-bin-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ organization: { id: 'o-exampleorg01', managementAccountId: '111111111111', root: { id: 'r-ab12' } }, shares: { defaultDurationSeconds: 'soon' } }));
    const running = startBin(['--scenario', file]);
    expect(await running.exit).toEqual({ code: 2, signal: null });
    expect(running.stdout()).toBe('');
    expect(running.stderr()).toBe(`portfolio-share-simulator: ${file}: invalid scenario: shares.defaultDurationSeconds: expected a number ≥ 0, got "soon"\n`);
  });

  it.each([
    [['--port', 'abc'], /--port must be an integer from 0 to 65535, got "abc"/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--log-level', 'loud'], /--log-level must be one of trace, debug/],
    [['--verbose'], /Unknown option '--verbose'/],
    [['extra'], /Unexpected argument 'extra'/],
  ])('exits 2 with the usage for %j', async (args, message) => {
    const running = startBin(args);
    expect(await running.exit).toEqual({ code: 2, signal: null });
    expect(running.stderr()).toMatch(message);
    expect(running.stderr()).toContain(USAGE);
    expect(running.stdout()).toBe('');
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const running = startBin(['--help']);
    expect(await running.exit).toEqual({ code: 0, signal: null });
    expect(running.stdout()).toBe(USAGE);
  });

  it('the usage names every built-in scenario', () => {
    expect(USAGE).toContain(`(${builtInScenarioNames().join(', ')})`.replace(', partial-failure', ',\n                       partial-failure'));
  });

  it('an unknown scenario name exits 2 and lists the built-in names', async () => {
    const running = startBin(['--scenario', 'parital-failure']);
    expect(await running.exit).toEqual({ code: 2, signal: null });
    expect(running.stderr()).toBe(
      'portfolio-share-simulator: invalid scenario: scenario: expected a built-in scenario name (default, flaky-service, partial-failure) or the path of a scenario JSON file, got "parital-failure"\n',
    );
  });
});

describe('started through npm exec', () => {
  it('finds no npm process to follow when npm did not launch it', () => {
    // Not launched by `npm exec` (npm sets npm_command=exec for it): a plain `node bin.js &` is not tied to its parent.
    expect(npmExecAncestor({})).toBeUndefined();
    expect(npmExecAncestor({ npm_command: 'run-script' })).toBeUndefined();
  });

  // The positive case (a real `npx portfolio-share-simulator &` killed by `$!`) runs in
  // test/integration/package.test.ts against the installed tarball.
  it('whenGone resolves once the watched process has exited', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 300)'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    let gone = false;
    const watched = whenGone(child.pid ?? 0, 20).then(() => (gone = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(gone).toBe(false);
    await exited;
    await watched;
    expect(gone).toBe(true);
  });
});

describe('parseSimulatorArgs', () => {
  it('has the documented defaults', () => {
    expect(parseSimulatorArgs([])).toEqual({
      options: { host: '127.0.0.1', port: 0, seed: 1, scenarioPath: undefined, manualClock: false, logLevel: 'info' },
    });
  });

  it('reads every option', () => {
    expect(parseSimulatorArgs(['--host', '0.0.0.0', '--port', '4566', '--seed=-3', '--scenario', 'x.json', '--manual-clock', '--log-level', 'debug'])).toEqual({
      options: { host: '0.0.0.0', port: 4566, seed: -3, scenarioPath: 'x.json', manualClock: true, logLevel: 'debug' },
    });
  });
});
