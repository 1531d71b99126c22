import { UserError } from '../workspace/errors';
import type { Services } from './area';
import { AREAS } from './areas';
import { requestSchema, type Reply } from './protocol';

export interface HandlerContext extends Services {
  /** Called after a successful write, with the request's type (bumps the data version so every view refreshes). */
  onChange?: (cause?: string) => void | Promise<void>;
}

/** Parses and answers one message. Never throws: refusals and failures become `{ok: false}`. */
export async function handleMessage(raw: unknown, ctx: HandlerContext): Promise<Reply> {
  const parsed = requestSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: `无效消息 / malformed message: ${first ? `${first.path.join('.')} ${first.message}` : 'unknown'}` };
  }
  const req = parsed.data;
  const area = AREAS.find((a) => a.handles(req.type));
  if (!area) return { ok: false, error: `未知消息 / unknown message: ${req.type}` };
  try {
    const data = await area.handle(req, ctx);
    if (!area.reads.has(req.type)) await ctx.onChange?.(req.type);
    return { ok: true, data };
  } catch (e) {
    if (e instanceof UserError) return { ok: false, error: e.message, field: e.field };
    console.error('[zhanggui] message failed', req.type, e);
    return { ok: false, error: `内部错误 / internal error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
