// npm run bench — every bench, one process each, in turn; `--json` gathers their documents into one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES = ['schedule', 'pool', 'cli'];
const args = process.argv.slice(2);
const json = args.includes('--json');
const documents: unknown[] = [];
let failed = false;
for (const name of BENCHES) {
  const script = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  const run = spawnSync(process.execPath, [script, ...args], {
    stdio: ['ignore', json ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (run.status !== 0) failed = true;
  if (json) documents.push(run.status === 0 ? (JSON.parse(run.stdout) as unknown) : { bench: name, failed: true, status: run.status });
  else process.stdout.write('\n');
}
if (json) process.stdout.write(`${JSON.stringify({ benches: documents }, null, 2)}\n`);
process.exitCode = failed ? 1 : 0;
