import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger } from '../logger.js';
import { handleApi } from './apiHandler.js';
import { systemClock } from './clock.js';
import { CONTROL_PREFIX, handleControl } from './control.js';
import { defaultScenario } from './defaultScenario.js';
import { FaultInjector } from './faults.js';
import { validateFaultRule } from './faultRule.js';
import { createRandomStreams, randomUuid } from './random.js';
import { RequestLog } from './requestLog.js';
import { loadScenario } from './scenario.js';
import { ScenarioError } from './scenarioError.js';
import { createState } from './state.js';
import type { FaultRule, RunningSimulator, SimulatorOptions } from './types.js';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

const CLIENT_ERROR_STATUS: Readonly<Record<string, string>> = {
  HPE_HEADER_OVERFLOW: '431 Request Header Fields Too Large',
  ERR_HTTP_REQUEST_TIMEOUT: '408 Request Timeout',
};

/**
 * Starts a Service Catalog simulator on `host:port` (default 127.0.0.1, an ephemeral port) and
 * resolves once it is listening. Rejects with ScenarioError for a bad scenario and TypeError for a
 * bad option.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const host = options.host ?? '127.0.0.1';
  const port = checkInteger('port', options.port ?? 0, 0, 65535);
  const seed = checkInteger('seed', options.seed ?? 1, -(2 ** 31), 2 ** 32 - 1);
  const maxBodyBytes = checkInteger('maxBodyBytes', options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, 1, 2 ** 31);
  const scenario = await loadScenario(options.scenario ?? defaultScenario);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const random = createRandomStreams(seed);
  const state = createState(scenario, clock, random.ids);
  const faults = new FaultInjector(random.faults);
  for (const rule of scenario.faults ?? []) faults.add(rule);
  const log = new RequestLog();

  let closed = false;
  const waits = new Set<() => void>();
  const delay = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        waits.delete(done);
        resolve(!closed);
      };
      const timer = setTimeout(done, ms);
      waits.add(done);
    });

  const apiDeps = { state, faults, log, logger, maxBodyBytes, delay, newRequestId: () => randomUuid(random.requestIds) };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handling = path.startsWith(CONTROL_PREFIX) ? handleControl(req, res, path, { clock, faults, log, state }) : handleApi(req, res, path, apiDeps);
    handling.catch((err: unknown) => {
      logger.error({ err }, 'simulator request handling failed');
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return void socket.destroy();
    // Node's own codes: headers over its 16 KiB limit are 431, a request that never completed 408, anything else 400.
    const status = CLIENT_ERROR_STATUS[err.code ?? ''] ?? '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (err) => logger.error({ err }, 'simulator server error'));
  const address = server.address() as AddressInfo;
  const endpoint = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  logger.info({ endpoint, seed, organization: scenario.organization.id }, 'simulator listening');

  return {
    endpoint,
    host: address.address,
    port: address.port,
    clock,
    requests: () => log.list(),
    clearRequests: () => void log.clear(),
    injectFault(rule: FaultRule): void {
      try {
        faults.add(validateFaultRule(rule, 'rule'));
      } catch (err) {
        if (err instanceof ScenarioError) throw new TypeError(err.message.replace('invalid scenario: ', 'injectFault: invalid fault rule: '), { cause: err });
        throw err;
      }
    },
    clearFaults: () => void faults.clear(),
    holdPortfolioBusy(portfolioId: string, seconds: number): number {
      if (!state.portfolios.has(portfolioId)) throw new TypeError(`holdPortfolioBusy: no portfolio ${JSON.stringify(portfolioId)}`);
      if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) throw new TypeError(`holdPortfolioBusy: seconds must be a finite number ≥ 0, got ${JSON.stringify(seconds)}`);
      return state.shares.holdBusy(portfolioId, seconds);
    },
    close(): Promise<void> {
      if (closed) return Promise.resolve();
      closed = true;
      for (const wake of [...waits]) wake();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        logger.info({ endpoint }, 'simulator closed');
      });
    },
  };
}

function checkInteger(option: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`startSimulator: ${option} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return value;
}
