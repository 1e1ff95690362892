// bench:cli — start-up and one call: `status` against the AWS CLI's describe-portfolio-share-status on
// the same simulator, `--help` against `aws --version`, and `node -e 0` as the floor; paired,
// interleaved runs (the order alternates), medians and ratios. The bin loads its bundle through V8's code
// cache (src/cli/codeCache.ts): its rows are with the cache the warm-up run wrote (every run after a
// command's first), and with the cache turned off (a command's first run on a machine).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { defaultScenario } from '../src/simulator/defaultScenario.js';
import { fileURLToPath } from 'node:url';
import { CLI_BIN, startSimulatorProcess } from './lib/simulatorProcess.js';
import { fixed, formatTable, machineInfo, machineLine, median, parseBenchArgs } from './lib/report.js';

const AWS = '/usr/bin/aws';
const UNBUNDLED_BIN = fileURLToPath(new URL('./lib/unbundledBin.js', import.meta.url));
const args = parseBenchArgs(process.argv.slice(2));
const runs = Math.max(10, Number(args.flags.get('runs') ?? 15));
const machine = machineInfo();
const simulator = await startSimulatorProcess(defaultScenario, args.seed);
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: 'AKIDBENCH',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_REGION: 'us-east-1',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  NO_COLOR: '1',
  // A cache of the bench's own, filled by the warm-up runs.
  NODE_COMPILE_CACHE: mkdtempSync(join(tmpdir(), 'bench-cli-cache-')),
  NODE_DISABLE_COMPILE_CACHE: undefined,
};
const NO_CACHE = { NODE_DISABLE_COMPILE_CACHE: '1' };

type Command = [string, string[], Record<string, string>?];

function run(command: string, argv: string[], extraEnv: Record<string, string> = {}): { seconds: number; status: number | null } {
  const start = performance.now();
  const child = spawnSync(command, argv, { env: { ...env, ...extraEnv }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { seconds: (performance.now() - start) / 1000, status: child.status };
}

try {
  const created = await fetch(simulator.endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWS242ServiceCatalogService.CreatePortfolioShare' },
    body: JSON.stringify({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
  });
  const token = ((await created.json()) as { PortfolioShareToken: string }).PortfolioShareToken;
  const haveAws = existsSync(AWS);
  const describe: Command = [AWS, ['--endpoint-url', simulator.endpoint, 'servicecatalog', 'describe-portfolio-share-status', '--portfolio-share-token', token]];
  const pairs: Array<{ name: string; ours: Command; theirs?: Command }> = [
    { name: 'status (one describe)', ours: [process.execPath, [CLI_BIN, 'status', token, '--endpoint-url', simulator.endpoint]], theirs: describe },
    { name: '--help / aws --version', ours: [process.execPath, [CLI_BIN, '--help']], theirs: [AWS, ['--version']] },
    { name: 'status, no code cache', ours: [process.execPath, [CLI_BIN, 'status', token, '--endpoint-url', simulator.endpoint], NO_CACHE], theirs: describe },
    { name: '--help, no code cache', ours: [process.execPath, [CLI_BIN, '--help'], NO_CACHE], theirs: [AWS, ['--version']] },
    {
      name: 'status, unbundled (before)',
      ours: [process.execPath, [UNBUNDLED_BIN, 'status', token, '--endpoint-url', simulator.endpoint]],
      theirs: describe,
    },
    { name: '--help, unbundled (before)', ours: [process.execPath, [UNBUNDLED_BIN, '--help']], theirs: [AWS, ['--version']] },
    { name: 'node -e 0 (floor)', ours: [process.execPath, ['-e', '0']] },
  ];
  const results = pairs.map((p) => ({ name: p.name, ours: [] as number[], theirs: [] as number[], statuses: new Set<number | null>() }));
  // Warm the file cache once, then interleave: run i starts with ours when i is even, theirs when odd.
  for (const p of pairs) {
    run(...p.ours);
    if (p.theirs && haveAws) run(...p.theirs);
  }
  for (let i = 0; i < runs; i += 1) {
    pairs.forEach((p, k) => {
      const r = results[k];
      if (r === undefined) return;
      const order = p.theirs && haveAws ? (i % 2 === 0 ? ['ours', 'theirs'] : ['theirs', 'ours']) : ['ours'];
      for (const which of order) {
        const outcome = which === 'ours' ? run(...p.ours) : run(...(p.theirs as Command));
        (which === 'ours' ? r.ours : r.theirs).push(outcome.seconds);
        r.statuses.add(outcome.status);
      }
    });
  }
  const rows = results.map((r) => ({
    name: r.name,
    oursMedian: median(r.ours),
    theirsMedian: r.theirs.length > 0 ? median(r.theirs) : undefined,
    ratio: r.theirs.length > 0 ? median(r.theirs) / median(r.ours) : undefined,
    exitCodes: [...r.statuses],
    runs: r.ours.length,
  }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ bench: 'cli', machine, seed: args.seed, runs, awsCli: haveAws ? AWS : null, rows }, null, 2)}\n`);
  } else {
    const lines = [
      machineLine('bench:cli', machine, args.seed),
      `${runs} paired, interleaved runs each; wall time of the whole process; AWS CLI: ${haveAws ? AWS : 'not installed (its column is empty)'}`,
      '',
      formatTable(
        ['command', 'ours median s', 'AWS CLI median s', 'AWS CLI ÷ ours', 'exit codes'],
        rows.map((r) => [r.name, fixed(r.oursMedian, 3), r.theirsMedian === undefined ? '' : fixed(r.theirsMedian, 3), r.ratio === undefined ? '' : `${fixed(r.ratio)}×`, r.exitCodes.join(' ')]),
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
} finally {
  await simulator.stop();
  rmSync(env.NODE_COMPILE_CACHE, { recursive: true, force: true });
}
