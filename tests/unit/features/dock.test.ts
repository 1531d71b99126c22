// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { DOCK_STYLE_ID, panelShownOn, setDocked } from '@/lib/features/dock';
import { PAGES } from '@/lib/taobao/page-detect';

describe('docked panel', () => {
  it('shows on Qianniu pages and the item editors, never on orders, login or Sycm', () => {
    const shown = PAGES.filter((p) => panelShownOn(p.kind)).map((p) => p.kind);
    expect(shown).toEqual(['qianniu.workbench', 'qianniu.sellManage', 'qianniu.pictureSpace', 'qianniu.campaigns', 'qianniu.finance', 'qianniu.other', 'itemEdit']);
    expect(panelShownOn(null)).toBe(false);
  });
  it('reserves the width once and gives it back', () => {
    setDocked(document, true);
    setDocked(document, true);
    expect(document.querySelectorAll(`#${DOCK_STYLE_ID}`)).toHaveLength(1);
    expect(document.getElementById(DOCK_STYLE_ID)!.textContent).toContain('margin-right: 320px');
    setDocked(document, false);
    expect(document.getElementById(DOCK_STYLE_ID)).toBeNull();
  });
});

describe('stored panel state', () => {
  it('is expanded unless someone collapsed it (anything else stored counts as expanded)', async () => {
    const { panelExpanded } = await import('@/lib/features/dock');
    expect(panelExpanded(undefined)).toBe(true);
    expect(panelExpanded({ expanded: true })).toBe(true);
    expect(panelExpanded({ expanded: false })).toBe(false);
    expect(panelExpanded({ expanded: 'no' })).toBe(true);
    expect(panelExpanded('collapsed')).toBe(true);
  });
});
