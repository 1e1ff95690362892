#!/usr/bin/env node
import { pino } from 'pino';
import { main } from './main.js';

const stopSignal = new Promise<string>((resolve) => {
  process.once('SIGINT', () => resolve('SIGINT'));
  process.once('SIGTERM', () => resolve('SIGTERM'));
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  logStream: pino.destination(2),
  stopSignal,
});
