// Where a runnable docs block runs: a throwaway project in which portfolio-share-waiter is installed
// (a symlink to this repository's build), its bins are on PATH, and, unless the block starts its
// own, a fresh simulator with AWS_* variables pointing at it. docs/development.md states this contract.
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreatePortfolioCommand, CreatePortfolioShareCommand, ServiceCatalogClient } from '@aws-sdk/client-service-catalog';
import ts from 'typescript';
import { startSimulator } from '../../src/simulator/index.js';
import type { RunningSimulator } from '../../src/simulator/types.js';
import { REPO, runnableLanguage, type CodeBlock } from './codeBlocks.js';

export interface BlockRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** True when a process the block started was still alive after it ended (it was then killed). */
  leftover: boolean;
}

/** A project with the package installed: `dir/node_modules/portfolio-share-waiter` is this repository. */
export function createSandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'portfolio-share-docs-'));
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  mkdirSync(join(dir, 'home'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'docs-sandbox', private: true, type: 'module' }));
  symlinkSync(REPO, join(dir, 'node_modules', 'portfolio-share-waiter'), 'dir');
  // The README tells users to install the SDK beside the package when their code imports it.
  symlinkSync(join(REPO, 'node_modules', '@aws-sdk'), join(dir, 'node_modules', '@aws-sdk'), 'dir');
  const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  for (const [name, target] of Object.entries(pkg.bin)) {
    // `exec` so that the bin's process is the one `$!` names, as with npm's own bin links.
    const path = join(dir, 'node_modules', '.bin', name);
    writeFileSync(path, `#!/bin/sh\nexec node ${JSON.stringify(join(REPO, target))} "$@"\n`);
    chmodSync(path, 0o755);
  }
  return dir;
}

export function removeSandbox(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Environment every block gets: no credentials, config or CI variables of the machine. */
export function baseEnv(dir: string): Record<string, string> {
  return {
    PATH: `${join(dir, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    HOME: join(dir, 'home'),
    AWS_CONFIG_FILE: join(dir, 'home', 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'home', 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    CI: 'true',
    // npx must find the sandbox's bins, never the registry.
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  };
}

/** A block that names `portfolio-share-simulator` starts its own, as a reader would: it gets none. */
export function startsOwnSimulator(block: CodeBlock): boolean {
  return block.code.includes('portfolio-share-simulator');
}

/** A fresh simulator (built-in scenario, real clock) and the variables a block may rely on. */
export async function simulatorForBlock(): Promise<{ sim: RunningSimulator; env: Record<string, string> }> {
  const sim = await startSimulator();
  const client = new ServiceCatalogClient({ region: 'us-east-1', endpoint: sim.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  try {
    // TOKEN: a share of a portfolio of its own, so PORTFOLIO_ID stays free for the block's shares.
    const portfolio = await client.send(new CreatePortfolioCommand({ DisplayName: 'Docs', ProviderName: 'docs', IdempotencyToken: 'docs' }));
    const share = await client.send(
      new CreatePortfolioShareCommand({ PortfolioId: portfolio.PortfolioDetail?.Id, OrganizationNode: { Type: 'ORGANIZATIONAL_UNIT', Value: 'ou-ab12-prod0001' } }),
    );
    return {
      sim,
      env: {
        AWS_ENDPOINT_URL: sim.endpoint,
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'test',
        AWS_SECRET_ACCESS_KEY: 'test',
        TOKEN: share.PortfolioShareToken ?? '',
        PORTFOLIO_ID: 'port-examplepf0001',
        OU_ID: 'ou-ab12-prod0001',
      },
    };
  } finally {
    client.destroy();
  }
}

/** The command that runs a block: bash (strict) for shell, node on an ES module for ts/js. */
function command(block: CodeBlock, dir: string, index: number): string[] {
  const language = runnableLanguage(block);
  if (language === 'bash' || language === 'sh') return ['bash', '-euo', 'pipefail', '-c', block.code];
  const js = language === 'ts' ? ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText : block.code;
  const file = join(dir, `block-${index}.mjs`);
  writeFileSync(file, js);
  return [process.execPath, file];
}

/** Runs one block in `dir` in a process group of its own, so processes it leaves behind are found. */
export async function runBlock(block: CodeBlock, dir: string, env: Record<string, string>, index: number, timeoutMs = 60_000): Promise<BlockRun> {
  const [file = '', ...args] = command(block, dir, index);
  const child = spawn(file, args, { cwd: dir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const timer = setTimeout(() => killGroup(child.pid), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  // A process the block stopped on its way out (kill "$SIM_PID") may take a moment to exit; one it
  // forgot stays.
  let leftover = groupAlive(child.pid);
  for (let waited = 0; leftover && waited < 3000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    leftover = groupAlive(child.pid);
  }
  if (leftover) killGroup(child.pid);
  return { code, stdout, stderr, leftover };
}

function groupAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
