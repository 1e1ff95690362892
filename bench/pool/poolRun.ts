import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createSharePool } from '../../src/pool/sharePool.js';
import type { PoolStats } from '../../src/pool/types.js';
import { mulberry32 } from '../../src/simulator/random.js';
import { MAX_LOG_ENTRIES } from '../../src/simulator/requestLog.js';
import { benchScenario } from '../lib/benchScenario.js';
import { startSimulatorProcess } from '../lib/simulatorProcess.js';
import { maxInWindow } from '../lib/windows.js';

export interface PoolRunFigures {
  waits: number;
  budgetPerSecond: number;
  maxConcurrentCalls: number;
  peakRssMiB: number;
  /** Largest V8 heap in use seen (sampled every 50 ms), MiB. */
  peakHeapUsedMiB: number;
  /** RSS when the shares were created, before the pool started, MiB. */
  rssBeforeWaitsMiB: number;
  eventLoopDelayMs: { p50: number; p99: number; max: number };
  /** Highest describe count in any one-second window of the simulator's request log. */
  maxDescribesInOneSecond: number;
  describesLogged: number;
  describesMade: number;
  /** The simulator's log keeps at most 100,000 entries; true when it may have dropped some. A call that
   * failed on its way (a reset socket; the wait checked again later) is made but never logged. */
  logCapped: boolean;
  right: number;
  wallSeconds: number;
  idealSeconds: number;
  stretch: PoolStats['stretch'];
  setupSeconds: number;
}

const DURATION_MIN = 10;
const DURATION_MAX = 60;
const credentials = { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' };


/**
 * `waits` shares lasting 10–60 s (whole seconds, uniform), each on a portfolio of its own, created on
 * a simulator in another process; then one pool waits for all of them under `budget` calls/s.
 */
export async function runPool(waits: number, budget: number, maxConcurrentCalls: number, seed: number): Promise<PoolRunFigures> {
  const random = mulberry32(seed);
  const durations = Array.from({ length: DURATION_MAX - DURATION_MIN + 1 }, (_, i) => DURATION_MIN + i);
  const shares = Array.from({ length: waits }, () => Math.floor(random() * durations.length));
  const simulator = await startSimulatorProcess(benchScenario(durations, waits), seed);
  let rssPeak = process.memoryUsage.rss();
  let heapPeak = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeak = Math.max(rssPeak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
  }, 50);
  try {
    const setupStart = performance.now();
    // The shares are created by another process, so this one's memory is the pool's alone.
    const setup = spawnSync(process.execPath, [fileURLToPath(new URL('./createShares.js', import.meta.url)), simulator.endpoint, JSON.stringify(shares), JSON.stringify(durations)], {
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (setup.status !== 0) throw new Error(`creating the shares failed (exit ${String(setup.status)})`);
    const created = JSON.parse(setup.stdout) as { tokens: string[]; terminalAtEpochMs: number[] };
    const tokens = created.tokens;
    const epochOffset = performance.now() - Date.now();
    const terminalAt = created.terminalAtEpochMs.map((t) => t + epochOffset);
    await simulator.clearRequests();
    const setupSeconds = (performance.now() - setupStart) / 1000;
    const rssBeforeWaits = process.memoryUsage.rss();

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const start = performance.now();
    const pool = createSharePool({
      clientConfig: { endpoint: simulator.endpoint, region: 'us-east-1', credentials },
      maxCallsPerSecond: budget,
      maxConcurrentCalls,
      maxWaitTime: 600,
    });
    const stream = pool.results();
    for (const token of tokens) pool.add(token);
    pool.end();
    let right = 0;
    for await (const outcome of stream) if (outcome.ok && outcome.result.status === 'COMPLETED') right += 1;
    const wallSeconds = (performance.now() - start) / 1000;
    loop.disable();
    const stats = pool.stats();
    pool.close();
    // The peak of the waits, taken before the bench reads the simulator's request log (tens of
    // thousands of entries parsed in this process: the bench's own memory, not the pool's).
    const peakRss = Math.max(rssPeak, process.resourceUsage().maxRSS * 1024);
    clearInterval(sampler);
    // The simulator marks an entry answered just after the answer leaves; let the last ones land.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const log = await simulator.requests();
    const describes = log.filter((r) => r.operation === 'DescribePortfolioShareStatus');
    const ms = (ns: number): number => Math.round((ns / 1e6) * 10) / 10;
    return {
      waits,
      budgetPerSecond: budget,
      maxConcurrentCalls,
      peakRssMiB: Math.round((peakRss / 2 ** 20) * 10) / 10,
      peakHeapUsedMiB: Math.round((heapPeak / 2 ** 20) * 10) / 10,
      rssBeforeWaitsMiB: Math.round((rssBeforeWaits / 2 ** 20) * 10) / 10,
      eventLoopDelayMs: { p50: ms(loop.percentile(50)), p99: ms(loop.percentile(99)), max: ms(loop.max) },
      maxDescribesInOneSecond: maxInWindow(describes.map((r) => r.time)),
      describesLogged: describes.length,
      describesMade: stats.calls,
      logCapped: log.length >= MAX_LOG_ENTRIES,
      right,
      wallSeconds,
      idealSeconds: (Math.max(...terminalAt) - start) / 1000,
      stretch: stats.stretch,
      setupSeconds,
    };
  } finally {
    clearInterval(sampler);
    await simulator.stop();
  }
}
