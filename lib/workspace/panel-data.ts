import type { ItemNames } from '../items/label';
import type { Member, Shop, Task } from '../domain';

/**
 * The background's answer to `panel.get`: what the docked panel shows beside a seller page.
 * The panel frame (components/panel) renders all of it; the content script's first view
 * (lib/features/panel-preview.ts) checks and renders the lists before the frame exists.
 */
export interface PanelData {
  shop: Shop | null;
  onboarded: boolean;
  me: Member | null;
  members: Member[];
  myTasks: Task[];
  itemId: string | null;
  itemTasks: Task[];
  /** itemId → title (the item catalog) for the current item and the tasks' linked items. */
  itemNames: ItemNames;
  today: string;
}
