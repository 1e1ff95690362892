// The CLI's bin loads its one CommonJS bundle through V8's code cache: the first run of a command
// compiles the bundle and saves the compiled code; later runs of that command skip parsing and compiling
// (about half of `status`'s CPU time). Node 22.1+ has module.enableCompileCache() for this, Node 20 has
// nothing built in, so this uses the API both share: vm.Script's cachedData. A cache that cannot be read,
// written or trusted only costs speed: the bundle then compiles as it would without one.
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What the cache found: used, missing, refused by V8 (another Node or a damaged file) or turned off. */
export type CodeCacheState = 'hit' | 'miss' | 'rejected' | 'off';

/** The file system calls the cache makes; tests pass failing ones. */
export interface CodeCacheFs {
  readFileSync(path: string): Buffer;
  writeFileSync(path: string, data: Uint8Array, options: { mode: number }): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
  lstatSync(path: string): { isDirectory(): boolean; isSymbolicLink(): boolean; uid: number; mode: number };
}

const nodeFs: CodeCacheFs = {
  readFileSync: (path) => readFileSync(path),
  writeFileSync: (path, data, options) => writeFileSync(path, data, options),
  renameSync,
  unlinkSync,
  mkdirSync: (path, options) => mkdirSync(path, options),
  lstatSync,
};

export interface LoadBundleOptions {
  /** Absolute path of the CommonJS bundle. */
  bundlePath: string;
  /**
   * Names the cache file, with the Node version and architecture added: the bundle's content hash and
   * the command, so each command's cache holds the functions that command compiles.
   */
  cacheKey: string;
  /** Directory of cache files; undefined turns the cache off. */
  cacheDir: string | undefined;
  /** @default node:fs */
  fs?: CodeCacheFs;
  /** The current user, whom the cache directory must belong to. @default process.getuid */
  uid?: number | undefined;
}

export interface LoadedBundle<T> {
  /** The bundle's `module.exports`. */
  exports: T;
  /** What the cache gave this load. */
  cache: CodeCacheState;
  /**
   * Saves the compiled code (call it once the command has run, so the functions it compiled are in):
   * only when the cache missed or was refused. Never throws.
   */
  save(): void;
}

/**
 * Where the cache lives: `$NODE_COMPILE_CACHE/portfolio-share-waiter` when Node's own cache directory
 * is set, else a per-user directory under the system temp directory; none when
 * `NODE_DISABLE_COMPILE_CACHE` is set (Node's own switch, honoured the same way).
 */
export function codeCacheDir(env: Readonly<Record<string, string | undefined>>, uid: number | undefined, tmp: string = tmpdir()): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE !== undefined && env.NODE_DISABLE_COMPILE_CACHE !== '') return undefined;
  const base = env.NODE_COMPILE_CACHE;
  if (base !== undefined && base !== '') return join(base, 'portfolio-share-waiter');
  return join(tmp, `portfolio-share-waiter-cache-${uid ?? 'user'}`);
}

/** A directory only this user can write to: compiled code from anyone else is never run. */
function trustedDirectory(dir: string, fs: CodeCacheFs, uid: number | undefined): boolean {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = fs.lstatSync(dir);
  if (!stat.isDirectory() || stat.isSymbolicLink()) return false;
  if (uid !== undefined && stat.uid !== uid) return false;
  return (stat.mode & 0o022) === 0;
}

/** Compiles and runs a CommonJS bundle as Node's loader would, with V8's code cache when there is one. */
export function loadBundle<T>(options: LoadBundleOptions): LoadedBundle<T> {
  const fs = options.fs ?? nodeFs;
  const uid = 'uid' in options ? options.uid : process.getuid?.();
  const source = readFileSync(options.bundlePath, 'utf8');
  let cacheFile: string | undefined;
  let cachedData: Buffer | undefined;
  try {
    if (options.cacheDir !== undefined && trustedDirectory(options.cacheDir, fs, uid)) {
      cacheFile = join(options.cacheDir, `${options.cacheKey}-${process.version}-${process.arch}.v8`);
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
  } catch {
    cacheFile = undefined;
  }
  // Node's CommonJS wrapper (module.wrap, which ES modules cannot import by name).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: options.bundlePath, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCacheState = cacheFile === undefined ? 'off' : cachedData === undefined ? 'miss' : script.cachedDataRejected === true ? 'rejected' : 'hit';
  const module = { exports: {} as T };
  const compiled = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: { exports: T }, filename: string, dirname: string) => void;
  compiled.call(module.exports, module.exports, createRequire(options.bundlePath), module, options.bundlePath, dirname(options.bundlePath));
  return {
    exports: module.exports,
    cache,
    save(): void {
      if (cacheFile === undefined || cache === 'hit') return;
      // Write beside, then rename: a concurrent run reads the old file or the new one, never half of one.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
        fs.renameSync(temporary, cacheFile);
      } catch {
        try {
          fs.unlinkSync(temporary);
        } catch {
          // Nothing was written.
        }
      }
    },
  };
}
