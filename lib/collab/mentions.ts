/**
 * @mentions in comment text. A mention is `@` followed by a current member's
 * name, matched against the member list (not a token pattern) because names
 * are Chinese without spaces (小美, 王店长) or Latin with spaces (Anna Lee):
 *  - the longest matching name wins (`@小美美` is 小美美 when both exist);
 *  - a Latin name must end at a non-letter/digit (`@Annabelle` is not Anna);
 *    a name ending in a CJK character needs no boundary (`@小美看下` is 小美);
 *  - `@` right after a letter or digit is not a mention (emails: a@b.com);
 *  - `@someone` who is not a member is plain text and notifies nobody.
 * Latin names match case-insensitively. Zod-free and pure.
 */
export interface MentionMember {
  id: string;
  name: string;
}
export interface Mention {
  memberId: string;
  /** Index of the `@` and the end of the name in the text. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}_]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function parseMentions(text: string, members: readonly MentionMember[]): Mention[] {
  const names = members
    .map((m) => ({ id: m.id, name: m.name.trim(), lower: m.name.trim().toLowerCase() }))
    .filter((m) => m.name.length > 0)
    .sort((a, b) => b.name.length - a.name.length);
  const out: Mention[] = [];
  const lower = text.toLowerCase();
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '@' && text[i] !== '＠') continue;
    const before = i > 0 ? text[i - 1] : '';
    if (before && WORD.test(before) && !CJK.test(before)) continue;
    for (const m of names) {
      if (!lower.startsWith(m.lower, i + 1)) continue;
      const end = i + 1 + m.name.length;
      const lastChar = m.name[m.name.length - 1] ?? '';
      const next = text[end] ?? '';
      if (next && !CJK.test(lastChar) && WORD.test(next) && !CJK.test(next)) continue;
      out.push({ memberId: m.id, start: i, end });
      i = end - 1;
      break;
    }
  }
  return out;
}

/** The distinct members mentioned, in order of first mention. */
export function mentionedIds(text: string, members: readonly MentionMember[]): string[] {
  return [...new Set(parseMentions(text, members).map((m) => m.memberId))];
}
