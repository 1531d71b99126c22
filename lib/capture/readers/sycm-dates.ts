/**
 * Which day and period a Sycm DOM figure covers. Each card can carry its own date picker, so
 * the picker of the figure's own card wins; otherwise the page's single shown date; otherwise
 * the URL's dateRange. The URL's dateType gives the period, and the shown range must fit it
 * (a 'day' page showing a 7-day range is a mismatch we refuse rather than guess).
 */
import { type DateContext, type DayRange, parseDateRangeParam, parseShownRange, resolveDateContext } from '../dates';
import { closestEntry, matchesEntry, textOf } from '../dom';
import { urlParams } from '../url-params';
import { css, S } from '../../taobao/selectors';

const PICKER = css(S.sycmDatePicker);

type Shown = { range: DayRange } | { unreadable: string } | null;

function shownIn(el: Element): Shown {
  const picker = el.querySelector(PICKER);
  if (!picker) return null;
  const text = textOf(picker);
  const range = parseShownRange(text);
  return range ? { range } : { unreadable: text };
}

export class SycmDates {
  private readonly byCard = new Map<Element, Shown>();
  private pageShown: Shown | 'ambiguous' | undefined;
  private readonly dateType: string | null;
  private readonly urlRange: DayRange | null;

  constructor(
    private readonly doc: Document,
    url: string,
    private readonly today?: string,
  ) {
    const params = urlParams(url);
    this.dateType = params.get('dateType');
    this.urlRange = parseDateRangeParam(params.get('dateRange'));
  }

  /** Figures come in groups under one parent: resolve each parent once. */
  private readonly byParent = new Map<Element, DateContext>();

  /** The date context of a figure at `el`. */
  forElement(el: Element): DateContext {
    const parent = el.parentElement;
    // A figure element that is itself a card has its own picker: not shared with its siblings.
    if (!parent || matchesEntry(el, S.sycmCard)) return this.resolve(el);
    let ctx = this.byParent.get(parent);
    if (!ctx) {
      ctx = this.resolve(el);
      this.byParent.set(parent, ctx);
    }
    return ctx;
  }

  private resolve(el: Element): DateContext {
    const shown = this.shownFor(el);
    if (shown === 'ambiguous') return { ok: false, reason: 'several statistics dates on the page and the figure’s card has none' };
    if (shown && 'unreadable' in shown) return { ok: false, reason: `unreadable statistics date "${shown.unreadable.slice(0, 40)}"` };
    return resolveDateContext(this.dateType, shown?.range ?? this.urlRange, this.today);
  }

  private shownFor(el: Element): Shown | 'ambiguous' {
    for (let card = closestEntry(el, S.sycmCard); card; card = card.parentElement ? closestEntry(card.parentElement, S.sycmCard) : null) {
      if (!this.byCard.has(card)) this.byCard.set(card, shownIn(card));
      const shown = this.byCard.get(card);
      if (shown) return shown;
    }
    return this.pageLevel();
  }

  /** The date shown on the page when every picker shows the same one. */
  private pageLevel(): Shown | 'ambiguous' {
    if (this.pageShown !== undefined) return this.pageShown;
    const seen = new Map<string, Shown>();
    for (const p of Array.from(this.doc.querySelectorAll(PICKER))) {
      const text = textOf(p);
      const range = parseShownRange(text);
      seen.set(range ? `${range.start}|${range.end}` : `?${text}`, range ? { range } : { unreadable: text });
    }
    this.pageShown = seen.size === 0 ? null : seen.size === 1 ? ([...seen.values()][0] ?? null) : 'ambiguous';
    return this.pageShown;
  }
}
