import type { IncomingMessage, ServerResponse } from 'node:http';
import { isManualClock } from './clock.js';
import type { FaultInjector } from './faults.js';
import { validateFaultRule } from './faultRule.js';
import { readBody } from './protocol.js';
import type { RequestLog } from './requestLog.js';
import { messageOf, ScenarioError } from './scenarioError.js';
import type { SimulatorState } from './state.js';
import type { SimulatorClock } from './types.js';

/** Every control route lives under this prefix, which no API call (always `POST /`) can reach. */
export const CONTROL_PREFIX = '/_simulator/';
const MAX_CONTROL_BODY = 64 * 1024;

export interface ControlDeps {
  clock: SimulatorClock;
  faults: FaultInjector;
  log: RequestLog;
  state: SimulatorState;
}

type Reply = { status: number; body: unknown };
const error = (status: number, type: string, message: string): Reply => ({ status, body: { __type: type, Message: message } });

/** Handles `/_simulator/*`; answers are plain JSON (`application/json`). */
export async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, deps: ControlDeps): Promise<void> {
  let reply: Reply;
  try {
    reply = await route(req, path.slice(CONTROL_PREFIX.length), deps);
  } catch (err) {
    reply = error(500, 'InternalFailure', messageOf(err));
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

async function route(req: IncomingMessage, route: string, deps: ControlDeps): Promise<Reply> {
  const method = req.method ?? 'GET';
  const key = `${method} ${route}`;
  switch (key) {
    case 'GET health':
      return { status: 200, body: { status: 'ok', now: deps.clock.now(), manualClock: isManualClock(deps.clock) } };
    case 'GET requests':
      return { status: 200, body: { requests: deps.log.list() } };
    case 'DELETE requests':
      return { status: 200, body: { cleared: deps.log.clear() } };
    case 'GET faults':
      return { status: 200, body: { faults: deps.faults.list() } };
    case 'DELETE faults':
      return { status: 200, body: { cleared: deps.faults.clear() } };
    case 'POST faults': {
      const body = await readJson(req);
      if ('reply' in body) return body.reply;
      try {
        deps.faults.add(validateFaultRule(body.value, 'rule'));
      } catch (err) {
        if (err instanceof ScenarioError) return error(400, 'InvalidFaultRule', err.message.replace('invalid scenario: ', 'invalid fault rule: '));
        throw err;
      }
      return { status: 201, body: { faults: deps.faults.list() } };
    }
    case 'GET clock':
      return { status: 200, body: { now: deps.clock.now(), manualClock: isManualClock(deps.clock) } };
    case 'POST clock':
      return moveClock(req, deps.clock);
    case 'POST busy':
      return holdBusy(req, deps.state);
  }
  const known = ['health', 'requests', 'faults', 'clock', 'busy'];
  if (known.includes(route)) return error(405, 'MethodNotAllowed', `${method} is not supported on ${CONTROL_PREFIX}${route}`);
  return error(404, 'NotFound', `No control route ${CONTROL_PREFIX}${route}; routes: health, requests, faults, clock, busy`);
}

async function moveClock(req: IncomingMessage, clock: SimulatorClock): Promise<Reply> {
  if (!isManualClock(clock)) {
    return error(409, 'ClockNotManual', 'The simulator runs on the real clock; start it with a manual clock (--manual-clock) to move time');
  }
  const body = await readJson(req);
  if ('reply' in body) return body.reply;
  const value = body.value;
  const advanceMs = isRecord(value) ? value.advanceMs : undefined;
  const setMs = isRecord(value) ? value.setMs : undefined;
  const invalid = (detail: string): Reply => error(400, 'InvalidClockChange', `Expected {"advanceMs": N} with N ≥ 0, or {"setMs": T}${detail}`);
  try {
    if (typeof advanceMs === 'number' && Number.isFinite(advanceMs) && advanceMs >= 0 && setMs === undefined) {
      clock.advance(advanceMs);
    } else if (typeof setMs === 'number' && Number.isFinite(setMs) && advanceMs === undefined) {
      clock.set(setMs);
    } else {
      return invalid('');
    }
  } catch (err) {
    // The clock refuses a time outside the Date range; the clock is left as it was.
    if (err instanceof TypeError) return invalid(`: ${err.message}`);
    throw err;
  }
  return { status: 200, body: { now: clock.now() } };
}

/** `{"portfolioId": P, "seconds": N}`: another actor holds P busy with a share action for N seconds. */
async function holdBusy(req: IncomingMessage, state: SimulatorState): Promise<Reply> {
  const body = await readJson(req);
  if ('reply' in body) return body.reply;
  const value = body.value;
  const portfolioId = isRecord(value) ? value.portfolioId : undefined;
  const seconds = isRecord(value) ? value.seconds : undefined;
  if (typeof portfolioId !== 'string' || typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    return error(400, 'InvalidBusyHold', 'Expected {"portfolioId": "port-…", "seconds": N} with N ≥ 0');
  }
  if (!state.portfolios.has(portfolioId)) return error(404, 'PortfolioNotFound', `No portfolio ${portfolioId}`);
  return { status: 200, body: { portfolioId, busyUntil: state.shares.holdBusy(portfolioId, seconds) } };
}

async function readJson(req: IncomingMessage): Promise<{ value: unknown } | { reply: Reply }> {
  const read = await readBody(req, MAX_CONTROL_BODY);
  if ('tooLarge' in read) return { reply: error(413, 'RequestEntityTooLarge', `Control requests are limited to ${MAX_CONTROL_BODY} bytes`) };
  try {
    return { value: JSON.parse(read.body.toString('utf8')) as unknown };
  } catch {
    return { reply: error(400, 'SerializationException', 'The body is not valid JSON') };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
