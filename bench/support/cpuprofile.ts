/**
 * Summarizes a V8 .cpuprofile: self time by function and by package/folder, and the inclusive time of the heaviest
 * call paths' roots. `node --import tsx bench/support/cpuprofile.ts FILE [top]`
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarizeProfile(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const where = (url: string) => {
    if (!url) return '(native/idle)';
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (m) return m[1]!;
    const p = /\/work\/[^/]+\/(.+)$/.exec(url.replace('file://', ''));
    if (p) return p[1]!.split('/').slice(0, 2).join('/');
    return url.startsWith('node:') ? url : url.split('/').slice(-2).join('/');
  };
  const fnSelf = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${where(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fnSelf.set(fn, (fnSelf.get(fn) ?? 0) + t);
    pkgSelf.set(where(n.callFrame.url), (pkgSelf.get(where(n.callFrame.url)) ?? 0) + t);
    // Inclusive per function (each function counted once per stack).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const c = byId.get(cur)!.callFrame;
      const key = `${c.functionName || '(anonymous)'} ${where(c.url)}:${c.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + t);
    }
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1)}%`;
  const list = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, t]) => `${pct(t).padStart(6)}  ${k}`);
  return { totalMs: total / 1000, byPackage: list(pkgSelf), bySelf: list(fnSelf), byInclusive: list(inclusive) };
}

if (import.meta.filename === process.argv[1]) {
  const s = summarizeProfile(JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Profile, Number(process.argv[3] ?? 25));
  console.log(`sampled ${s.totalMs.toFixed(0)} ms\n\nself time by package/folder:\n${s.byPackage.join('\n')}\n\nself time by function:\n${s.bySelf.join('\n')}\n\ninclusive:\n${s.byInclusive.join('\n')}`);
}
