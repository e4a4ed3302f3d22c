import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

import { ROOT, spawnNode } from '../test/support/process.js';

export { ROOT };
export { freePort } from '../test/support/ports.js';

/** The node flags `npm start` gives the server (e.g. its heap cap), so the benchmark runs it the same way. */
export function startFlags(): string[] {
  const pkg = z.object({ scripts: z.object({ start: z.string() }) }).parse(JSON.parse(readFileSync(`${ROOT}/package.json`, 'utf8')));
  return pkg.scripts.start.split(/\s+/).filter((arg) => arg.startsWith('--'));
}

export type Service = {
  name: string;
  url: string;
  pid: number;
  /** Starts a fresh peak-RSS window (clear_refs when the kernel allows, else sampling from now on). */
  resetPeak(): void;
  /** Peak RSS in MB since the last reset: the larger of the kernel's VmHWM and our own VmRSS samples. */
  peakRssMb(): number;
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
export async function startNode(name: string, args: string[], port: number, env: Record<string, string>): Promise<Service> {
  const { child, output, exited } = spawnNode(args, env, { keep: 20_000 });
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
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
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
    async stop() {
      clearInterval(sampler);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      if (child.exitCode !== 0 && child.signalCode === null && output().includes('Error')) process.stderr.write(`${name}:\n${output()}\n`);
    },
  };
}
