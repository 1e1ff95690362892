import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { performance } from 'node:perf_hooks';
import { realTimers } from '../../src/timers.js';
import { startSimulator } from '../../src/simulator/server.js';
import { waitUntilPortfolioShareComplete } from '../../src/waitUntilPortfolioShareComplete.js';
import { benchAccount, benchPortfolio, benchScenario } from '../lib/benchScenario.js';
import { mean } from '../lib/report.js';
import type { DelayFunction } from './baselines.js';
import { simulateWait } from './model.js';
import { waitRandom } from './realWaiter.js';

export interface CrossCheck {
  waits: number;
  /** Mean lag the virtual clock predicts for these durations and random streams, seconds. */
  predictedMeanLagSeconds: number;
  /** Mean lag measured on the real clock against the simulator, seconds. */
  measuredMeanLagSeconds: number;
  predictedCallsPerWait: number;
  measuredCallsPerWait: number;
  /** Extra seconds per check the real clock adds (timers, SDK pipeline, HTTP). */
  overheadPerCheckMs: number;
}

/**
 * Real time: `durations.length` concurrent waits with the default schedule through the real SDK
 * client against the simulator on the real clock; compares the measured lag with the virtual model's.
 */
export async function realTimeCrossCheck(durations: readonly number[], seed: number, defaultDelay: DelayFunction): Promise<CrossCheck> {
  const simulator = await startSimulator({ scenario: benchScenario(durations, durations.length), seed });
  const client = new ServiceCatalogClient({
    endpoint: simulator.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
  });
  try {
    const measured = await Promise.all(
      durations.map(async (durationSeconds, i) => {
        const created = await client.send(
          new CreatePortfolioShareCommand({ PortfolioId: benchPortfolio(i), OrganizationNode: { Type: 'ACCOUNT', Value: benchAccount(i) } }),
        );
        const start = performance.now();
        const result = await waitUntilPortfolioShareComplete(
          { client, maxWaitTime: 600, timers: { ...realTimers, random: waitRandom(seed, i) } },
          { PortfolioShareToken: created.PortfolioShareToken ?? '' },
        );
        return { lag: (performance.now() - start) / 1000 - durationSeconds, calls: result.attempts };
      }),
    );
    const predicted = durations.map((d, i) => simulateWait(d, defaultDelay, waitRandom(seed, i)));
    const measuredMeanLagSeconds = mean(measured.map((m) => m.lag));
    const predictedMeanLagSeconds = mean(predicted.map((p) => p.lagSeconds));
    const measuredCallsPerWait = mean(measured.map((m) => m.calls));
    return {
      waits: durations.length,
      predictedMeanLagSeconds,
      measuredMeanLagSeconds,
      predictedCallsPerWait: mean(predicted.map((p) => p.calls)),
      measuredCallsPerWait,
      overheadPerCheckMs: ((measuredMeanLagSeconds - predictedMeanLagSeconds) / measuredCallsPerWait) * 1000,
    };
  } finally {
    client.destroy();
    await simulator.close();
  }
}
