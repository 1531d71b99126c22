import { describe, expect, it } from 'vitest';
import { FEATURES, GROUPS } from '@/components/features';
import { detectPage, PAGES } from '@/lib/taobao/page-detect';
import { SELLER_HOSTS } from '@/wxt.config';

/** A manifest match pattern of ours (`https://host/*`) as a test on a URL. */
const matches = (pattern: string, url: URL): boolean => `${url.protocol}//${url.hostname}/*` === pattern;

describe('content script groups', () => {
  const examples = PAGES.flatMap((p) => p.examples.map((href) => ({ kind: p.kind, url: new URL(href) })));

  it.each(examples)('$url is served by one script carrying every feature that runs there', ({ url }) => {
    const serving = Object.entries(GROUPS).filter(([, g]) => g.matches.some((m) => matches(m, url)));
    expect(serving.map(([name]) => name)).toHaveLength(1);
    const [, group] = serving[0]!;
    const page = detectPage(url)!;
    for (const f of FEATURES) if (f.include(page, url)) expect(group.features, `${f.id} on ${url.href}`).toContain(f);
  });

  it('cover exactly the seller hosts, each host once', () => {
    const all = Object.values(GROUPS).flatMap((g) => g.matches);
    expect([...all].sort()).toEqual([...SELLER_HOSTS].sort());
  });

  it('carry no feature that never runs on their hosts', () => {
    for (const [name, g] of Object.entries(GROUPS)) {
      const own = examples.filter(({ url }) => g.matches.some((m) => matches(m, url)));
      for (const f of g.features) expect(own.some(({ kind, url }) => f.include(kind, url)), `${f.id} in ${name}`).toBe(true);
    }
  });
});
