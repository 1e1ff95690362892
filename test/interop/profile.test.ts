// Side by side with the AWS CLI (npm run test:interop; needs an `aws` on PATH or $AWS_CLI): the same
// profile files, environment, proxy and CA bundle, the same command against the simulator. A recording
// front shows which region and key signed each request, a proxy on 127.0.0.1 counts what it relays.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, runCli, type CliRun } from '../support/cliProcess.js';
import { closedPort, startCountingProxy, startHttpsFront, startRecordingFront, type CountingProxy, type RecordingFront } from '../support/httpFronts.js';
import { FAST_OU, startShareSimulator, type ShareSimulator } from '../support/shareSimulator.js';

const AWS = process.env.AWS_CLI ?? 'aws';
const CERT = fileURLToPath(new URL('../fixtures/tls/cert.pem', import.meta.url));
const KEY = fileURLToPath(new URL('../fixtures/tls/key.pem', import.meta.url));

let sims: ShareSimulator;
let front: RecordingFront;
let httpsFront: RecordingFront;
let proxy: CountingProxy;
let home: string;
let token: string;
let awsVersion: string;

/** The AWS CLI (asynchronously: the simulator runs in this process). */
function aws(args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(AWS, [...args, 'servicecatalog', 'describe-portfolio-share-status', '--portfolio-share-token', token], { env: { ...env, AWS_PAGER: '' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Ours, the same way: `status` against the same place. */
function ours(args: string[], env: Record<string, string>): Promise<CliRun> {
  return runCli(['status', token, ...args], env);
}

beforeAll(async () => {
  sims = await startShareSimulator();
  front = await startRecordingFront(sims.sim.endpoint);
  httpsFront = await startHttpsFront(sims.sim.endpoint, { cert: readFileSync(CERT, 'utf8'), key: readFileSync(KEY, 'utf8') });
  proxy = await startCountingProxy();
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-interop-'));
  writeFileSync(join(home, 'config'), `[profile sim]\nregion = eu-west-3\nendpoint_url = ${front.url}\n`);
  writeFileSync(join(home, 'credentials'), '[sim]\naws_access_key_id = AKIDPROFILESIM\naws_secret_access_key = secret\n');
  token = await sims.share(FAST_OU);
  awsVersion = await new Promise<string>((resolve, reject) =>
    execFile(AWS, ['--version'], (error, stdout, stderr) => {
      if (error) reject(new Error(`the AWS CLI (${AWS}) did not run: ${error.message}. Install it or set AWS_CLI; this test must not be skipped.`));
      else resolve(`${stdout}${stderr}`.trim());
    }),
  );
});

afterAll(async () => {
  await Promise.all([front.close(), httpsFront.close(), proxy.close()]);
  await sims.close();
  rmSync(home, { recursive: true, force: true });
});

function env(extra: Record<string, string | undefined> = {}): Record<string, string> {
  return cleanEnv(home, {
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_REGION: undefined,
    AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT',
    ...extra,
  });
}

/** The scopes the front recorded during `action`, without the date. */
async function scopesOf(action: () => Promise<CliRun>): Promise<{ run: CliRun; scopes: string[] }> {
  const before = front.scopes.length;
  const run = await action();
  return { run, scopes: front.scopes.slice(before).map((s) => s.replace(/\/\d{8}\//, '/DATE/')) };
}

/** endpoint_url in profiles came with AWS CLI 1.29 and 2.13. */
function readsEndpointUrl(version: string): boolean {
  const match = /aws-cli\/(\d+)\.(\d+)/.exec(version);
  const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
  return major === 1 ? minor >= 29 : major === 2 ? minor >= 13 : major > 2;
}

test('--profile NAME with --endpoint-url: both sign with the profile region and the profile keys', async () => {
  const theirs = await scopesOf(() => aws(['--profile', 'sim', '--endpoint-url', front.url], env()));
  const mine = await scopesOf(() => ours(['--profile', 'sim', '--endpoint-url', front.url], env()));
  expect(theirs.run.code).toBe(0);
  expect([0, 5]).toContain(mine.run.code);
  expect(mine.scopes).toEqual(theirs.scopes);
  expect(mine.scopes).toEqual(['AKIDPROFILESIM/DATE/eu-west-3/servicecatalog']);
});

test('AWS_PROFILE=NAME and keys in the environment: both sign with the environment keys', async () => {
  const theirs = await scopesOf(() => aws(['--endpoint-url', front.url], env({ AWS_PROFILE: 'sim' })));
  const mine = await scopesOf(() => ours(['--endpoint-url', front.url], env({ AWS_PROFILE: 'sim' })));
  expect(mine.scopes).toEqual(theirs.scopes);
  expect(mine.scopes).toEqual(['AKIDENVIRONMENT/DATE/eu-west-3/servicecatalog']);
});

test("the profile's endpoint_url: ours reaches it; so does the AWS CLI where its version reads it", async () => {
  const mine = await scopesOf(() => ours(['--profile', 'sim'], env()));
  expect(mine.scopes).toEqual(['AKIDPROFILESIM/DATE/eu-west-3/servicecatalog']);
  // An older AWS CLI goes to servicecatalog.eu-west-3.amazonaws.com instead: a proxy on a closed
  // local port keeps that request on this machine.
  const theirs = await scopesOf(async () => aws(['--profile', 'sim'], env({ HTTPS_PROXY: `http://127.0.0.1:${await closedPort()}` })));
  expect(theirs.scopes).toEqual(readsEndpointUrl(awsVersion) ? mine.scopes : []);
}, 60_000);

test('a missing profile: both name it in the same words', async () => {
  const theirs = await aws(['--profile', 'nope', '--endpoint-url', sims.sim.endpoint], env());
  const mine = await ours(['--profile', 'nope', '--endpoint-url', sims.sim.endpoint], env());
  expect(theirs.stderr).toContain('The config profile (nope) could not be found');
  expect(mine.stdout).toContain('The config profile (nope) could not be found');
  expect([theirs.code === 0, mine.code]).toEqual([false, 4]);
});

test('HTTP_PROXY for an http:// endpoint: both go through the proxy; NO_PROXY: neither does', async () => {
  for (const run of [aws, ours]) {
    const before = proxy.forwarded;
    const through = await run(['--endpoint-url', sims.sim.endpoint], env({ AWS_DEFAULT_REGION: 'us-east-1', AWS_PROFILE: undefined, HTTP_PROXY: proxy.url }));
    expect([0, 5]).toContain(through.code);
    expect(proxy.forwarded).toBeGreaterThan(before);
    const middle = proxy.forwarded;
    const bypass = await run(['--endpoint-url', sims.sim.endpoint], env({ AWS_DEFAULT_REGION: 'us-east-1', HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }));
    expect([0, 5]).toContain(bypass.code);
    expect(proxy.forwarded).toBe(middle);
  }
});

test('AWS_CA_BUNDLE through HTTPS_PROXY: both tunnel with CONNECT and trust the bundle; without it both refuse', async () => {
  for (const run of [aws, ours]) {
    const before = proxy.tunnels;
    const trusted = await run(['--endpoint-url', httpsFront.url], env({ AWS_DEFAULT_REGION: 'us-east-1', HTTPS_PROXY: proxy.url, AWS_CA_BUNDLE: CERT }));
    expect([0, 5]).toContain(trusted.code);
    expect(proxy.tunnels).toBeGreaterThan(before);
    const refused = await run(['--endpoint-url', httpsFront.url], env({ AWS_DEFAULT_REGION: 'us-east-1' }));
    expect([0, 5]).not.toContain(refused.code);
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/certificate/i);
  }
}, 60_000);
