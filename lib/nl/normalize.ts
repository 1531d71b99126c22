/**
 * Puts a typed command in one shape before matching: half-width punctuation and digits,
 * single spaces, and Chinese numerals turned into digits where they count something
 * ("前三个" → "前3个", "十一月一日" → "11月1日"), never in weekday names ("周一" stays).
 */
const FULL_WIDTH = /[\uff01-\uff5e]/g;

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** "十一" → 11, "二十三" → 23, "三" → 3, "一百" → 100; null if not a numeral. */
export function chineseNumber(s: string): number | null {
  if (s.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch in DIGIT) current = DIGIT[ch]!;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return null;
  }
  return total + current;
}

export function normalize(input: string): string {
  let s = input.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  s = s.replace(/\u3000/g, ' ').replace(/[、]/g, ',').replace(/[。]/g, '.');
  // Numerals that count or date something: followed by a unit. 周/星期 + numeral is a weekday, left alone.
  s = s.replace(/(^|[^周期拜])([零〇一二两三四五六七八九十百]+)(?=[个天月日号名件位年周条项])/g, (all, pre: string, num: string) => {
    const n = chineseNumber(num);
    return n === null ? all : `${pre}${n}`;
  });
  return s.replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '').trim();
}
