import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runToExit, tsxArgs } from './process.js';

/** npm's own script, so `npm run` goes through the same node-spawning helper as everything else. */
function npmCli(): string {
  const beside = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
  const fromNpm = process.env.npm_execpath;
  if (fromNpm && /npm-cli\.js$/.test(fromNpm)) return fromNpm;
  if (existsSync(beside)) return beside;
  throw new Error('npm-cli.js not found beside node');
}

/** Runs `npm run verify` (or the script directly, which is quicker) against a database. */
export function runVerify(databaseUrl: string, via: 'npm' | 'node' = 'node'): Promise<{ code: number | null; output: string }> {
  const args = via === 'npm' ? [npmCli(), 'run', '--silent', 'verify'] : tsxArgs('src/verify.ts');
  return runToExit(args, { DATABASE_URL: databaseUrl });
}
