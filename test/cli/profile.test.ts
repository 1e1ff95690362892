// Reading a profile with the SDK's loader: which profile, whether it exists, and what the CLI takes from it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '../../src/cli/profile.js';

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'portfolio-share-ini-'));
  writeFileSync(
    join(dir, 'config'),
    [
      '[default]',
      'region = eu-north-1',
      '[profile full]',
      'region = eu-west-3',
      'endpoint_url = http://127.0.0.1:4566',
      'ca_bundle = /etc/ssl/corp.pem',
      '[profile svc]',
      'services = local',
      'endpoint_url = http://127.0.0.1:1111',
      '[profile ignoring]',
      'endpoint_url = http://127.0.0.1:2222',
      'ignore_configured_endpoint_urls = TRUE',
      '[services local]',
      's3 =',
      '  endpoint_url = http://127.0.0.1:3333',
      'service_catalog =',
      '  endpoint_url = http://127.0.0.1:4444',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'credentials'), '[keys-only]\naws_access_key_id = AKID\naws_secret_access_key = secret\n');
  env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a profile of the config file: region, endpoint_url, ca_bundle', async () => {
  expect(await loadProfile('full', env)).toEqual({
    name: 'full',
    found: true,
    region: 'eu-west-3',
    endpointUrl: 'http://127.0.0.1:4566',
    ignoreConfiguredEndpointUrls: false,
    caBundle: '/etc/ssl/corp.pem',
  });
});

test("the services section's service_catalog endpoint_url wins over the profile's", async () => {
  expect(await loadProfile('svc', env)).toMatchObject({ found: true, endpointUrl: 'http://127.0.0.1:4444' });
});

test('ignore_configured_endpoint_urls is read (case-insensitively)', async () => {
  expect(await loadProfile('ignoring', env)).toMatchObject({ ignoreConfiguredEndpointUrls: true, endpointUrl: 'http://127.0.0.1:2222' });
});

test('a profile only in the credentials file exists, without region or endpoint', async () => {
  expect(await loadProfile('keys-only', env)).toEqual({ name: 'keys-only', found: true, region: undefined, endpointUrl: undefined, ignoreConfiguredEndpointUrls: false, caBundle: undefined });
});

test('a named profile in neither file is not found; a missing default is fine', async () => {
  expect(await loadProfile('nope', env)).toMatchObject({ name: 'nope', found: false });
  const empty = { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') };
  expect(await loadProfile(undefined, empty)).toMatchObject({ name: 'default', found: true, region: undefined });
});

test('which profile: --profile, else AWS_PROFILE, else default', async () => {
  expect(await loadProfile(undefined, env)).toMatchObject({ name: 'default', region: 'eu-north-1' });
  expect(await loadProfile(undefined, { ...env, AWS_PROFILE: 'full' })).toMatchObject({ name: 'full', region: 'eu-west-3' });
  expect(await loadProfile('svc', { ...env, AWS_PROFILE: 'full' })).toMatchObject({ name: 'svc' });
});

test('the files are read again on each call (a long-lived process sees edits)', async () => {
  const path = join(dir, 'changing');
  writeFileSync(path, '[profile x]\nregion = us-east-2\n');
  expect(await loadProfile('x', { AWS_CONFIG_FILE: path })).toMatchObject({ region: 'us-east-2' });
  writeFileSync(path, '[profile x]\nregion = us-west-2\n');
  expect(await loadProfile('x', { AWS_CONFIG_FILE: path })).toMatchObject({ region: 'us-west-2' });
});
