import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RequestLogEntry, Scenario } from '../../src/simulator/types.js';

/** The simulator's bin, built by `npm run build`. */
export const SIMULATOR_BIN = fileURLToPath(new URL('../../../dist/simulator/bin.js', import.meta.url));
export const CLI_BIN = fileURLToPath(new URL('../../../dist/cli/bin.js', import.meta.url));

export interface SimulatorProcess {
  endpoint: string;
  child: ChildProcess;
  /** The request log through the control API. */
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  stop(): Promise<void>;
}

/** Run the built simulator bin in a process of its own with `scenario`, and read its endpoint. */
export async function startSimulatorProcess(scenario: Scenario, seed: number): Promise<SimulatorProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'psw-bench-'));
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(scenario));
  const child = spawn(process.execPath, [SIMULATOR_BIN, '--scenario', file, '--seed', String(seed), '--log-level', 'silent'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve(line.trim());
    });
    child.once('exit', (code) => reject(new Error(`the simulator exited with ${String(code)} before listening`)));
  });
  const control = (path: string, method = 'GET'): Promise<Response> => fetch(`${endpoint}/_simulator/${path}`, { method });
  return {
    endpoint,
    child,
    requests: async () => ((await (await control('requests')).json()) as { requests: RequestLogEntry[] }).requests,
    clearRequests: async () => {
      await (await control('requests', 'DELETE')).arrayBuffer();
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
