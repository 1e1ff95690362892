// bench:schedule — the polling frontier (DESIGN §4) on a virtual clock, through the project's real
// waiter, against re-implemented baselines; a frontier picture; a real-time cross-check.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeDelay, SCHEDULE_PRESETS, type ScheduleDefinition } from '../src/schedule.js';
import { mulberry32 } from '../src/simulator/random.js';
import { BASELINES, type DelayFunction } from './schedule/baselines.js';
import { frontierSvg, type FrontierPoint } from './schedule/frontierSvg.js';
import { logUniformDurations, simulateWait } from './schedule/model.js';
import { runRealWaits, waitRandom } from './schedule/realWaiter.js';
import { checkTargets, ratios, summarize, type ScheduleSummary } from './schedule/summary.js';
import { fixed, formatTable, machineInfo, machineLine, parseBenchArgs } from './lib/report.js';

const FORMER_DEFAULT: ScheduleDefinition = { coefficient: 0.65, exponent: 0.5, minDelay: 0.5, maxDelay: 9 };
const DESIGN_SEARCH: ScheduleDefinition = { coefficient: 0.45, exponent: 0.6, minDelay: 2, maxDelay: 7.5 };

/** A power-curve schedule as a bench delay function, through the real computeDelay. */
export function curveDelay(schedule: ScheduleDefinition): DelayFunction {
  return (_attempt, elapsed, random) => computeDelay(elapsed, { ...schedule, random });
}

const args = parseBenchArgs(process.argv.slice(2));
const waits = Number(args.flags.get('waits') ?? 20_000);
const crossCheckWaits = Number(args.flags.get('cross-check') ?? 20);
const svgPath = args.flags.get('svg') ?? fileURLToPath(new URL('../../docs/frontier.svg', import.meta.url));
const machine = machineInfo();
const durations = logUniformDurations(waits, 3, 900, mulberry32(args.seed));
const model = (delay: DelayFunction): ScheduleSummary => summarize(durations.map((d, i) => simulateWait(d, delay, waitRandom(args.seed, i))));

const started = performance.now();
const rows: Array<{ name: string; how: string; summary: ScheduleSummary; ours: boolean }> = BASELINES.map((b) => ({
  name: b.name,
  how: 'virtual clock, re-implemented',
  summary: model(b.delay),
  ours: false,
}));
const formerReal = await runRealWaits(durations, FORMER_DEFAULT, args.seed);
rows.push({ name: 'former default 0.65·t^0.5, 0.5–9 s', how: 'real waiter, virtual clock', summary: summarize(formerReal), ours: false });
rows.push({ name: 'DESIGN search 0.45·t^0.6, 2–7.5 s', how: 'computeDelay, virtual clock', summary: model(curveDelay(DESIGN_SEARCH)), ours: false });
const defaultReal = await runRealWaits(durations, undefined, args.seed);
const balanced = SCHEDULE_PRESETS.balanced;
rows.push({ name: `default 'balanced' ${balanced.coefficient}·t^${balanced.exponent}, ${balanced.minDelay}–${balanced.maxDelay} s`, how: 'real waiter, virtual clock', summary: summarize(defaultReal), ours: true });
for (const preset of ['fewer-calls', 'low-lag'] as const) {
  const s = SCHEDULE_PRESETS[preset];
  rows.push({ name: `preset '${preset}' ${s.coefficient}·t^${s.exponent}, ${s.minDelay}–${s.maxDelay} s`, how: 'computeDelay, virtual clock', summary: model(curveDelay(s)), ours: true });
}
// The real waiter and the model must agree wait for wait (the waiter reports elapsed time to the
// millisecond), or the model's figures for the other schedules mean nothing.
const modelOfDefault = durations.map((d, i) => simulateWait(d, curveDelay(balanced), waitRandom(args.seed, i)));
const disagreements = modelOfDefault.filter((m, i) => m.calls !== defaultReal[i]?.calls || Math.abs(m.lagSeconds - (defaultReal[i]?.lagSeconds ?? NaN)) > 0.0011).length;
const virtualSeconds = (performance.now() - started) / 1000;

const terraform = rows.find((r) => r.name === 'Terraform')?.summary ?? model(BASELINES[1]?.delay ?? (() => 10));
const former = summarize(formerReal);
const targets = checkTargets(summarize(defaultReal), terraform, former);
const crossDurations = logUniformDurations(crossCheckWaits, 3, 30, mulberry32(args.seed + 1));
// The SDK (loaded only for the cross-check) would warn about Node 20 on stderr otherwise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const { realTimeCrossCheck } = await import('./schedule/crossCheck.js');
const crossCheck = crossCheckWaits > 0 ? await realTimeCrossCheck(crossDurations, args.seed, curveDelay(balanced)) : undefined;

const points: FrontierPoint[] = rows.map((r) => ({ name: r.name.split(' ').slice(0, 2).join(' ').replace(/'/g, ''), callsPerWait: r.summary.callsPerWait, p95LagSeconds: r.summary.p95Lag, ours: r.ours }));
writeFileSync(svgPath, frontierSvg(points, `${waits} durations log-uniform 3–900 s, seed ${args.seed}; Node ${machine.node}; npm run bench:schedule`));

const withRatios = rows.map((r) => ({ ...r, ratio: ratios(r.summary, terraform) }));
if (args.json) {
  process.stdout.write(`${JSON.stringify({ bench: 'schedule', machine, seed: args.seed, waits, durations: 'log-uniform 3–900 s', schedules: withRatios, disagreements, targets, crossCheck, svg: svgPath, virtualSeconds }, null, 2)}\n`);
} else {
  const lines = [
    machineLine('bench:schedule', machine, args.seed),
    `${waits} share durations log-uniform over 3–900 s; lag = seconds from the terminal state to the check that saw it; ratios to Terraform's`,
    '',
    formatTable(
      ['schedule', 'mean lag s', 'p95 lag s', 'p95 lag <30 s', 'calls/wait', 'ratios (mean/p95/short/calls)', 'how'],
      withRatios.map((r) => [
        r.name,
        fixed(r.summary.meanLag),
        fixed(r.summary.p95Lag),
        fixed(r.summary.p95LagShort),
        fixed(r.summary.callsPerWait, 1),
        `${fixed(r.ratio.meanLag)}× ${fixed(r.ratio.p95Lag)}× ${fixed(r.ratio.p95LagShort)}× ${fixed(r.ratio.callsPerWait)}×`,
        r.how,
      ]),
    ),
    '',
    `real waiter vs the model of the default: ${waits - disagreements}/${waits} waits agree (same calls, lag within 1 ms)`,
    ...targets.map((t) => `${t.met ? 'MET    ' : 'NOT MET'} ${t.target}`),
    crossCheck === undefined
      ? 'real-time cross-check skipped (--cross-check 0)'
      : `real time, ${crossCheck.waits} waits (3–30 s) against the simulator: mean lag ${fixed(crossCheck.measuredMeanLagSeconds)} s measured vs ${fixed(crossCheck.predictedMeanLagSeconds)} s predicted; calls/wait ${fixed(crossCheck.measuredCallsPerWait, 1)} vs ${fixed(crossCheck.predictedCallsPerWait, 1)}; ${fixed(crossCheck.overheadPerCheckMs, 0)} ms per check of real-clock overhead`,
    `frontier picture: ${svgPath}; virtual part took ${fixed(virtualSeconds, 1)} s`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
