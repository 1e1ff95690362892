// main() with a fake library: what the CLI makes of profiles, endpoints and credentials before any
// call, and how it words what goes wrong (one line, CLI flags). The real files, proxies and the
// simulator are in awsConfig.test.ts, httpAgents.test.ts and firstMinutes.test.ts.
import { ApiError, WaitTimeoutError } from '../../src/errors.js';
import { main } from '../../src/cli/main.js';
import type { JsonReport } from '../../src/cli/formatJson.js';
import { fakeIo, fakeLibrary, result } from './fakes.js';

const A = 'share-aaaaaaaaaaaaa';
const PROFILES = {
  sim: { region: 'eu-west-3', endpointUrl: 'http://127.0.0.1:4566' },
  bad: { region: 'eu-west-3', endpointUrl: 'not a url' },
};

async function run(argv: string[], env: Record<string, string>, answer: Parameters<typeof fakeLibrary>[0] = { [A]: result(A) }) {
  const io = fakeIo();
  const library = fakeLibrary(answer, undefined, PROFILES);
  const code = await main(argv, env, io, { library });
  return { code, out: io.out(), err: io.err(), library, config: library.waits[0]?.config.clientConfig ?? library.checks[0]?.config.clientConfig };
}

test("--profile: the profile's region and endpoint", async () => {
  const { code, config } = await run(['wait', A, '--profile', 'sim'], {});
  expect(code).toBe(0);
  expect(config).toMatchObject({ region: 'eu-west-3', endpoint: 'http://127.0.0.1:4566', profile: 'sim' });
  expect(config?.credentials).toBeUndefined();
});

test.each([
  [{ AWS_REGION: 'us-east-2' }, ['--region', 'ap-south-1'], 'ap-south-1', 'http://127.0.0.1:4566'],
  [{ AWS_REGION: 'us-east-2', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }, [], 'us-east-2', 'http://127.0.0.1:1'],
  [{}, ['--endpoint-url', 'http://127.0.0.1:2'], 'eu-west-3', 'http://127.0.0.1:2'],
  [{ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' }, [], 'eu-west-3', undefined],
  [{ AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, ['--endpoint-url', 'http://127.0.0.1:2'], 'eu-west-3', 'http://127.0.0.1:2'],
])('flags and environment %j %j win over the profile: region %s, endpoint %s', async (env, flags, region, endpoint) => {
  const { config } = await run(['wait', A, '--profile', 'sim', ...flags], env);
  expect(config?.region).toBe(region);
  expect(config?.endpoint).toBe(endpoint);
});

test("AWS_PROFILE with the environment's keys: the keys sign (as in the AWS CLI), the profile gives region and endpoint", async () => {
  const { config } = await run(['wait', A], { AWS_PROFILE: 'sim', AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' });
  expect(config).toMatchObject({ region: 'eu-west-3', endpoint: 'http://127.0.0.1:4566' });
  expect(config?.credentials).toEqual({ accessKeyId: 'AKIDENV', secretAccessKey: 'secret', sessionToken: 'token' });
  expect(config?.profile).toBeUndefined();
});

test('--profile with the environment keys: the profile signs (no credentials passed, the SDK reads the profile)', async () => {
  const { config } = await run(['wait', A, '--profile', 'sim'], { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 'secret' });
  expect(config?.credentials).toBeUndefined();
  expect(config?.profile).toBe('sim');
});

test.each([
  [['--profile', 'nope'], {}],
  [[], { AWS_PROFILE: 'nope', AWS_REGION: 'us-east-1' }],
])('a missing profile (%j %j): one line, exit 4, no call', async (flags, env) => {
  const { code, out, err, library } = await run(['wait', A, ...flags], env);
  expect({ code, out, err }).toEqual({
    code: 4,
    out: `${A}: API error ProfileNotFound: The config profile (nope) could not be found; check --profile or AWS_PROFILE, and ~/.aws/config or AWS_CONFIG_FILE\n`,
    err: '',
  });
  expect(library.waits).toEqual([]);
});

test("a profile's endpoint_url that is no URL: one line, exit 4, no call", async () => {
  const { code, out, library } = await run(['wait', A, '--profile', 'bad'], {});
  expect(code).toBe(4);
  expect(out).toBe(`${A}: API error InvalidEndpointUrl: the endpoint_url of profile bad must be an http:// or https:// URL, got 'not a url'\n`);
  expect(library.waits).toEqual([]);
});

test('a connection failure: one line in the text report, the JSON message names the CLI flags', async () => {
  const refused = new ApiError('DescribePortfolioShareStatus failed …; check the endpoint (clientConfig.endpoint or AWS_ENDPOINT_URL)', {
    token: A,
    serviceErrorName: 'Error',
    serviceMessage: 'connect ECONNREFUSED 127.0.0.1:1',
    attempts: 1,
    elapsedSeconds: 3,
  });
  const text = await run(['wait', A], { AWS_REGION: 'us-east-1' }, { [A]: refused });
  expect(text.out).toBe(
    `${A}: could not connect to the endpoint URL (connect ECONNREFUSED 127.0.0.1:1); check --endpoint-url (or AWS_ENDPOINT_URL), --region and the network\n`,
  );
  const json = await run(['wait', A, '--output', 'json'], { AWS_REGION: 'us-east-1' }, { [A]: refused });
  const report = JSON.parse(json.out) as JsonReport;
  expect(report.results[0]?.error?.message).toBe(
    'DescribePortfolioShareStatus could not connect to the endpoint URL (connect ECONNREFUSED 127.0.0.1:1); check --endpoint-url (or AWS_ENDPOINT_URL), --region and the network',
  );
});

test('a timeout: the JSON message says --timeout, never maxWaitTime', async () => {
  const timeout = new WaitTimeoutError('… raise maxWaitTime or check the share again later.', { token: A, lastStatus: 'IN_PROGRESS', attempts: 9, elapsedSeconds: 600 });
  const { code, out } = await run(['wait', A, '--output', 'json'], { AWS_REGION: 'us-east-1' }, { [A]: timeout });
  expect(code).toBe(3);
  const message = (JSON.parse(out) as JsonReport).results[0]?.error?.message;
  expect(message).toBe(
    `Gave up waiting for portfolio share ${A} after 600 s and 9 check(s), and its last status was IN_PROGRESS; raise --timeout, or check again later with: portfolio-share status ${A}.`,
  );
  expect(out).not.toContain('maxWaitTime');
});

test.each([
  ['COMPLETED', 0],
  ['IN_PROGRESS', 5],
  ['NOT_STARTED', 5],
  ['ERROR', 1],
] as const)('status --quiet: only the status word %s, exit %d', async (status, exitCode) => {
  const { code, out, err } = await run(['status', A, '--quiet'], { AWS_REGION: 'us-east-1' }, { [A]: result(A, { status }) });
  expect({ code, out, err }).toEqual({ code: exitCode, out: `${status}\n`, err: '' });
});
