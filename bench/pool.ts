// bench:pool — 1,000 and 10,000 concurrent waits through one pool against the simulator in another
// process: memory, event-loop delay, the budget in every one-second window, outcomes, wall time.
import { fixed, formatTable, machineInfo, machineLine, parseBenchArgs } from './lib/report.js';
import { runPool, type PoolRunFigures } from './pool/poolRun.js';

const args = parseBenchArgs(process.argv.slice(2));
const sizes = (args.flags.get('waits') ?? '1000,10000').split(',').map(Number);
const budget = Number(args.flags.get('budget') ?? 500);
const concurrency = Number(args.flags.get('concurrency') ?? 20);
// The waiting process runs with no V8 flags: the figures are the library's own. `--node-flags="…"`
// measures with some (e.g. --max-semi-space-size=2) for comparison.
const nodeFlags = (args.flags.get('node-flags') ?? '').split(' ').filter((f) => f !== '' && f !== 'true');
const machine = machineInfo();
const runs: PoolRunFigures[] = [];
// Each size runs in a process of its own, so the peak RSS of one does not carry into the next.
if (args.flags.has('one')) {
  runs.push(await runPool(sizes[0] ?? 1000, budget, concurrency, args.seed));
  process.stdout.write(`${JSON.stringify(runs[0])}\n`);
  process.exit(0);
}
const { spawnSync } = await import('node:child_process');
for (const size of sizes) {
  const child = spawnSync(process.execPath, [...nodeFlags, process.argv[1] ?? '', '--one', '--waits', String(size), '--budget', String(budget), '--concurrency', String(concurrency), '--seed', String(args.seed)], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the ${size}-wait run failed (exit ${String(child.status)})`);
  runs.push(JSON.parse(child.stdout) as PoolRunFigures);
}
const targets = runs
  .filter((r) => r.waits >= 10_000)
  .flatMap((r) => [
    { target: `${r.waits} waits: peak RSS ≤ 150 MB (${fixed(r.peakRssMiB * 1.048576, 1)} MB)`, met: r.peakRssMiB * 1.048576 <= 150 },
    { target: `${r.waits} waits: event-loop delay p99 ≤ 50 ms (${r.eventLoopDelayMs.p99} ms)`, met: r.eventLoopDelayMs.p99 <= 50 },
    { target: `${r.waits} waits: budget never exceeded in any one-second window (${r.maxDescribesInOneSecond} ≤ ${r.budgetPerSecond})`, met: r.maxDescribesInOneSecond <= r.budgetPerSecond && !r.logCapped },
    { target: `${r.waits} waits: ${r.right}/${r.waits} right`, met: r.right === r.waits },
  ]);
if (args.json) {
  process.stdout.write(`${JSON.stringify({ bench: 'pool', machine, seed: args.seed, nodeFlags, durations: 'uniform 10–60 s (whole seconds)', runs, targets }, null, 2)}\n`);
} else {
  const lines = [
    machineLine('bench:pool', machine, args.seed),
    `shares of 10–60 s, one pool per run (budget ${budget} calls/s, up to ${concurrency} calls in flight), simulator in another process; describe rate from its request log; waiting process: node ${nodeFlags.join(' ') || '(no flags)'}`,
    '',
    formatTable(
      ['waits', 'peak RSS MiB', 'RSS before MiB', 'peak heap MiB', 'loop delay p50/p99/max ms', 'max describes in 1 s', 'budget', 'right', 'wall s', 'ideal s', 'stretch ×', 'calls made/logged', 'setup s'],
      runs.map((r) => [
        r.waits,
        fixed(r.peakRssMiB, 1),
        fixed(r.rssBeforeWaitsMiB, 1),
        fixed(r.peakHeapUsedMiB, 1),
        `${r.eventLoopDelayMs.p50}/${r.eventLoopDelayMs.p99}/${r.eventLoopDelayMs.max}`,
        `${r.maxDescribesInOneSecond}${r.logCapped ? ' (log capped!)' : ''}`,
        r.budgetPerSecond,
        `${r.right}/${r.waits}`,
        fixed(r.wallSeconds, 1),
        fixed(r.idealSeconds, 1),
        fixed(r.stretch.factor),
        `${r.describesMade}/${r.describesLogged}`,
        fixed(r.setupSeconds, 1),
      ]),
    ),
    '',
    ...targets.map((t) => `${t.met ? 'MET    ' : 'NOT MET'} ${t.target}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
