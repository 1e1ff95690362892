// The simulator bin's main(), in process with fake io (test/simulator/process/bin.test.ts runs the bin itself).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main, USAGE } from '../../src/simulator/main.js';

function fakeIo(stop: Promise<string> = new Promise(() => {})) {
  let stdout = '';
  let stderr = '';
  const logs: Array<Record<string, unknown>> = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return {
    io: { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, logStream, stopSignal: stop },
    out: () => stdout,
    err: () => stderr,
    logs,
  };
}

test('--help prints the usage and exits 0', async () => {
  const f = fakeIo();
  expect(await main(['--help'], f.io)).toBe(0);
  expect(f.out()).toBe(USAGE);
});

test('a bad argument: one line, the usage, exit 2', async () => {
  const f = fakeIo();
  expect(await main(['--port', 'x'], f.io)).toBe(2);
  expect(f.err()).toBe(`portfolio-share-simulator: --port must be an integer from 0 to 65535, got "x"\n\n${USAGE}`);
});

test('starts, prints its endpoint, answers, and stops on the signal with exit 0', async () => {
  let stop: (signal: string) => void = () => {};
  const f = fakeIo(new Promise((resolve) => (stop = resolve)));
  const running = main(['--manual-clock', '--log-level', 'info'], f.io);
  while (f.out() === '') await new Promise((r) => setTimeout(r, 5));
  const endpoint = f.out().trim();
  expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const answer = await fetch(`${endpoint}/_simulator/clock`);
  expect(answer.ok).toBe(true);
  stop('SIGTERM');
  expect(await running).toBe(0);
  expect(f.logs).toContainEqual(expect.objectContaining({ signal: 'SIGTERM', msg: 'stopping' }));
});

test('a bad scenario file is a usage error (exit 2); a port already taken cannot start (exit 1)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'sim-main-'));
  const path = join(dir, 'bad.json');
  await writeFile(path, '{"organization": 1}');
  const bad = fakeIo();
  expect(await main(['--scenario', path], bad.io)).toBe(2);
  expect(bad.err()).toMatch(/^portfolio-share-simulator: .+\n$/);

  let stop: (signal: string) => void = () => {};
  const first = fakeIo(new Promise((resolve) => (stop = resolve)));
  const running = main([], first.io);
  while (first.out() === '') await new Promise((r) => setTimeout(r, 5));
  const port = new URL(first.out().trim()).port;
  const taken = fakeIo();
  expect(await main(['--port', port], taken.io)).toBe(1);
  expect(taken.err()).toMatch(/^portfolio-share-simulator: could not start: .*EADDRINUSE/);
  stop('SIGINT');
  expect(await running).toBe(0);
});
