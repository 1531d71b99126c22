import type { Member } from '../domain/member';

export type MemberMatch =
  | { kind: 'found'; member: Member; length: number }
  | { kind: 'unknown'; name: string }
  | { kind: 'ambiguous'; name: string; candidates: Member[] };

const BOUNDARY = /^(?:$|[,.;:!?，。；：\s]|今天|明天|后天|下周|本周|这周|周|星期|礼拜|\d|前|截止|完成|做|负责|处理|跟进|建|新建|创建|开|加|安排|一个|个|任务|by\b|due\b|before\b)/i;

/**
 * Reads a member name at the start of `text` (Chinese names have no spaces around them, so the
 * member list says where a name ends). Exact names only, never a "closest" person: assigning
 * work to the wrong colleague is worse than asking.
 */
export function matchMemberAt(text: string, members: readonly Member[]): MemberMatch {
  const active = members.filter((m) => m.deletedAt === null);
  const lower = text.toLowerCase();
  const hits = active
    .filter((m) => {
      const n = m.name.toLowerCase();
      return lower.startsWith(n) && BOUNDARY.test(text.slice(n.length)) ;
    })
    .sort((a, b) => b.name.length - a.name.length);
  if (hits.length > 0) {
    const longest = hits[0]!.name.length;
    const same = hits.filter((m) => m.name.length === longest);
    if (same.length > 1) return { kind: 'ambiguous', name: hits[0]!.name, candidates: same };
    return { kind: 'found', member: hits[0]!, length: longest };
  }
  // Not a member: read the name the person meant, to ask about it.
  const latin = /^[A-Za-z][\w.-]*/.exec(text);
  if (latin) return { kind: 'unknown', name: latin[0] };
  for (let len = 1; len <= Math.min(4, text.length); len++) {
    if (BOUNDARY.test(text.slice(len))) return { kind: 'unknown', name: text.slice(0, len) };
  }
  return { kind: 'unknown', name: text.slice(0, 4) };
}
