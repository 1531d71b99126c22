import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { ASSISTANT_SETTINGS_KEY, assistantSettingsSchema, checkEndpoint, DEFAULT_ASSISTANT, type AssistantSettings } from '@/lib/nl/assistant';

export async function loadAssistantSettings(): Promise<AssistantSettings> {
  const raw = (await browser.storage.local.get(ASSISTANT_SETTINGS_KEY))[ASSISTANT_SETTINGS_KEY];
  const p = assistantSettingsSchema.safeParse(raw ?? {});
  return p.success ? p.data : DEFAULT_ASSISTANT;
}

/**
 * Settings for the optional assistant (OFF by default). Enabling asks the browser for the one
 * origin typed here (optional host permission), so nothing can be sent anywhere the user did not
 * name; disabling gives the permission back.
 */
export function AssistantSettingsForm({ onSaved }: { onSaved?: (s: AssistantSettings) => void }): React.JSX.Element {
  const [s, setS] = useState<AssistantSettings>(DEFAULT_ASSISTANT);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void loadAssistantSettings().then(setS);
  }, []);

  const save = async (enabled: boolean): Promise<void> => {
    setMsg(null);
    const next = { ...s, enabled };
    if (enabled) {
      const check = checkEndpoint(next.baseUrl);
      if (!check.ok) return setMsg({ ok: false, text: `${check.zh} / ${check.en}` });
      if (!next.model.trim()) return setMsg({ ok: false, text: '请填写模型名称 / model is required' });
      // Must run in the click's user gesture: the browser shows its own permission prompt.
      const granted = await browser.permissions.request({ origins: [check.permission] }).catch(() => false);
      if (!granted) return setMsg({ ok: false, text: `浏览器未授予访问 ${check.origin} 的权限，助手保持关闭 / permission for ${check.origin} was not granted; the assistant stays off` });
    } else {
      const check = checkEndpoint(s.baseUrl);
      if (check.ok) await browser.permissions.remove({ origins: [check.permission] }).catch(() => false);
    }
    await browser.storage.local.set({ [ASSISTANT_SETTINGS_KEY]: next });
    setS(next);
    onSaved?.(next);
    setMsg({ ok: true, text: enabled ? '已启用；每次提问前都会先给你看要发送的内容 / enabled; every question shows what will be sent first' : '已关闭 / turned off' });
  };

  return (
    <div className="llm-settings card">
      <strong>AI 助手（可选） Assistant (optional)</strong>
      <p className="muted small">默认关闭。只会发送你的问题和店铺汇总数据（近7天/前7天），不含商品、买家或订单信息。Off by default. Only your question and shop totals are sent, never items, buyers or orders.</p>
      <label>
        接口地址 Base URL（OpenAI 兼容）
        <input name="assistant-url" placeholder="https://api.example.com/v1" value={s.baseUrl} onChange={(e) => setS({ ...s, baseUrl: e.target.value })} />
      </label>
      <label>
        模型 Model
        <input name="assistant-model" placeholder="gpt-4o-mini" value={s.model} onChange={(e) => setS({ ...s, model: e.target.value })} />
      </label>
      <label>
        API Key（只保存在本机 stored on this computer only）
        <input name="assistant-key" type="password" autoComplete="off" value={s.apiKey} onChange={(e) => setS({ ...s, apiKey: e.target.value })} />
      </label>
      <div className="actions">
        <button type="button" className="primary small" onClick={() => void save(true)}>
          {s.enabled ? '保存 Save' : '启用 Enable'}
        </button>
        {s.enabled && (
          <button type="button" className="small" onClick={() => void save(false)}>
            关闭 Turn off
          </button>
        )}
        <span className={s.enabled ? 'ok-text' : 'muted small'}>{s.enabled ? '已启用 On' : '未启用 Off'}</span>
      </div>
      {msg && <p className={msg.ok ? 'ok-text' : 'error'}>{msg.text}</p>}
    </div>
  );
}
