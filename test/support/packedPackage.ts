// The package as users get it: `npm pack` of this checkout, installed into a throwaway project.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * PATH with the directory of the Node running this suite first, so bins started by their shebang
 * (`#!/usr/bin/env node`) run on that Node too (.ci/run runs the suite on Node 20, 22 and 24).
 */
export function pathWithThisNode(): string {
  return `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
}

/** Environment for npm in tests: no update check, no funding/audit noise, never a prompt. */
export function npmEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_yes: 'true' };
}

/**
 * Packs the built checkout (`npm test` builds dist/ first, so the prepare script is not run again) into
 * `dest`; returns the tarball's path.
 */
export async function packPackage(dest: string): Promise<string> {
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dest], { cwd: repoRoot, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
  const [packed] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  if (!packed) throw new Error(`npm pack printed no package: ${stdout}`);
  return join(dest, packed.filename);
}

/** The version of a package installed in this checkout (to install the same one in a project). */
async function installedVersion(name: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = JSON.parse(await readFile(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/**
 * A new project in `dir` ("module" or "commonjs", as `npm init -y` leaves it) with the tarball, the
 * SDK client the quick start imports and @types/node installed. Dependencies come from npm's cache
 * (--prefer-offline), so a warm cache means no network; a cold one still reaches the registry.
 */
export async function installProject(dir: string, type: 'module' | 'commonjs', tarball: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `consumer-${type}`, version: '1.0.0', private: true, type }, null, 2)}\n`);
  const sdk = `@aws-sdk/client-service-catalog@${await installedVersion('@aws-sdk/client-service-catalog')}`;
  const types = `@types/node@${await installedVersion('@types/node')}`;
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball, sdk, types], {
    cwd: dir,
    env: npmEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
}
