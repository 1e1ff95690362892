// Profiles as the AWS CLI reads them, through the built CLI against the simulator: region, endpoint_url,
// the services section, credentials precedence, and a missing profile. A recording front between the
// CLI and the simulator shows which region and access key signed each request.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnv, runCli, type CliRun } from '../support/cliProcess.js';
import { closedPort, startRecordingFront, type RecordingFront } from '../support/httpFronts.js';
import { FAST_OU, startShareSimulator, type ShareSimulator } from '../support/shareSimulator.js';

let sims: ShareSimulator;
let front: RecordingFront;
let home: string;

beforeAll(async () => {
  sims = await startShareSimulator();
  front = await startRecordingFront(sims.sim.endpoint);
  home = mkdtempSync(join(tmpdir(), 'portfolio-share-profile-'));
  writeFileSync(
    join(home, 'config'),
    [
      '[default]',
      'region = ap-south-1',
      '[profile sim]',
      'region = eu-west-3',
      `endpoint_url = ${front.url}`,
      '[profile svc]',
      'region = ca-central-1',
      'services = local',
      'endpoint_url = http://127.0.0.1:9',
      '[services local]',
      'service_catalog =',
      `  endpoint_url = ${front.url}`,
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(home, 'credentials'),
    ['[sim]', 'aws_access_key_id = AKIDPROFILESIM', 'aws_secret_access_key = secret', '[svc]', 'aws_access_key_id = AKIDPROFILESVC', 'aws_secret_access_key = secret', ''].join('\n'),
  );
});

afterAll(async () => {
  await front.close();
  await sims.close();
  rmSync(home, { recursive: true, force: true });
});

beforeEach(() => {
  front.scopes.length = 0;
});

/** Files in `home`, keys in the environment (as in most CI jobs), no region. */
function env(extra: Record<string, string | undefined> = {}): Record<string, string> {
  return cleanEnv(home, {
    AWS_CONFIG_FILE: join(home, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_REGION: undefined,
    AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT',
    ...extra,
  });
}

/** The share answered (a status check right after the share is made may still see it running: exit 5). */
function expectAnswered(run: CliRun, token: string): void {
  expect(run.stderr).toBe('');
  expect(run.stdout).toMatch(new RegExp(`^${token}: (NOT_STARTED|IN_PROGRESS|COMPLETED)`));
  expect([0, 5]).toContain(run.code);
}

function dateless(scope: string | undefined): string {
  return (scope ?? '').replace(/\/\d{8}\//, '/DATE/');
}

test("--profile NAME: that profile's region, endpoint_url and keys (over the environment's keys), no SDK warning", async () => {
  const token = await sims.share(FAST_OU);
  expectAnswered(await runCli(['status', token, '--profile', 'sim'], env()), token);
  expect(front.scopes.map(dateless)).toEqual(['AKIDPROFILESIM/DATE/eu-west-3/servicecatalog']);
});

test("AWS_PROFILE=NAME: the profile's region and endpoint_url, the environment's keys (as the AWS CLI), no SDK warning", async () => {
  const token = await sims.share(FAST_OU);
  expectAnswered(await runCli(['status', token], env({ AWS_PROFILE: 'sim' })), token);
  expect(front.scopes.map(dateless)).toEqual(['AKIDENVIRONMENT/DATE/eu-west-3/servicecatalog']);
});

test('the services section names the Service Catalog endpoint, over the profile-wide endpoint_url', async () => {
  const token = await sims.share(FAST_OU);
  expectAnswered(await runCli(['status', token, '--profile', 'svc'], env()), token);
  expect(front.scopes.map(dateless)).toEqual(['AKIDPROFILESVC/DATE/ca-central-1/servicecatalog']);
});

test('--region, AWS_ENDPOINT_URL_SERVICE_CATALOG and --endpoint-url win over the profile', async () => {
  const token = await sims.share(FAST_OU);
  expectAnswered(await runCli(['status', token, '--profile', 'sim', '--region', 'us-west-1'], env({ AWS_ENDPOINT_URL_SERVICE_CATALOG: sims.sim.endpoint })), token);
  expectAnswered(await runCli(['status', token, '--profile', 'sim', '--endpoint-url', sims.sim.endpoint], env()), token);
  expect(front.scopes).toEqual([]);
});

test('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true: the profile endpoint is not used', async () => {
  // Without it the CLI goes to https://servicecatalog.eu-west-3.amazonaws.com, which no test may reach:
  // a proxy on a closed port of 127.0.0.1 makes that fail here, before any name is looked up.
  const proxy = `http://127.0.0.1:${await closedPort()}`;
  const run = await runCli(['status', 'share-abcdefghijkl', '--profile', 'sim', '--quiet'], env({ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', HTTPS_PROXY: proxy }));
  expect(front.scopes).toEqual([]);
  expect(run).toMatchObject({ code: 4, stdout: '' });
  expect(run.stderr).toContain('could not connect to the endpoint URL');
}, 20_000);

test.each([
  ['--profile nope', ['--profile', 'nope'], {}],
  ['AWS_PROFILE=nope, keys in the environment', [], { AWS_PROFILE: 'nope' }],
])('%s: one line naming the missing profile, exit 4, nothing called', async (_name, flags, extra) => {
  const before = sims.sim.requests().length;
  const run = await runCli(['wait', 'share-abcdefghijkl', ...flags, '--endpoint-url', sims.sim.endpoint], env(extra));
  expect(run).toEqual({
    code: 4,
    stdout:
      'share-abcdefghijkl: API error ProfileNotFound: The config profile (nope) could not be found; check --profile or AWS_PROFILE, and ~/.aws/config or AWS_CONFIG_FILE\n',
    stderr: '',
  });
  expect(sims.sim.requests().length).toBe(before);
});

test("a missing default profile is no error: the environment's region and keys do", async () => {
  const token = await sims.share(FAST_OU);
  expectAnswered(await runCli(['status', token, '--endpoint-url', sims.sim.endpoint], cleanEnv(home)), token);
});
