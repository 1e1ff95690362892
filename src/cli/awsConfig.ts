import type { CliEnv } from './io.js';
import type { CliLibrary } from './library.js';
import type { CommonOptions } from './options.js';

/** What the CLI passes as the waiter's `clientConfig`; credentials come from the SDK's default chain. */
export interface CliClientConfig {
  region?: string | undefined;
  endpoint?: string | undefined;
  profile?: string | undefined;
  /** Only when `$AWS_PROFILE` and the environment's keys are both set: the AWS CLI takes the keys. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined } | undefined;
  /** Timeouts and the run's proxy- and CA-aware agents (set by `run`). */
  requestHandler?: Record<string, unknown> | undefined;
}

/** A configuration problem found before any call: reported like an API error (exit 4), one line. */
export interface ConfigProblem {
  name: 'MissingRegion' | 'ProfileNotFound' | 'InvalidEndpointUrl' | 'CaBundleUnreadable';
  message: string;
}

export type AwsSetup = { clientConfig: CliClientConfig; caBundle?: string | undefined } | { problem: ConfigProblem };

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function isTrue(value: string | undefined): boolean {
  return value?.trim().toLowerCase() === 'true';
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export const MISSING_REGION_MESSAGE =
  "no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set 'region' in your AWS profile";

/**
 * The client config the AWS CLI would use, each setting from the first place that has it:
 * - region: `--region`, `$AWS_REGION`, `$AWS_DEFAULT_REGION`, the profile's `region`;
 * - endpoint: `--endpoint-url`, `$AWS_ENDPOINT_URL_SERVICE_CATALOG`, `$AWS_ENDPOINT_URL` (resolved while
 *   parsing), the profile's `services` section (`service_catalog.endpoint_url`), its `endpoint_url`;
 *   all but the flag are off under `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` or the profile's
 *   `ignore_configured_endpoint_urls = true`;
 * - profile: `--profile`, `$AWS_PROFILE`, `default`; a named profile that is in neither file is an error,
 *   as in the AWS CLI;
 * - CA bundle: `$AWS_CA_BUNDLE`, the profile's `ca_bundle` (the path; `run` reads it).
 */
export async function resolveAwsSetup(options: CommonOptions, env: CliEnv, library: CliLibrary): Promise<AwsSetup> {
  const profile = await library.loadProfile(options.profile, env);
  if (!profile.found) {
    return {
      problem: {
        name: 'ProfileNotFound',
        message: `The config profile (${profile.name}) could not be found; check --profile or AWS_PROFILE, and ~/.aws/config or AWS_CONFIG_FILE`,
      },
    };
  }
  const config: CliClientConfig = {};
  const region = options.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION) ?? profile.region;
  if (region === undefined) return { problem: { name: 'MissingRegion', message: MISSING_REGION_MESSAGE } };
  config.region = region;

  const ignoreConfigured = isTrue(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) || profile.ignoreConfiguredEndpointUrls;
  const endpoint = options.endpointUrl ?? (ignoreConfigured ? undefined : profile.endpointUrl);
  if (endpoint !== undefined && !isHttpUrl(endpoint)) {
    return {
      problem: { name: 'InvalidEndpointUrl', message: `the endpoint_url of profile ${profile.name} must be an http:// or https:// URL, got '${endpoint}'` },
    };
  }
  if (endpoint !== undefined) config.endpoint = endpoint;

  if (options.profile !== undefined) config.profile = options.profile;
  else if (nonEmpty(env.AWS_PROFILE) !== undefined) {
    const accessKeyId = nonEmpty(env.AWS_ACCESS_KEY_ID);
    const secretAccessKey = nonEmpty(env.AWS_SECRET_ACCESS_KEY);
    // The SDK would prefer the profile here (and warn); the AWS CLI takes the environment's keys.
    if (accessKeyId !== undefined && secretAccessKey !== undefined) {
      config.credentials = { accessKeyId, secretAccessKey, sessionToken: nonEmpty(env.AWS_SESSION_TOKEN) };
    }
  }
  return { clientConfig: config, caBundle: nonEmpty(env.AWS_CA_BUNDLE) ?? profile.caBundle };
}

/** A run's client config with its agents (`close()` them when the run is over), or the problem. */
export type PreparedAws = { problem: ConfigProblem } | { clientConfig: CliClientConfig; close: () => void };

/**
 * `resolveAwsSetup`, then read the CA bundle and make the run's agents (proxies, CA). The agents'
 * module is imported here, on the way to the first call, never for `--help`.
 */
export async function prepareAws(options: CommonOptions, env: CliEnv, library: CliLibrary): Promise<PreparedAws> {
  const setup = await resolveAwsSetup(options, env, library);
  if ('problem' in setup) return setup;
  let ca: string | undefined;
  if (setup.caBundle !== undefined) {
    const { readFile } = await import('node:fs/promises');
    try {
      ca = await readFile(setup.caBundle, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        problem: { name: 'CaBundleUnreadable', message: `could not read the CA bundle (AWS_CA_BUNDLE or the profile's ca_bundle): ${reason}` },
      };
    }
  }
  const { createCliAgents, cliRequestHandler } = await import('./httpAgents.js');
  const agents = createCliAgents(ca);
  return { clientConfig: { ...setup.clientConfig, requestHandler: cliRequestHandler(agents) }, close: agents.close };
}
