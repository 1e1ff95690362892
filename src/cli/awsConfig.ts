import type { CliEnv } from './io.js';
import type { CommonOptions } from './options.js';

/** What the CLI passes as the waiter's `clientConfig`; credentials come from the SDK's default chain. */
export interface CliClientConfig {
  region?: string | undefined;
  endpoint?: string | undefined;
  profile?: string | undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * The client config the AWS CLI would use: `--region`, else `$AWS_REGION`, else `$AWS_DEFAULT_REGION`
 * (the profile's region is looked up later, only when none of these is set); `--endpoint-url`, else
 * `$AWS_ENDPOINT_URL_SERVICE_CATALOG`, else `$AWS_ENDPOINT_URL` (resolved while parsing); `--profile`
 * (the SDK reads `$AWS_PROFILE` itself, with the same precedence over environment keys as the AWS CLI).
 */
export function clientConfigFrom(options: CommonOptions, env: CliEnv): CliClientConfig {
  const config: CliClientConfig = {};
  const region = options.region ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  if (region !== undefined) config.region = region;
  if (options.endpointUrl !== undefined) config.endpoint = options.endpointUrl;
  if (options.profile !== undefined) config.profile = options.profile;
  return config;
}

export const MISSING_REGION_MESSAGE =
  "no AWS region: pass --region, set AWS_REGION or AWS_DEFAULT_REGION, or set 'region' in your AWS profile";
