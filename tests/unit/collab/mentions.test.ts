import { describe, expect, it } from 'vitest';
import { mentionedIds, parseMentions } from '@/lib/collab/mentions';

const members = [
  { id: 'm1', name: '小美' },
  { id: 'm2', name: '小美美' },
  { id: 'm3', name: '王店长' },
  { id: 'm4', name: 'Anna Lee' },
  { id: 'm5', name: 'Anna' },
  { id: 'm6', name: 'Bo' },
];

describe('parseMentions', () => {
  it.each([
    ['@小美 看一下主图', ['m1']],
    ['@小美看一下主图', ['m1']], // Chinese: no space needed after the name
    ['@小美美 你来', ['m2']], // the longest name wins
    ['请 @王店长 和 @小美 确认', ['m3', 'm1']],
    ['@Anna Lee please check', ['m4']], // a name with a space
    ['@anna lee lower case', ['m4']], // Latin names ignore case
    ['@Anna, please', ['m5']],
    ['@Annabelle is not Anna', []], // Latin names end at a word boundary
    ['mail me at bo@example.com', []], // an email is not a mention
    ['@张三 不是成员', []], // a non-member is plain text
    ['＠小美 full-width at sign', ['m1']],
    ['@Bo。好的', ['m6']],
    ['@@小美', ['m1']],
    ['', []],
  ])('%j → %j', (text, ids) => {
    expect(mentionedIds(text, members)).toEqual(ids);
  });

  it('reports where each mention is, and a repeated mention once in the id list', () => {
    const text = '@小美 和 @小美';
    expect(parseMentions(text, members)).toEqual([
      { memberId: 'm1', start: 0, end: 3 },
      { memberId: 'm1', start: 6, end: 9 },
    ]);
    expect(mentionedIds(text, members)).toEqual(['m1']);
  });

  it('ignores members with empty names', () => {
    expect(mentionedIds('@ hello', [{ id: 'x', name: '  ' }])).toEqual([]);
  });
});
