import { loadSharedConfigFiles } from '@smithy/core/config';
import type { CliEnv } from './io.js';

/** What the CLI takes from the shared config files for one profile. */
export interface ProfileSettings {
  /** The profile's name: `--profile`, else `$AWS_PROFILE`, else `default`. */
  name: string;
  /**
   * False when neither the config file nor the credentials file has the profile. A missing `default`
   * is not an error (the AWS CLI does not complain about it either).
   */
  found: boolean;
  region?: string | undefined;
  /** The `services` section's `service_catalog.endpoint_url`, else the profile's `endpoint_url`. */
  endpointUrl?: string | undefined;
  /** `ignore_configured_endpoint_urls = true` in the profile. */
  ignoreConfiguredEndpointUrls: boolean;
  /** The profile's `ca_bundle`. */
  caBundle?: string | undefined;
}

/** The AWS CLI's and the SDKs' key for Service Catalog in a `services` section (its service id, snake case). */
const SERVICE_KEY = 'service_catalog';

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/**
 * Read a profile with the SDK's own loader (the same files, parser and `~` expansion its credential
 * chain uses): `$AWS_CONFIG_FILE` / `$AWS_SHARED_CREDENTIALS_FILE` from `env`, else `~/.aws/config` and
 * `~/.aws/credentials`. The SDK resolves `endpoint_url` only for `$AWS_PROFILE`, never for the
 * client's `profile` option, so the CLI reads it here and passes it as the endpoint.
 */
export async function loadProfile(profile: string | undefined, env: CliEnv): Promise<ProfileSettings> {
  const name = profile ?? nonEmpty(env.AWS_PROFILE) ?? 'default';
  const { configFile, credentialsFile } = await loadSharedConfigFiles({
    ...(nonEmpty(env.AWS_CONFIG_FILE) !== undefined && { configFilepath: nonEmpty(env.AWS_CONFIG_FILE) }),
    ...(nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE) !== undefined && { filepath: nonEmpty(env.AWS_SHARED_CREDENTIALS_FILE) }),
    ignoreCache: true,
  });
  const section = configFile[name];
  const found = section !== undefined || credentialsFile[name] !== undefined || name === 'default';
  const settings = section ?? {};
  const servicesName = nonEmpty(settings.services);
  const services = servicesName !== undefined ? configFile[`services.${servicesName}`] : undefined;
  return {
    name,
    found,
    region: nonEmpty(settings.region),
    endpointUrl: nonEmpty(services?.[`${SERVICE_KEY}.endpoint_url`]) ?? nonEmpty(settings.endpoint_url),
    ignoreConfiguredEndpointUrls: nonEmpty(settings.ignore_configured_endpoint_urls)?.toLowerCase() === 'true',
    caBundle: nonEmpty(settings.ca_bundle),
  };
}
