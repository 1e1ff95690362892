// The bin's code cache (src/cli/codeCache.ts) on a small CommonJS bundle in a temporary directory.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { codeCacheDir, loadBundle, type CodeCacheFs, type LoadBundleOptions } from '../../src/cli/codeCache.js';

interface Bundle {
  answer: number;
  twice(n: number): number;
  filename: string;
  dirname: string;
  requires: string;
}

const BUNDLE = [
  '"use strict";',
  'function twice(n) { return n * 2; }',
  'exports.answer = 42;',
  'exports.twice = twice;',
  'exports.filename = __filename;',
  'exports.dirname = __dirname;',
  'exports.requires = require("node:path").sep + require("./helper.cjs").name;',
].join('\n');

let dir: string;
let bundlePath: string;
let cacheDir: string;
const uid = process.getuid?.();

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'code-cache-test-'));
  bundlePath = join(dir, 'bundle.cjs');
  writeFileSync(bundlePath, BUNDLE);
  writeFileSync(join(dir, 'helper.cjs'), 'exports.name = "helper";');
  cacheDir = join(dir, 'cache');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function load(overrides: Partial<LoadBundleOptions> = {}) {
  return loadBundle<Bundle>({ bundlePath, cacheKey: 'bundle-status', cacheDir, uid, ...overrides });
}

function cacheFiles(): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir) : [];
}

test('the bundle runs as CommonJS: its exports, __filename, __dirname and a require() relative to it', () => {
  const loaded = load();
  expect(loaded.exports.answer).toBe(42);
  expect(loaded.exports.twice(21)).toBe(42);
  expect(loaded.exports.filename).toBe(bundlePath);
  expect(loaded.exports.dirname).toBe(dir);
  expect(loaded.exports.requires).toBe(`${sep}helper`);
});

test('the first run misses and saves; the next run of the same command hits and does not write again', () => {
  const first = load();
  expect(first.cache).toBe('miss');
  expect(cacheFiles()).toEqual([]);
  first.save();
  const files = cacheFiles();
  expect(files).toEqual([`bundle-status-${process.version}-${process.arch}.v8`]);
  const saved = readFileSync(join(cacheDir, files[0] ?? ''));
  expect(saved.length).toBeGreaterThan(0);

  const second = load();
  expect(second.cache).toBe('hit');
  expect(second.exports.twice(4)).toBe(8);
  const writes: string[] = [];
  second.save();
  load({ fs: { ...realFs(), writeFileSync: (path) => writes.push(path) } }).save();
  expect(writes).toEqual([]);
  expect(readFileSync(join(cacheDir, files[0] ?? ''))).toEqual(saved);
});

test('each command has its own cache file', () => {
  load().save();
  load({ cacheKey: 'bundle-wait' }).save();
  expect(cacheFiles().sort()).toEqual([`bundle-status-${process.version}-${process.arch}.v8`, `bundle-wait-${process.version}-${process.arch}.v8`]);
});

test('a damaged cache file is refused by V8, the bundle still runs, and save() replaces the file', () => {
  mkdirSync(cacheDir, { mode: 0o700 });
  const file = join(cacheDir, `bundle-status-${process.version}-${process.arch}.v8`);
  writeFileSync(file, Buffer.from('not a code cache, just bytes of the wrong shape'));
  const loaded = load();
  expect(loaded.cache).toBe('rejected');
  expect(loaded.exports.answer).toBe(42);
  loaded.save();
  expect(load().cache).toBe('hit');
});

test('a cache made for other source is refused, not run', () => {
  load().save();
  writeFileSync(bundlePath, BUNDLE.replace('exports.answer = 42;', 'exports.answer = 43; /* longer */'));
  const loaded = load();
  expect(loaded.cache).toBe('rejected');
  expect(loaded.exports.answer).toBe(43);
});

test('no cache directory: the cache is off and save() writes nothing', () => {
  const loaded = load({ cacheDir: undefined });
  expect(loaded.cache).toBe('off');
  loaded.save();
  expect(existsSync(cacheDir)).toBe(false);
});

describe('a directory that is not only ours is never read', () => {
  test('another owner', () => {
    load().save();
    const loaded = load({ uid: (uid ?? 0) + 1 });
    expect(loaded.cache).toBe('off');
    expect(loaded.exports.answer).toBe(42);
  });

  test('writable by the group or others', () => {
    load().save();
    chmodSync(cacheDir, 0o777);
    expect(load().cache).toBe('off');
    chmodSync(cacheDir, 0o720);
    expect(load().cache).toBe('off');
    chmodSync(cacheDir, 0o700);
    expect(load().cache).toBe('hit');
  });

  test('a symbolic link', () => {
    const real = join(dir, 'real-cache');
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, cacheDir);
    expect(load().cache).toBe('off');
  });
});

function realFs(): CodeCacheFs {
  return {
    readFileSync: (path) => readFileSync(path),
    writeFileSync: (path, data, options) => writeFileSync(path, data, options),
    renameSync: (from, to) => renameSync(from, to),
    unlinkSync: (path) => rmSync(path),
    mkdirSync: (path, options) => mkdirSync(path, options),
    lstatSync: (path) => lstatSync(path),
  };
}

describe('file system failures only cost speed', () => {
  test('a directory that cannot be made: off, and the bundle runs', () => {
    const loaded = load({ fs: { ...realFs(), mkdirSync: () => { throw new Error('EACCES'); } } });
    expect(loaded.cache).toBe('off');
    expect(loaded.exports.answer).toBe(42);
    expect(() => loaded.save()).not.toThrow();
  });

  test('a failed write leaves no file behind, half-written or whole', () => {
    const writes: string[] = [];
    const loaded = load({
      fs: {
        ...realFs(),
        writeFileSync: (path, data, options) => {
          writes.push(path);
          writeFileSync(path, data.subarray(0, 10), options);
          throw new Error('ENOSPC');
        },
      },
    });
    expect(() => loaded.save()).not.toThrow();
    expect(writes).toHaveLength(1);
    expect(cacheFiles()).toEqual([]);
  });

  test('a failed rename leaves no temporary file', () => {
    const loaded = load({ fs: { ...realFs(), renameSync: () => { throw new Error('EXDEV'); } } });
    expect(() => loaded.save()).not.toThrow();
    expect(cacheFiles()).toEqual([]);
  });

  test('the cache file is written for this user only', () => {
    load().save();
    const [file] = cacheFiles();
    const { mode } = statSync(join(cacheDir, file ?? ''));
    expect(mode & 0o077).toBe(0);
  });
});

describe('codeCacheDir', () => {
  test('a per-user directory under the temp directory by default', () => {
    expect(codeCacheDir({}, 1000, '/tmp')).toBe(join('/tmp', 'portfolio-share-waiter-cache-1000'));
    expect(codeCacheDir({}, undefined, '/tmp')).toBe(join('/tmp', 'portfolio-share-waiter-cache-user'));
  });

  test("inside Node's own NODE_COMPILE_CACHE directory when it is set", () => {
    expect(codeCacheDir({ NODE_COMPILE_CACHE: '/var/cache/node' }, 1000, '/tmp')).toBe(join('/var/cache/node', 'portfolio-share-waiter'));
    expect(codeCacheDir({ NODE_COMPILE_CACHE: '' }, 1000, '/tmp')).toBe(join('/tmp', 'portfolio-share-waiter-cache-1000'));
  });

  test("off with Node's own NODE_DISABLE_COMPILE_CACHE", () => {
    expect(codeCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' }, 1000, '/tmp')).toBeUndefined();
    expect(codeCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1', NODE_COMPILE_CACHE: '/x' }, 1000, '/tmp')).toBeUndefined();
    expect(codeCacheDir({ NODE_DISABLE_COMPILE_CACHE: '' }, 1000, '/tmp')).toBe(join('/tmp', 'portfolio-share-waiter-cache-1000'));
  });
});
