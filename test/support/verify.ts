import { spawn } from 'node:child_process';
import { ROOT } from './process.js';

/** Runs `npm run verify` (or the script directly, which is quicker) against a database. */
export function runVerify(databaseUrl: string, via: 'npm' | 'node' = 'node'): Promise<{ code: number | null; output: string }> {
  const [command, args] =
    via === 'npm' ? ['npm', ['run', '--silent', 'verify']] : [process.execPath, ['--import', 'tsx', 'src/verify.ts']];
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}
