import { groupContentScript } from '@/components/features/boot';
import { QIANNIU } from '@/components/features/groups/qianniu';

/** 千牛: the Qianniu features (components/features/groups/qianniu.ts); follows the SPA's route changes. */
export default defineContentScript(groupContentScript(QIANNIU));
