import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a bench ran on: every figure is stated with it. */
export interface MachineInfo {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  return {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadAverage(),
  };
}

/** 1, 5 and 15-minute load averages: they tell a reader whether the shared machine was busy. */
function loadAverage(): number[] {
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

/** Flags every bench takes: `--json` for one JSON document on stdout, `--seed N`. */
export interface BenchArgs {
  json: boolean;
  seed: number;
  /** Bench-specific flags, `--name value` or `--name`. */
  flags: Map<string, string>;
}

export function parseBenchArgs(argv: string[], defaultSeed = 1): BenchArgs {
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new TypeError(`unexpected argument ${JSON.stringify(arg)}`);
    const eq = arg.indexOf('=');
    if (eq > 0) {
      // --name=value, for values that start with "--" themselves (e.g. --node-flags=--max-semi-space-size=2).
      flags.set(arg.slice(2, eq), arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next);
      i += 1;
    } else {
      flags.set(arg.slice(2), 'true');
    }
  }
  const seed = Number(flags.get('seed') ?? defaultSeed);
  if (!Number.isInteger(seed)) throw new TypeError(`--seed must be an integer, got ${flags.get('seed')}`);
  return { json: flags.has('json'), seed, flags };
}

/** A plain-text table: a header row, then rows, columns padded (numbers right-aligned). */
export function formatTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  const line = (row: string[], first: boolean): string =>
    row
      .map((cell, c) => (c === 0 || first || !/^[-\d.×%]/.test(cell) ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(cells[0] ?? [], true), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map((row) => line(row, false))].join('\n');
}

export function fixed(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toFixed(digits) : String(value);
}

/** Percentile by nearest rank on a sorted copy. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** The header every bench prints first. */
export function machineLine(name: string, machine: MachineInfo, seed: number): string {
  return `${name} — ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}, load ${machine.loadAverage.join(' ')}; seed ${seed}`;
}
