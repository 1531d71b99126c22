import { groupContentScript } from '@/components/features/boot';
import { SYCM } from '@/components/features/groups/sycm';

/** 生意参谋: the Sycm features (components/features/groups/sycm.ts). */
export default defineContentScript(groupContentScript(SYCM));
