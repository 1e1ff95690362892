import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { startSimulator, type RunningSimulator } from '../../src/simulator/index.js';
import { PRODUCTION_OU, scenarioWith } from './harness.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = fileURLToPath(new URL('../fixtures/abortWait.mjs', import.meta.url));

describe('a real process waiting on a share', () => {
  let sim: RunningSimulator;
  afterEach(async () => sim.close());

  it('exits promptly on an abort during a 60 s delay, not when the delay would have ended: no timer or socket is left alive', async () => {
    expect(existsSync(`${root}/dist/index.js`)).toBe(true); // `npm test` builds dist/ first
    // NOT_STARTED for 10 minutes: the first status seen does not depend on how busy the machine is.
    sim = await startSimulator({ scenario: scenarioWith({ shares: { defaultDurationSeconds: 3600, notStartedSeconds: 600 } }) });
    const client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });
    const created = await client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: PRODUCTION_OU } }));
    client.destroy();
    const token = created.PortfolioShareToken ?? '';

    const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const child = spawn(process.execPath, [fixture, sim.endpoint, token], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: Date.now() })));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('"status"')) resolve();
      });
      child.on('exit', () => reject(new Error(`the child exited before its first status: ${stdout} ${stderr}`)));
    });
    // Let it settle into its 60 s delay, then abort.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const abortedAt = Date.now();
    child.kill('SIGTERM');
    const guard = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const { code, at } = await exited;
    clearTimeout(guard);

    expect(stderr).toBe('');
    expect(stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      { event: 'status', status: 'NOT_STARTED' },
      { event: 'rejected', name: 'WaitAbortedError', code: 'WAIT_ABORTED', attempts: 1 },
    ]);
    expect(code).toBe(3);
    // It exits in well under a second; a timer left alive would hold it until the 60 s delay ends. The
    // bound sits an order of magnitude above the first and far below the second, so a busy runner passes.
    expect(at - abortedAt).toBeLessThan(10_000);
    expect(sim.requests().filter((entry) => entry.operation === 'DescribePortfolioShareStatus')).toHaveLength(1);
  });
});
