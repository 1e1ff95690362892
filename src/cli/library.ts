import type { PoolStats, PoolWaitOptions, SharePoolOptions } from '../pool/types.js';
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
  /** Optional: start loading what `command` will call, so it loads while other start-up work runs. */
  preload?(command: 'wait' | 'status'): Promise<unknown>;
  /** A share pool (src/pool): `wait` with several tokens waits through one, under one call budget. */
  createSharePool(options: SharePoolOptions): Promise<CliSharePool>;
}

/** The part of a SharePool the CLI uses. */
export interface CliSharePool {
  wait(token: string, options?: PoolWaitOptions): Promise<PortfolioShareResult>;
  stats(): PoolStats;
  close(): void;
}

export const defaultLibrary: CliLibrary = {
  preload(command) {
    return command === 'status' ? import('../getPortfolioShareStatus.js') : import('../waitUntilPortfolioShareComplete.js');
  },
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
  async createSharePool(options) {
    const { createSharePool } = await import('../pool/sharePool.js');
    return createSharePool(options);
  },
};
