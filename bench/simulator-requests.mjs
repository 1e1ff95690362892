// Does the simulator still answer at full speed after 1,000,000 requests? Its request log keeps the
// last 100,000 entries; recording a call must cost the same whatever the log holds.
// Run: npm run build && npm run bench:simulator   (REQUESTS=200000 for a shorter run)
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const TOTAL = Number(process.env.REQUESTS ?? 1_000_000);
const WINDOW = 10_000;
const BLOCK = 100_000;
const CONNECTIONS = 10;

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const url = new URL(workerData?.endpoint ?? 'http://127.0.0.1:1');
const body = JSON.stringify({ Id: 'port-examplepf0001' });
const headers = {
  'Content-Type': 'application/x-amz-json-1.1',
  'X-Amz-Target': 'AWS242ServiceCatalogService.DescribePortfolio',
  'Content-Length': String(Buffer.byteLength(body)),
};

function call() {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/', headers, agent }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`status ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Send `n` requests over CONNECTIONS keep-alive connections; requests per second. */
async function run(n) {
  let left = n;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (left > 0) {
        left -= 1;
        await call();
      }
    }),
  );
  return n / ((performance.now() - start) / 1000);
}


if (!isMainThread) {
  // The load generator: runs the windows it is asked for and answers requests per second.
  parentPort.on('message', async (n) => {
    if (n === 0) {
      agent.destroy();
      parentPort.close();
      return;
    }
    parentPort.postMessage(await run(n));
  });
} else {
  await measure();
}

async function measure() {
  const { startSimulator } = await import('../dist/simulator/index.js');
  const { RequestLog, MAX_LOG_ENTRIES } = await import('../dist/simulator/requestLog.js');
  const sim = await startSimulator();
  const worker = new Worker(new URL(import.meta.url), { workerData: { endpoint: sim.endpoint } });
  let failed;
  worker.on('error', (error) => (failed = error));
  const remoteRun = (n) =>
    new Promise((resolve, reject) => {
      if (failed) return reject(failed);
      worker.once('message', resolve);
      worker.postMessage(n);
    });
  const t0 = performance.now();
  await remoteRun(2_000); // warm-up: JIT, connections
  // Every request is in a window of WINDOW; each block of 100,000 reports the median of its windows,
  // which the machine's load moves less than any single window.
  const blocks = [];
  let sent = 0;
  let lastReport = performance.now();
  while (sent < TOTAL) {
    const n = Math.min(WINDOW, TOTAL - sent);
    const rate = await remoteRun(n);
    const block = Math.floor(sent / BLOCK);
    (blocks[block] ??= []).push(rate);
    sent += n;
    if (performance.now() - lastReport > 15_000) {
      process.stderr.write(`  … ${sent.toLocaleString('en')} requests sent\n`);
      lastReport = performance.now();
    }
  }
  const logged = sim.requests().length;
  worker.postMessage(0);
  await sim.close();
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const medians = blocks.map(median);

  // The same question without HTTP in the way: recording into a full log, ring buffer vs the splice it replaced.
  function recordAll(log, n) {
    const start = performance.now();
    for (let i = 0; i < n; i += 1) log.begin(i)({ operation: 'X', httpStatus: 200, outcome: 'ok' });
    return (performance.now() - start) / n;
  }
  class SpliceLog {
    entries = [];
    begin(time) {
      const record = { entry: { time }, done: false };
      this.entries.push(record);
      if (this.entries.length > MAX_LOG_ENTRIES) this.entries.splice(0, this.entries.length - MAX_LOG_ENTRIES);
      return (fields) => Object.assign(record.entry, fields);
    }
  }
  const ring = new RequestLog();
  const splice = new SpliceLog();
  recordAll(ring, MAX_LOG_ENTRIES);
  recordAll(splice, MAX_LOG_ENTRIES);
  const ringFull = recordAll(ring, 20_000);
  const spliceFull = recordAll(splice, 20_000);

  const fmt = (n) => Math.round(n).toLocaleString('en');
  console.log(`simulator requests: ${fmt(sent + 2_000)} sent over ${CONNECTIONS} keep-alive connections in ${((performance.now() - t0) / 1000).toFixed(1)} s; the log holds ${fmt(logged)}`);
  console.log('  requests/s, median of the windows of each block:');
  medians.forEach((rate, i) => {
    const note = i === 0 ? ' (log filling up)' : '';
    console.log(`    ${fmt(i * BLOCK).padStart(9)} – ${fmt(Math.min((i + 1) * BLOCK, sent)).padEnd(9)} ${fmt(rate).padStart(7)}${note}`);
  });
  const firstRate = medians[0];
  const lastRate = medians.at(-1);
  console.log(`  last block / first block: ${(lastRate / firstRate).toFixed(2)} (1.00 = no slow-down; the machine's load moves single figures by ±30 %)`);
  console.log(`recording one call into a full log (${fmt(MAX_LOG_ENTRIES)} entries): ring buffer ${(ringFull * 1000).toFixed(2)} µs, splice baseline ${(spliceFull * 1000).toFixed(2)} µs (${(spliceFull / ringFull).toFixed(0)}× slower)`);
}
