import type { Member } from '@/lib/domain';

export function memberName(members: readonly Member[], id: string | null): string {
  if (!id) return '未分配';
  return members.find((m) => m.id === id)?.name ?? '（已移除）';
}
