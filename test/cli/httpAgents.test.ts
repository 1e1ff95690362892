// Proxies and the CA bundle as the AWS CLI honours them, through the built CLI: a proxy on 127.0.0.1
// that counts what it relays, and an HTTPS front of the simulator with a test certificate.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCliAgents } from '../../src/cli/httpAgents.js';
import { cleanEnv, runCli, type CliRun } from '../support/cliProcess.js';
import { startCountingProxy, startHttpsFront, type CountingProxy, type RecordingFront } from '../support/httpFronts.js';
import { FAST_OU, startShareSimulator, type ShareSimulator } from '../support/shareSimulator.js';

const CERT = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url));
const KEY = fileURLToPath(new URL('../fixtures/tls/key.pem', import.meta.url));

let sims: ShareSimulator;
let proxy: CountingProxy;
let httpsFront: RecordingFront;
let home: string;
let token: string;

beforeAll(async () => {
  sims = await startShareSimulator();
  proxy = await startCountingProxy();
  httpsFront = await startHttpsFront(sims.sim.endpoint, { cert: readFileSync(CERT, 'utf8'), key: readFileSync(KEY, 'utf8') });
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-proxy-'));
  token = await sims.share(FAST_OU);
});

afterAll(async () => {
  await httpsFront.close();
  await proxy.close();
  await sims.close();
  rmSync(home, { recursive: true, force: true });
});

function counts(): { forwarded: number; tunnels: number; viaHttps: number } {
  return { forwarded: proxy.forwarded, tunnels: proxy.tunnels, viaHttps: httpsFront.scopes.length };
}

/** Run `status` and give back what the proxy and the HTTPS front saw meanwhile. */
async function status(endpoint: string, extra: Record<string, string | undefined>): Promise<{ run: CliRun; seen: ReturnType<typeof counts> }> {
  const before = counts();
  const run = await runCli(['status', token, '--endpoint-url', endpoint, '--quiet'], cleanEnv(home, extra));
  const after = counts();
  return {
    run,
    seen: { forwarded: after.forwarded - before.forwarded, tunnels: after.tunnels - before.tunnels, viaHttps: after.viaHttps - before.viaHttps },
  };
}

const answered = { stdout: expect.stringMatching(/^(NOT_STARTED|IN_PROGRESS|COMPLETED)\n$/), stderr: '' };

test.each(['HTTP_PROXY', 'http_proxy'])('%s: an http:// endpoint is reached through the proxy', async (name) => {
  const { run, seen } = await status(sims.sim.endpoint, { [name]: proxy.url });
  expect(run).toMatchObject(answered);
  expect(seen.forwarded).toBeGreaterThan(0);
  expect(seen.tunnels).toBe(0);
});

test.each(['NO_PROXY', 'no_proxy'])('%s=127.0.0.1: the proxy is bypassed', async (name) => {
  const { run, seen } = await status(sims.sim.endpoint, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, [name]: '127.0.0.1' });
  expect(run).toMatchObject(answered);
  expect(seen).toEqual({ forwarded: 0, tunnels: 0, viaHttps: 0 });
});

test('HTTPS_PROXY alone does not apply to an http:// endpoint (as for the AWS CLI)', async () => {
  const { run, seen } = await status(sims.sim.endpoint, { HTTPS_PROXY: proxy.url });
  expect(run).toMatchObject(answered);
  expect(seen).toEqual({ forwarded: 0, tunnels: 0, viaHttps: 0 });
});

test('AWS_CA_BUNDLE: an https:// endpoint with a certificate of that bundle is trusted', async () => {
  const { run, seen } = await status(httpsFront.url, { AWS_CA_BUNDLE: CERT });
  expect(run).toMatchObject(answered);
  expect(seen.viaHttps).toBe(1);
});

test("the profile's ca_bundle works like AWS_CA_BUNDLE", async () => {
  writeFileSync(join(home, 'config'), `[profile tls]\nca_bundle = ${CERT}\n`);
  const { run, seen } = await status(httpsFront.url, { AWS_PROFILE: 'tls', AWS_CONFIG_FILE: join(home, 'config') });
  expect(run).toMatchObject(answered);
  expect(seen.viaHttps).toBe(1);
});

test('without the bundle the certificate is refused: exit 4, one line', async () => {
  const { run, seen } = await status(httpsFront.url, {});
  expect(run).toMatchObject({ code: 4, stdout: '' });
  expect(run.stderr).toMatch(/^share-\w+: API error \w+: .*certificate.*\n$/);
  expect(seen.viaHttps).toBe(0);
});

test('an unreadable AWS_CA_BUNDLE: exit 4, one line, nothing called', async () => {
  const missing = join(home, 'missing.pem');
  const { run, seen } = await status(httpsFront.url, { AWS_CA_BUNDLE: missing });
  expect(run).toEqual({
    code: 4,
    stdout: '',
    stderr: `${token}: API error CaBundleUnreadable: could not read the CA bundle (AWS_CA_BUNDLE or the profile's ca_bundle): ENOENT: no such file or directory, open '${missing}'\n`,
  });
  expect(seen.viaHttps).toBe(0);
});

test('HTTPS_PROXY with AWS_CA_BUNDLE: a CONNECT tunnel through the proxy, the endpoint verified with the bundle', async () => {
  const { run, seen } = await status(httpsFront.url, { HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: CERT });
  expect(run).toMatchObject(answered);
  expect(seen).toEqual({ forwarded: 0, tunnels: 1, viaHttps: 1 });
});

test("the run's agents outlive a client's destroy() (another wait still uses them) and close() ends their sockets", async () => {
  const open = new Set<Socket>();
  const server = createServer((_req, res) => res.end('ok'));
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agents = createCliAgents(undefined);
  const get = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent: agents.httpAgent }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
  try {
    expect(await get()).toBe('ok');
    agents.httpAgent.destroy(); // what NodeHttpHandler.destroy() does when one wait's client is released
    expect(await get()).toBe('ok');
    expect(open.size).toBe(1); // kept alive and reused
    agents.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open.size).toBe(0);
  } finally {
    agents.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
