/**
 * Keys of the background's settings rows (Dexie table `settings`, lib/db/schema.ts SettingRow).
 * Their values are stored data: a key never changes (tests/unit/db/migrations.test.ts writes it).
 */

/**
 * The member this browser acts as ("me"): set by the workspace (setup, switching member) and, in
 * team mode, by the sync engine from the pulled roster (the signed-in user's member row).
 */
export const ME_KEY = 'currentMemberId';
