import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

import { ROOT, spawnNode } from '../test/support/process.js';

export { ROOT };
export { freePort } from '../test/support/ports.js';

/**
 * The server as `npm start` runs it: its node arguments (flags, then the entry point), whether the
 * script is `node dist/…` (the production build) or `tsx <flags> src/main.ts`.
 */
export function startArgs(): string[] {
  const pkg = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')));
  const [runner, ...rest] = pkg.scripts.start.split(/\s+/).filter(Boolean);
  if (runner === 'node') return rest;
  if (runner === 'tsx') return [...rest.filter((a) => a.startsWith('--')), '--import', 'tsx', ...rest.filter((a) => !a.startsWith('--'))];
  throw new Error(`npm start runs ${runner}: the benchmark knows node and tsx`);
}

export type Service = {
  name: string;
  url: string;
  pid: number;
  /** Starts a fresh peak-RSS window (clear_refs when the kernel allows, else sampling from now on). */
  resetPeak(): void;
  /** Peak RSS in MB since the last reset: the larger of the kernel's VmHWM and our own VmRSS samples. */
  peakRssMb(): number;
  /** CPU time (user + system) the process has used so far, in milliseconds. */
  cpuMs(): number;
  /** Milliseconds from the spawn to the first answer of /healthz. */
  startupMs: number;
  stop(): Promise<void>;
};

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** Runs `node <args>` from the repo root on `port` and waits until it answers HTTP. */
/** user + system CPU of a process in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** Runs `node <args>` from the repo root on `port` (pinned to `cpus` when given) and waits until it answers HTTP. */
export async function startNode(name: string, args: string[], port: number, env: Record<string, string>, cpus?: string): Promise<Service> {
  const spawnedAt = performance.now();
  const { child, output, exited } = spawnNode(args, env, { keep: 20_000, ...(cpus === undefined ? {} : { cpus }) });
  let gone = false;
  void exited.then(() => (gone = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (gone) throw new Error(`${name} exited before answering:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer in 60 s:\n${output()}`);
    }
    try {
      await fetch(`${url}/healthz`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  const startupMs = performance.now() - spawnedAt;
  const pid = child.pid ?? 0;
  let sampledKb = 0;
  const sampler = setInterval(() => {
    sampledKb = Math.max(sampledKb, statusKb(pid, 'VmRSS'));
  }, 50);
  sampler.unref();
  let hwmTrusted = false;
  const resetPeak = () => {
    sampledKb = statusKb(pid, 'VmRSS');
    try {
      // "5" resets the peak RSS (VmHWM) to the current RSS.
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
      hwmTrusted = true;
    } catch {
      hwmTrusted = false;
    }
  };
  return {
    name,
    url,
    pid,
    resetPeak,
    peakRssMb: () => Math.max(sampledKb, hwmTrusted ? statusKb(pid, 'VmHWM') : 0) / 1024,
    cpuMs: () => cpuMsOf(pid),
    startupMs,
    async stop() {
      clearInterval(sampler);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (child.exitCode !== 0 && child.signalCode === null && output().includes('Error')) process.stderr.write(`${name}:\n${output()}\n`);
    },
  };
}
