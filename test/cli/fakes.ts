import type { CliIo, CliSignal } from '../../src/cli/io.js';
import type { CliLibrary } from '../../src/cli/library.js';
import type { ProfileSettings } from '../../src/cli/profile.js';
import type { SharePoolOptions } from '../../src/pool/types.js';
import type { PortfolioShareInput, PortfolioShareResult, StatusCheckConfiguration, WaiterConfiguration } from '../../src/types.js';

export interface FakeIo extends CliIo {
  out(): string;
  err(): string;
  files: Map<string, string>;
  /** Deliver a signal to the handler main registered (if any). */
  signal(name: CliSignal): void;
}

export function fakeIo(options: { stdoutTTY?: boolean; stderrTTY?: boolean } = {}): FakeIo {
  let out = '';
  let err = '';
  const files = new Map<string, string>();
  let handler: ((signal: CliSignal) => void) | undefined;
  return {
    stdout: { write: (s: string) => (out += s), isTTY: options.stdoutTTY ?? false },
    stderr: { write: (s: string) => (err += s), isTTY: options.stderrTTY ?? false, columns: 200 },
    onSignal(h) {
      handler = h;
      return () => {
        handler = undefined;
      };
    },
    appendFile: async (path, data) => {
      files.set(path, (files.get(path) ?? '') + data);
    },
    now: () => 0,
    out: () => out,
    err: () => err,
    files,
    signal(name) {
      handler?.(name);
    },
  };
}

export type Answer = PortfolioShareResult | Error | ((config: WaiterConfiguration) => Promise<PortfolioShareResult>);

export interface FakeLibrary extends CliLibrary {
  waits: Array<{ config: WaiterConfiguration; input: PortfolioShareInput }>;
  checks: Array<{ config: StatusCheckConfiguration; input: PortfolioShareInput }>;
  /** The profile names `loadProfile` was asked for (undefined: none given). */
  profileLookups: Array<string | undefined>;
  /** Options of every pool created (a `wait` with several tokens). */
  pools: SharePoolOptions[];
  /** Any call at all (wait, status, profile lookup). */
  calls(): number;
}

/** A library whose answers are given per token; records every call. */
export function fakeLibrary(answers: Record<string, Answer> = {}, region?: string, profiles?: Record<string, Partial<ProfileSettings>>): FakeLibrary {
  const waits: FakeLibrary['waits'] = [];
  const checks: FakeLibrary['checks'] = [];
  const profileLookups: Array<string | undefined> = [];
  const pools: SharePoolOptions[] = [];
  const answer = async (token: string, config: WaiterConfiguration): Promise<PortfolioShareResult> => {
    const a = answers[token];
    if (a === undefined) throw new Error(`no fake answer for ${token}`);
    if (a instanceof Error) throw a;
    if (typeof a === 'function') return a(config);
    return a;
  };
  return {
    waits,
    checks,
    profileLookups,
    pools,
    calls: () => waits.length + checks.length + profileLookups.length,
    async waitUntilPortfolioShareComplete(config, input) {
      waits.push({ config, input });
      return answer(input.PortfolioShareToken, config);
    },
    async getPortfolioShareStatus(config, input) {
      checks.push({ config, input });
      return answer(input.PortfolioShareToken, { ...config, maxWaitTime: 1 });
    },
    async loadProfile(profile, env) {
      profileLookups.push(profile);
      const settings = profiles?.[profile ?? env.AWS_PROFILE ?? 'default'];
      return {
        name: profile ?? env.AWS_PROFILE ?? 'default',
        // Without a profiles table every profile exists (tests about other things).
        found: profiles === undefined || settings !== undefined || (profile ?? env.AWS_PROFILE ?? 'default') === 'default',
        region: settings?.region ?? region,
        endpointUrl: settings?.endpointUrl,
        ignoreConfiguredEndpointUrls: settings?.ignoreConfiguredEndpointUrls ?? false,
        caBundle: settings?.caBundle,
      };
    },
    async createSharePool(options) {
      pools.push(options);
      // Each wait is recorded as the waiter's would be: the pool's options with the wait's own.
      const { maxCallsPerSecond: _budget, ...poolConfig } = options;
      return {
        async wait(token, waitOptions) {
          const config = { ...poolConfig, ...waitOptions } as WaiterConfiguration;
          waits.push({ config, input: { PortfolioShareToken: token } });
          return answer(token, config);
        },
        stats: () => ({ pending: 0, inFlight: 0, settled: 0, calls: 0, timedOutCalls: 0, maxCallsPerSecond: 20, stretch: { delayedChecks: 0, meanDelaySeconds: 0, maxDelaySeconds: 0, factor: 1 } }),
        close() {},
      };
    },
  };
}

export function result(token: string, overrides: Partial<PortfolioShareResult> = {}): PortfolioShareResult {
  return {
    status: 'COMPLETED',
    token,
    portfolioId: 'port-abcd1234efgh5',
    organizationNodeValue: 'ou-ab12-prod0001',
    shareDetails: { SuccessfulShares: ['222222222222', '333333333333'], ShareErrors: [] },
    duplicateAccounts: [],
    attempts: 3,
    elapsedSeconds: 12.5,
    ...overrides,
  };
}

/** The environment of a well-configured run (region given, no GitHub Actions). */
export const ENV = { AWS_REGION: 'us-east-1' };
