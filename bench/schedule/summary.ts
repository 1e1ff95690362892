import { mean, percentile } from '../lib/report.js';
import type { WaitFigures } from './model.js';

/** Shares shorter than this count as "short" (most CI shares). */
export const SHORT_SHARE_SECONDS = 30;

export interface ScheduleSummary {
  meanLag: number;
  p95Lag: number;
  /** p95 lag of the shares shorter than 30 s. */
  p95LagShort: number;
  callsPerWait: number;
}

export function summarize(waits: readonly WaitFigures[]): ScheduleSummary {
  const lags = waits.map((w) => w.lagSeconds);
  return {
    meanLag: mean(lags),
    p95Lag: percentile(lags, 95),
    p95LagShort: percentile(
      waits.filter((w) => w.durationSeconds < SHORT_SHARE_SECONDS).map((w) => w.lagSeconds),
      95,
    ),
    callsPerWait: mean(waits.map((w) => w.calls)),
  };
}

export function ratios(summary: ScheduleSummary, to: ScheduleSummary): ScheduleSummary {
  return {
    meanLag: summary.meanLag / to.meanLag,
    p95Lag: summary.p95Lag / to.p95Lag,
    p95LagShort: summary.p95LagShort / to.p95LagShort,
    callsPerWait: summary.callsPerWait / to.callsPerWait,
  };
}

/** Targets of issue 11 for the default, against Terraform's schedule and the former default. */
export function checkTargets(ours: ScheduleSummary, terraform: ScheduleSummary, former: ScheduleSummary): Array<{ target: string; met: boolean }> {
  const r = ratios(ours, terraform);
  return [
    { target: `p95 lag of shares < 30 s ≤ 0.26× Terraform's (${r.p95LagShort.toFixed(3)}×)`, met: r.p95LagShort <= 0.26 },
    { target: `p95 lag ≤ 0.72× Terraform's (${r.p95Lag.toFixed(3)}×)`, met: r.p95Lag <= 0.72 },
    { target: `calls per wait ≤ 1.40× Terraform's (${r.callsPerWait.toFixed(3)}×)`, met: r.callsPerWait <= 1.4 },
    {
      target: 'better than the former √t default on mean lag, p95 lag, short p95 lag and calls',
      met: ours.meanLag < former.meanLag && ours.p95Lag < former.p95Lag && ours.p95LagShort < former.p95LagShort && ours.callsPerWait < former.callsPerWait,
    },
  ];
}
