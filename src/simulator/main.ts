import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { DestinationStream, LevelWithSilent } from 'pino';
import { createManualClock } from './clock.js';
import { loadScenario } from './scenario.js';
import { messageOf, ScenarioError } from './scenarioError.js';
import { startSimulator } from './server.js';
import type { SimulatorOptions } from './types.js';

export const USAGE = `Usage: portfolio-share-simulator [options]

Runs a local AWS Service Catalog (portfolio and portfolio-share operations) and prints its
endpoint URL on stdout once it listens. Logs go to stderr. Stop it with Ctrl-C or SIGTERM.

Options:
  --host HOST          address to listen on (default 127.0.0.1)
  --port N             port to listen on; 0 picks a free one (default 0)
  --scenario NAME|FILE a built-in scenario (default, flaky-service,
                       partial-failure) or a scenario JSON file (default: default)
  --seed N             seed of ids, tokens and fault draws (default 1)
  --manual-clock       time stands still until moved with POST /_simulator/clock
  --log-level LEVEL    trace, debug, info, warn, error, fatal or silent (default info)
  -h, --help           show this help

Exit codes: 0 stopped by SIGINT/SIGTERM, 2 bad arguments or scenario, 1 could not start.
`;

const LEVELS: readonly string[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

export interface SimulatorCliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Where pino writes its JSON lines (stderr in the bin). */
  logStream: DestinationStream;
  /** Resolves with the signal name when the process is asked to stop. */
  stopSignal: Promise<string>;
}

type Parsed = { help: true } | { options: SimulatorOptions & { scenarioPath?: string; manualClock: boolean; logLevel: LevelWithSilent } };

/** Parses the bin's arguments; throws a TypeError whose message is meant for the user. */
export function parseSimulatorArgs(argv: string[]): Parsed {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      scenario: { type: 'string' },
      seed: { type: 'string' },
      'manual-clock': { type: 'boolean' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { help: true };
  const port = values.port === undefined ? 0 : integerArg('--port', values.port, 0, 65535);
  const seed = values.seed === undefined ? 1 : integerArg('--seed', values.seed, -(2 ** 31), 2 ** 32 - 1);
  const logLevel = values['log-level'] ?? 'info';
  if (!LEVELS.includes(logLevel)) throw new TypeError(`--log-level must be one of ${LEVELS.join(', ')}, got ${JSON.stringify(logLevel)}`);
  if (values.host === '') throw new TypeError('--host must not be empty');
  return {
    options: {
      host: values.host ?? '127.0.0.1',
      port,
      seed,
      scenarioPath: values.scenario,
      manualClock: values['manual-clock'] ?? false,
      logLevel: logLevel as LevelWithSilent,
    },
  };
}

function integerArg(name: string, text: string, min: number, max: number): number {
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new TypeError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return value;
}

/** The bin: start, print the endpoint, run until a stop signal, close. Resolves with the exit code. */
export async function main(argv: string[], io: SimulatorCliIo): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parseSimulatorArgs(argv);
  } catch (err) {
    io.stderr.write(`portfolio-share-simulator: ${messageOf(err)}\n\n${USAGE}`);
    return 2;
  }
  if ('help' in parsed) {
    io.stdout.write(USAGE);
    return 0;
  }
  const { scenarioPath, manualClock, logLevel, ...options } = parsed.options;
  const logger = pino({ name: 'portfolio-share-simulator', level: logLevel }, io.logStream);
  let sim;
  try {
    const scenario = scenarioPath === undefined ? undefined : await loadScenario(scenarioPath);
    sim = await startSimulator({ ...options, ...(scenario ? { scenario } : {}), ...(manualClock ? { clock: createManualClock() } : {}), logger });
  } catch (err) {
    if (err instanceof ScenarioError) {
      io.stderr.write(`portfolio-share-simulator: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`portfolio-share-simulator: could not start: ${messageOf(err)}\n`);
    return 1;
  }
  io.stdout.write(`${sim.endpoint}\n`);
  const signal = await io.stopSignal;
  logger.info({ signal }, 'stopping');
  await sim.close();
  return 0;
}
