// The package as a user installs it: one `npm pack`, installed into a throwaway ESM project and a
// throwaway CommonJS project (what `npm init -y` makes). In each, the quick start type-checks with
// `tsc --strict` (NodeNext) and runs against the simulator started from the package itself; the bins
// and built-in scenarios work from node_modules; and every entry point loads through `import` and
// `require` by its name, on the Node that runs this suite.
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CreatePortfolioShareCommand, DescribePortfolioShareStatusCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { installProject, npmEnv, packPackage, pathWithThisNode, repoRoot } from '../support/packedPackage.js';

const run = promisify(execFile);
const QUICK_START = fileURLToPath(new URL('../fixtures/consumer/quickStart.ts', import.meta.url));
const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');
const ENTRY_POINTS = ['portfolio-share-waiter', 'portfolio-share-waiter/simulator', 'portfolio-share-waiter/cli', 'portfolio-share-waiter/workflow', 'portfolio-share-waiter/lambda'];
// The ESM project also checks the package's .d.ts files (skipLibCheck off, the strictest a consumer can
// be); the CommonJS one keeps `tsc --init`'s skipLibCheck: true, the common setting.
const tsconfig = (type: 'module' | 'commonjs') => ({
  compilerOptions: {
    strict: true,
    module: 'nodenext',
    moduleResolution: 'nodenext',
    target: 'es2022',
    types: ['node'],
    outDir: 'out',
    rootDir: 'src',
    skipLibCheck: type === 'commonjs',
  },
  include: ['src'],
});
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', PATH: pathWithThisNode() };

let work: string;
const project = (type: 'module' | 'commonjs'): string => join(work, type);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'psw-consumers-'));
  const tarball = await packPackage(work);
  await Promise.all((['module', 'commonjs'] as const).map((type) => installProject(project(type), type, tarball)));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(['module', 'commonjs'] as const)('a "type": "%s" project with the tarball installed', (type) => {
  it('type-checks the quick start with tsc --strict (NodeNext) and runs it against the simulator', async () => {
    const dir = project(type);
    mkdirSync(join(dir, 'src'), { recursive: true });
    copyFileSync(QUICK_START, join(dir, 'src/quickStart.ts'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig(type)));
    const tsc = await run(process.execPath, [TSC, '-p', dir], { cwd: dir }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { stdout: string; code: number }) => ({ code: error.code, stdout: error.stdout }),
    );
    expect(tsc).toEqual({ code: 0, stdout: '' });

    const emitted = readFileSync(join(dir, 'out/quickStart.js'), 'utf8');
    // The CommonJS project really goes through require() (Node's require of an ES module).
    if (type === 'commonjs') expect(emitted).toContain('require("portfolio-share-waiter")');
    else expect(emitted).toContain('from \'portfolio-share-waiter\'');

    const { stdout, stderr } = await run(process.execPath, ['out/quickStart.js'], { cwd: dir, env, timeout: 90_000 });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toEqual({
      moduleSystem: type === 'module' ? 'esm' : 'commonjs',
      results: ['default: COMPLETED 222222222222 333333333333 444444444444', 'partial-failure: SHARE_COMPLETED_WITH_ERRORS failed 333333333333 444444444444'],
      builtInScenarios: ['default', 'flaky-service', 'partial-failure'],
      cli: { main: 'function', ok: 0 },
    });
  }, 120_000);

  it('loads every entry point by import and by require, with no warning on stderr', async () => {
    const dir = project(type);
    const script = `const out = {};
for (const name of ${JSON.stringify(ENTRY_POINTS)}) {
  out['import ' + name] = Object.keys(await import(name)).length > 0;
  out['require ' + name] = Object.keys(require(name)).length > 0;
}
console.log(JSON.stringify(out));`;
    const wrapped = `const { createRequire } = await import('node:module'); const require = createRequire(process.cwd() + '/'); ${script}`;
    const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', wrapped], { cwd: dir, env });
    expect(stderr).toBe('');
    expect(Object.values(JSON.parse(stdout) as Record<string, boolean>)).toEqual(Array(ENTRY_POINTS.length * 2).fill(true));
  });
});

describe('the bins from node_modules/.bin', () => {
  it('`npx portfolio-share-waiter --version` runs the installed copy (no registry lookup for another package)', async () => {
    const { stdout } = await run('npx', ['--no-install', 'portfolio-share-waiter', '--version'], { cwd: project('module'), env: { ...npmEnv(), ...env } });
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(stdout.trim()).toBe(manifest.version);
  });

  it('portfolio-share-simulator --scenario partial-failure (a built-in name) serves that scenario; an unknown name lists the built-in ones', async () => {
    const bin = join(project('commonjs'), 'node_modules/.bin/portfolio-share-simulator');
    const child = spawn(bin, ['--scenario', 'partial-failure', '--log-level', 'silent'], { cwd: project('commonjs'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
      child.once('error', reject);
    });
    const client = new ServiceCatalogClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
    try {
      const share = await client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }));
      // partial-failure (unlike the default scenario) answers the first describes of a new token with "not found".
      await expect(client.send(new DescribePortfolioShareStatusCommand({ PortfolioShareToken: share.PortfolioShareToken }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    } finally {
      client.destroy();
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);

    await expect(run(bin, ['--scenario', 'no-such-scenario'], { cwd: project('commonjs'), env })).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('expected a built-in scenario name (default, flaky-service, partial-failure) or the path of a scenario JSON file, got "no-such-scenario"'),
    });
  });
});

/** True when something accepts TCP connections at the endpoint's port. */
function listening(endpoint: string): Promise<boolean> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the simulator recipe for scripts', () => {
  // As docs/install.md and the README give it: `$!` is the pid of `npm exec`, not of the simulator.
  const RECIPE = [
    'npx portfolio-share-simulator > sim.url 2> sim.log &',
    'SIM_PID=$!',
    'until [ -s sim.url ]; do sleep 0.1; done',
    'ENDPOINT=$(head -n1 sim.url)',
    '# ... run your deployment script against $ENDPOINT ...',
    'kill "$SIM_PID"',
  ].join('\n');

  it('kill "$SIM_PID" stops the simulator too: its port closes and no process is left', async () => {
    const dir = project('module');
    rmSync(join(dir, 'sim.url'), { force: true });
    await run('bash', ['-c', RECIPE], { cwd: dir, env: { ...npmEnv(), ...env }, timeout: 30_000 });
    const endpoint = readFileSync(join(dir, 'sim.url'), 'utf8').trim();
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The simulator's own pid, from its "listening" log line.
    const pid = (JSON.parse(readFileSync(join(dir, 'sim.log'), 'utf8').split('\n')[0] ?? '{}') as { pid?: number }).pid ?? 0;
    expect(pid).toBeGreaterThan(1);
    // It notices within its 200 ms poll; allow for a loaded machine.
    for (let i = 0; i < 100 && alive(pid); i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const left = alive(pid);
    if (left) process.kill(pid, 'SIGTERM'); // do not leave it behind when the test fails
    expect(left).toBe(false);
    expect(await listening(endpoint)).toBe(false);
    expect(readFileSync(join(dir, 'sim.log'), 'utf8')).toContain('"msg":"simulator closed"');
  }, 60_000);
});
