// Does the simulator still answer at full speed after 1,000,000 requests? Its request log keeps the
// last 100,000 entries; recording a call must cost the same whatever the log holds.
// Run: npm run build && npm run bench:simulator   (REQUESTS=200000 for a shorter run)
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const TOTAL = Number(process.env.REQUESTS ?? 1_000_000);
const WINDOW = 20_000;
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
  const remoteRun = (n) =>
    new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.postMessage(n);
    });
  const t0 = performance.now();
  await remoteRun(2_000); // warm-up: JIT, connections
  const first = await remoteRun(WINDOW);
  let sent = 2_000 + WINDOW;
  let full = Number.NaN;
  let lastReport = performance.now();
  while (sent < TOTAL - WINDOW) {
    if (Number.isNaN(full) && sent >= MAX_LOG_ENTRIES) {
      // The log has just filled up: from here on every call also drops the oldest entry.
      full = await remoteRun(WINDOW);
      sent += WINDOW;
      continue;
    }
    const chunk = Math.min(50_000, TOTAL - WINDOW - sent, sent < MAX_LOG_ENTRIES ? MAX_LOG_ENTRIES - sent : Number.POSITIVE_INFINITY);
    await remoteRun(chunk);
    sent += chunk;
    if (performance.now() - lastReport > 15_000) {
      process.stderr.write(`  … ${sent.toLocaleString('en')} requests sent\n`);
      lastReport = performance.now();
    }
  }
  const last = await remoteRun(WINDOW);
  sent += WINDOW;
  const logged = sim.requests().length;
  worker.postMessage(0);
  await sim.close();

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
  console.log(`simulator requests: ${fmt(sent)} sent over ${CONNECTIONS} keep-alive connections in ${((performance.now() - t0) / 1000).toFixed(1)} s; log holds ${fmt(logged)}`);
  console.log(`  requests/s at the start (after 2,000):      ${fmt(first)}`);
  console.log(`  requests/s after ${fmt(sent - WINDOW)} requests: ${fmt(last)}`);
  if (!Number.isNaN(full)) console.log(`  requests/s once the log is full (${fmt(MAX_LOG_ENTRIES)}):  ${fmt(full)}`);
  console.log(`  ratio after/start: ${(last / first).toFixed(2)}${Number.isNaN(full) ? '' : `, after/full: ${(last / full).toFixed(2)}`} (1.00 = no slow-down; the machine's load moves these by ±30 %)`);
  console.log(`recording one call into a full log (${fmt(MAX_LOG_ENTRIES)} entries): ring buffer ${(ringFull * 1000).toFixed(2)} µs, splice baseline ${(spliceFull * 1000).toFixed(2)} µs (${(spliceFull / ringFull).toFixed(0)}× slower)`);
}
