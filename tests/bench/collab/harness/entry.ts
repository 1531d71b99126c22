import { imageVersions } from '../../../../components/features/image-versions';
import { priceHistory } from '../../../../components/features/price-history';
import { FirstPaint } from '../../../../lib/features/first-paint';
import { detectPage } from '../../../../lib/taobao/page-detect';

/** Runs the collaboration features on the current page as the feature loader would. */
const url = new URL(location.href);
const page = detectPage(url);
const controller = new AbortController();
for (const f of [imageVersions, priceHistory]) {
  if (page && f.include(page, url)) void f.init(controller.signal, { ctx: {} as never, url, page, firstPaint: new FirstPaint() });
}
