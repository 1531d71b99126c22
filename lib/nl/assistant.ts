import { z } from 'zod';

/**
 * The optional OpenAI-compatible assistant for free-form questions. OFF by default; the user
 * gives a base URL, model and key (chrome.storage.local), the browser grants that one origin at
 * enable time, and every question shows exactly what will be sent before it is sent: the
 * question and shop-level aggregate figures, never an item, a buyer or an order.
 */

export const ASSISTANT_SETTINGS_KEY = 'zg:assistant';

export const assistantSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  baseUrl: z.string().max(500).default(''),
  model: z.string().max(100).default(''),
  apiKey: z.string().max(500).default(''),
});
export type AssistantSettings = z.infer<typeof assistantSettingsSchema>;

export const DEFAULT_ASSISTANT: AssistantSettings = { enabled: false, baseUrl: '', model: '', apiKey: '' };

/** Hosts we never send a request of our own to (Taobao/Tmall/Alibaba and their CDNs and clouds). */
const FORBIDDEN_HOSTS = /(^|\.)(taobao\.com|taobao\.net|tmall\.com|tmall\.hk|alibaba\.com|alibaba-inc\.com|alicdn\.com|alipay\.com|1688\.com|aliyun\.com|aliyuncs\.com|mmstat\.com|tbcdn\.cn|alibabacloud\.com)$/i;

export type EndpointCheck = { ok: true; origin: string; url: string; permission: string } | { ok: false; zh: string; en: string };

/** Checks a base URL and gives the chat-completions URL and the origin permission to request. */
export function checkEndpoint(baseUrl: string): EndpointCheck {
  let u: URL;
  try {
    u = new URL(baseUrl.trim());
  } catch {
    return { ok: false, zh: '地址无效', en: 'not a valid URL' };
  }
  const local = u.hostname === 'localhost' || u.hostname === '127.0.0.1';
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && local)) return { ok: false, zh: '只支持 https 地址（本机可用 http）', en: 'https only (http for localhost)' };
  if (FORBIDDEN_HOSTS.test(u.hostname)) return { ok: false, zh: '不能发送到淘宝/阿里巴巴的服务器', en: 'requests to Taobao/Alibaba hosts are never sent' };
  if (u.username || u.password) return { ok: false, zh: '地址中不能包含账号密码', en: 'no credentials in the URL' };
  const path = u.pathname.replace(/\/+$/, '');
  const url = `${u.origin}${path.endsWith('/chat/completions') ? path : `${path}/chat/completions`}`;
  return { ok: true, origin: u.origin, url, permission: `${u.protocol}//${u.hostname}/*` };
}

export interface AggregateFigureLike {
  metric: string;
  labelZh: string;
  last7: number | null;
  previous7: number | null;
}

/** The exact JSON body sent (shown to the person before they agree). */
export function assistantBody(question: string, figures: readonly AggregateFigureLike[], model: string): { model: string; messages: Array<{ role: 'system' | 'user'; content: string }> } {
  const table = figures.map((f) => ({ 指标: f.labelZh, 近7天: f.last7 === null ? null : Math.round(f.last7 * 10000) / 10000, 前7天: f.previous7 === null ? null : Math.round(f.previous7 * 10000) / 10000 }));
  return {
    model,
    messages: [
      { role: 'system', content: '你是淘宝店铺运营助手。只根据用户给出的汇总数据回答，数据不足时直接说明。用简体中文回答，简短。' },
      { role: 'user', content: `${question.trim().slice(0, 500)}\n\n店铺汇总数据（比率为小数，金额为元）：${JSON.stringify(table)}` },
    ],
  };
}

const replySchema = z.object({ choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1) });

/** The answer text from an OpenAI-compatible reply, or an error that says what came back. */
export function readAssistantReply(json: unknown): { ok: true; text: string } | { ok: false; error: string } {
  const p = replySchema.safeParse(json);
  if (!p.success) return { ok: false, error: '助手返回的格式无法识别 / the assistant replied in an unexpected format' };
  return { ok: true, text: p.data.choices[0]!.message.content.slice(0, 4000) };
}
