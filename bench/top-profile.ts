// Summarises a .cpuprofile (from BENCH_PROFILE=1): self time by function and by package, and the
// inclusive time of the project's own functions. Usage: tsx bench/top-profile.ts <file> [rows]
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/top-profile.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 25);
const profile = profileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
// Percentages are of busy time: idle samples (waiting for I/O or for load) are left out.
const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id);
for (const id of idle) self.delete(id);
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg?.[1]) return pkg[1];
  if (url.startsWith('node:')) return url;
  if (url.includes('/src/') || url.includes('/bot/')) return 'project';
  return url ? 'other' : '(native/gc/idle)';
}
const label = (id: number) => {
  const f = byId.get(id)?.callFrame;
  return f ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bot)\//, '$1/')}:${f.lineNumber + 1}` : '?';
};

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const selfByFn = new Map<string, number>();
const selfByPkg = new Map<string, number>();
const inclusive = new Map<string, number>();
for (const [id, t] of self) {
  add(selfByFn, label(id), t);
  add(selfByPkg, where(byId.get(id)?.callFrame.url ?? ''), t);
  // Each sample counts once for every distinct function on its stack.
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(cur);
    if (!seen.has(l)) add(inclusive, l, t), seen.add(l);
  }
}

const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const show = (title: string, m: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(t)}  ${k}`);
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s busy (idle left out)`);
show('self time by package', selfByPkg, 15);
show('self time by function', selfByFn, rows);
show('inclusive time', inclusive, rows);
