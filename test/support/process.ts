import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type Spawned = {
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far (the last `keep` characters). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
};

/**
 * The one way tests (and the benchmark) run a script of this repository: `node <args>` from the repo
 * root with a clean environment (PATH and HOME, plus `env`), output collected.
 */
export function spawnNode(args: string[], env: Record<string, string>, options: { stdin?: string; keep?: number; maxOpenFiles?: number; cpus?: string } = {}): Spawned {
  // A lower limit of open files (ulimit -n) for the process, set by a shell that then becomes node;
  // or the process pinned to some cores (taskset, which becomes node: the pid is node's).
  const [command, commandArgs] =
    options.maxOpenFiles !== undefined
      ? ['bash', ['-c', `ulimit -n ${options.maxOpenFiles} && exec "$0" "$@"`, process.execPath, ...args]]
      : options.cpus !== undefined
        ? ['taskset', ['-c', options.cpus, process.execPath, ...args]]
        : [process.execPath, args];
  const child = spawn(command, commandArgs, {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = options.keep ?? Infinity;
  const collect = (d: Buffer) => {
    out += d.toString();
    if (out.length > keep) out = out.slice(-keep);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

/** A TypeScript entry point run the way npm's scripts run it (tsx as the loader). */
export const tsxArgs = (entry: string, ...rest: string[]) => ['--import', 'tsx', entry, ...rest];

export type Started = {
  child: ChildProcess;
  url: string;
  output(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
};

/** Runs the service as `npm start` does and waits for its listening line. */
export async function startService(env: Record<string, string>, timeoutMs = 30_000, options: { maxOpenFiles?: number } = {}): Promise<Started> {
  const { child, output, exited } = spawnNode(
    tsxArgs('src/main.ts'),
    { PORT: '0', HOST: '127.0.0.1', BCRYPT_COST: '4', LOG_LEVEL: 'info', ...env },
    options.maxOpenFiles === undefined ? {} : { maxOpenFiles: options.maxOpenFiles },
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in time:\n${output()}`)), timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before listening:\n${output()}`));
    });
  });
  return {
    child,
    url,
    output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs a script to its end; resolves with its exit code and output. */
export async function runToExit(args: string[], env: Record<string, string>, stdin?: string): Promise<{ code: number | null; output: string }> {
  const run = spawnNode(args, env, stdin === undefined ? {} : { stdin });
  const code = await run.exited;
  return { code, output: run.output() };
}

/** Runs the service expecting it to fail at start-up; resolves with its exit code and output. */
export const runUntilExit = (env: Record<string, string>) => runToExit(tsxArgs('src/main.ts'), env);
