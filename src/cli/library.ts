import type {
  PortfolioShareInput,
  PortfolioShareResult,
  StatusCheckConfiguration,
  WaiterConfiguration,
} from '../types.js';
import type { CliEnv } from './io.js';
import type { ProfileSettings } from './profile.js';

/**
 * The library functions the CLI calls, injectable so `main` can be tested without AWS. The default
 * imports each one only when it is called: `--help` and usage errors never load the AWS SDK.
 */
export interface CliLibrary {
  waitUntilPortfolioShareComplete(config: WaiterConfiguration, input: PortfolioShareInput): Promise<PortfolioShareResult>;
  getPortfolioShareStatus(config: StatusCheckConfiguration, input: PortfolioShareInput): Promise<PortfolioShareResult>;
  /**
   * The profile `profile` (else `$AWS_PROFILE`, else `default`) as the shared config files define it:
   * whether it exists, its region, endpoint URL and CA bundle. Read with the AWS SDK's own loader.
   */
  loadProfile(profile: string | undefined, env: CliEnv): Promise<ProfileSettings>;
}

export const defaultLibrary: CliLibrary = {
  async waitUntilPortfolioShareComplete(config, input) {
    const { waitUntilPortfolioShareComplete } = await import('../waitUntilPortfolioShareComplete.js');
    return waitUntilPortfolioShareComplete(config, input);
  },
  async getPortfolioShareStatus(config, input) {
    const { getPortfolioShareStatus } = await import('../getPortfolioShareStatus.js');
    return getPortfolioShareStatus(config, input);
  },
  async loadProfile(profile, env) {
    const { loadProfile } = await import('./profile.js');
    return loadProfile(profile, env);
  },
};
