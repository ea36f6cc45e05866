/**
 * Reads a V8 CPU profile (`node --cpu-prof`) into self time per owner (an npm package, a source
 * folder of ours, Node's internals, or V8's own entries such as the garbage collector) and per
 * function, largest first.
 */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  totalMs: number;
  byOwner: Array<{ name: string; ms: number }>;
  byFunction: Array<{ name: string; ms: number }>;
}

function owner(url: string, functionName: string, root: string): string {
  if (url === '') return functionName || '(anonymous)';
  if (url.startsWith('node:')) return 'node internals';
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  const modules = file.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = file.slice(modules + '/node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? file);
  }
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : path.dirname(relative).replace(/^dist\//, '');
}

const sorted = (totals: Map<string, number>): Array<{ name: string; ms: number }> =>
  [...totals].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms || a.name.localeCompare(b.name));

export function summarizeProfile(profile: CpuProfile, root: string): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let totalUs = 0;
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id);
    const us = profile.timeDeltas[index] ?? 0;
    if (!frame || frame.functionName === '(idle)') return;
    totalUs += us;
    const who = owner(frame.url, frame.functionName, root);
    byOwner.set(who, (byOwner.get(who) ?? 0) + us / 1000);
    const name = frame.url ? `${frame.functionName || '(anonymous)'} (${who})` : who;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us / 1000);
  });
  return { totalMs: totalUs / 1000, byOwner: sorted(byOwner), byFunction: sorted(byFunction) };
}
