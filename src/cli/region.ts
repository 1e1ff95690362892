import { ServiceCatalogClient } from '@aws-sdk/client-service-catalog';

/**
 * The region the AWS SDK finds for `profile` (or `$AWS_PROFILE`) in the shared config files, or
 * undefined. A module of its own, imported on first use, so the SDK loads only when it is needed
 * (a static import here also survives bundling, where a dynamic import of the CommonJS SDK does not).
 */
export async function resolveRegion(profile: string | undefined): Promise<string | undefined> {
  const client = new ServiceCatalogClient(profile === undefined ? {} : { profile });
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
