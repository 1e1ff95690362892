import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * `npx portfolio-share-simulator &` makes `$!` the pid of `npm exec`, which runs the simulator through
 * `sh -c`. Killing that pid (the usual `kill "$SIM_PID"`) ends npm only; the simulator would run on as an
 * orphan holding its port. So when npm launched us, we watch that npm process and stop when it is gone.
 */

interface ProcessInfo {
  ppid: number;
  command: string;
}

/** Parent pid and command line of `pid`: /proc on Linux, `ps` elsewhere; undefined when neither answers. */
function processInfo(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    // pid (comm) state ppid ...; comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) ? { ppid, command } : undefined;
  } catch {
    try {
      const line = execFileSync('ps', ['-o', 'ppid=,command=', '-p', String(pid)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      const match = /^(\d+)\s+(.*)$/.exec(line);
      return match ? { ppid: Number(match[1]), command: match[2] ?? '' } : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The pid of the `npm exec` / `npx` process among our nearest ancestors, when npm launched us. */
export function npmExecAncestor(env: NodeJS.ProcessEnv, ppid: number = process.ppid): number | undefined {
  if (env.npm_command !== 'exec') return undefined;
  let pid = ppid;
  // npm exec → sh -c → node: npm is the parent or the grandparent.
  for (let depth = 0; depth < 3 && pid > 1; depth += 1) {
    const info = processInfo(pid);
    if (!info) return undefined;
    if (/(^|[\s/])(npm|npx)(\s|$)|npm-cli\.js|npx-cli\.js/.test(info.command)) return pid;
    pid = info.ppid;
  }
  return undefined;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Resolves once process `pid` has exited (checked every `intervalMs`; the timer never keeps Node alive). */
export function whenGone(pid: number, intervalMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (alive(pid)) return;
      clearInterval(timer);
      resolve();
    }, intervalMs);
    timer.unref();
  });
}
