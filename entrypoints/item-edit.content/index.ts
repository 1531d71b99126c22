import { groupContentScript } from '@/components/features/boot';
import { ITEM_EDIT } from '@/components/features/groups/item-edit';

/** The item editors: their features (components/features/groups/item-edit.ts). */
export default defineContentScript(groupContentScript(ITEM_EDIT));
