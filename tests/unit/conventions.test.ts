import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** Meta tests: the project's hard rules, checked over the source tree. */
const ROOT = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(ROOT, dir))) {
    const rel = path.join(dir, name);
    if (statSync(path.join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}
const CODE = ['lib', 'components', 'entrypoints'].flatMap(sources);

describe('project conventions', () => {
  it.each(CODE)('%s renders data as text (no raw HTML sinks)', (file) => {
    const src = readFileSync(path.join(ROOT, file), 'utf8');
    expect(src).not.toMatch(/\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/);
  });
  it.each(CODE)('%s sends nothing of its own to a Taobao/Alibaba host and holds no service-role key', (file) => {
    const src = readFileSync(path.join(ROOT, file), 'utf8');
    expect(src).not.toMatch(/fetch\([^)]*(taobao|tmall|alicdn|alibaba)/i);
    expect(src).not.toMatch(/service_role_key|SUPABASE_SERVICE_ROLE/i);
  });
  it('keeps React and zod out of the content script entry and its features', () => {
    const entries = readdirSync(path.join(ROOT, 'entrypoints')).filter((n) => n.endsWith('.content') || n.endsWith('.content.ts'));
    const content = [...entries.flatMap((n) => (n.endsWith('.ts') ? [`entrypoints/${n}`] : sources(`entrypoints/${n}`))), ...sources('components/features')];
    for (const file of content) {
      const valueImports = readFileSync(path.join(ROOT, file), 'utf8')
        .split('\n')
        .filter((l) => l.startsWith('import ') && !l.startsWith('import type '));
      for (const line of valueImports) expect(line, file).not.toMatch(/from 'react|from 'zod'|from '@\/lib\/domain'/);
    }
  });
  it('gives every injected feature a unique id', async () => {
    const { FEATURES } = await import('@/components/features');
    const ids = FEATURES.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
