import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import { defaultScenario, startSimulator, type RunningSimulator } from '../../src/simulator/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: { ...defaultScenario, shares: { defaultDurationSeconds: 600 } } });
});
afterAll(async () => {
  await sim.close();
});

test('portfolio-share-waiter/lambda: the handler, as a function would load it, checks once and logs pino JSON on stdout', async () => {
  const client = new ServiceCatalogClient({ endpoint: sim.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example' } });
  const share = await client.send(new CreatePortfolioShareCommand({ PortfolioId: 'port-examplepf0001', OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }));
  client.destroy();
  const script = [
    "const { handler } = await import('portfolio-share-waiter/lambda');",
    `const response = await handler({ token: ${JSON.stringify(share.PortfolioShareToken)} });`,
    'process.stderr.write(JSON.stringify(response));',
    "try { await handler({ token: 'bad token' }); } catch (e) { process.stderr.write('\\n' + e.name); }",
  ].join('\n');
  const env = { ...process.env, AWS_ENDPOINT_URL: sim.endpoint, AWS_REGION: 'us-east-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'example', LOG_LEVEL: 'info' };
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env });
  const [responseLine, errorName] = stderr.split('\n');
  expect(JSON.parse(responseLine ?? '')).toMatchObject({ token: share.PortfolioShareToken, done: false, attempt: 1, nextDelaySeconds: expect.any(Number) });
  expect(errorName).toBe('InvalidInputError');
  const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(lines).toContainEqual(expect.objectContaining({ level: 30, token: share.PortfolioShareToken, attempt: 1, msg: 'portfolio share not done yet' }));
});

test('portfolio-share-waiter/workflow exports the generator', async () => {
  const script = "const m = await import('portfolio-share-waiter/workflow'); console.log(JSON.stringify(m.generateStateMachine({ map: true }).StartAt), typeof m.planToExecutionInput, typeof m.iamPolicy);";
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  expect(stdout.trim()).toBe('"ShareEach" function function');
});
