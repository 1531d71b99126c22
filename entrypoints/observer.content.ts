import { installObserver } from '@/lib/capture/observer';
import { SELLER_MATCHES } from '@/lib/taobao/hosts';

/**
 * MAIN world, document_start: sees the responses the seller pages fetch for themselves and
 * forwards them to our isolated content script (lib/capture/observer.ts says how, and what it
 * never does): KPI capture on Sycm and Qianniu, the saved SKU prices on the item edit page
 * (components/features/price-history.ts). The same five hosts as the manifest's host
 * permissions, nothing more. No other imports (the host list has none): this runs before the
 * page's own scripts, on every load.
 */
export default defineContentScript({
  matches: [...SELLER_MATCHES],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    installObserver(window);
  },
});
