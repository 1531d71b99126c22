import type { z } from 'zod';
import type { ZhangguiDb } from '../db/schema';
import type { WorkspaceService } from '../workspace/service';

/** What message handlers get from the background: the database and the services built on it. */
export interface Services {
  db: ZhangguiDb;
  workspace: WorkspaceService;
  today: () => string;
  now: () => number;
  /** A browser notification (the background wires chrome.notifications; tests record calls). */
  notify?: (n: { id: string; title: string; message: string }) => Promise<void>;
}

/**
 * One area of the protocol (workspace, metrics, sync…): its request schemas,
 * which of them only read, and the handler. lib/messaging/protocol.ts joins
 * every area's schemas into one union; lib/messaging/handler.ts dispatches.
 */
export interface Area<R extends { type: string } = { type: string }> {
  handles: (type: string) => boolean;
  reads: ReadonlySet<string>;
  handle: (req: R, services: Services) => Promise<unknown>;
}

type RequestSchema = z.ZodObject<{ type: z.ZodLiteral<string> }>;
export type RequestOf<T extends readonly RequestSchema[]> = z.infer<T[number]>;

export function defineArea<T extends readonly RequestSchema[]>(
  requests: T,
  reads: readonly RequestOf<T>['type'][],
  handle: (req: RequestOf<T>, services: Services) => Promise<unknown>,
): Area {
  const types = new Set(requests.map((r) => r.shape.type.value));
  return { handles: (t) => types.has(t), reads: new Set(reads), handle: handle as Area['handle'] };
}
