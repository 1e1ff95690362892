#!/usr/bin/env node
import { pino } from 'pino';
import { main } from './main.js';
import { npmExecAncestor, whenGone } from './npmExecWatch.js';

const stopSignal = new Promise<string>((resolve) => {
  process.once('SIGINT', () => resolve('SIGINT'));
  process.once('SIGTERM', () => resolve('SIGTERM'));
  // Started through `npx`/`npm exec`: stop when that npm process goes (the pid `$!` names in a shell).
  const npm = npmExecAncestor(process.env);
  if (npm !== undefined) void whenGone(npm).then(() => resolve('npm exec exited'));
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  logStream: pino.destination(2),
  stopSignal,
});
