import { useState } from 'react';
import type { Member } from '@/lib/domain';
import type { AttachmentMeta } from '@/lib/collab/model';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX_BYTES_PER_SHOP, formatBytes } from '@/lib/collab/limits';
import { call } from '@/lib/messaging/client';
import { memberName } from '../shared/format';
import { useRemote } from '../shared/use-remote';

/** Reads a chosen file as base64 for the message to the background (the only IndexedDB writer). */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error ?? new Error('read failed'));
    r.readAsDataURL(file);
  });
}

function base64Blob(b64: string, type: string): Blob {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

/** A task's files: list, download, upload (limits stated up front), delete your own. */
export function AttachmentList({ taskId, members, meId }: { taskId: string; members: readonly Member[]; meId: string | null }): React.JSX.Element {
  const list = useRemote<AttachmentMeta[]>({ type: 'attachments.list', taskId }, [taskId]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File): Promise<void> => {
    setError(null);
    if (file.size > ATTACHMENT_MAX_BYTES) return setError(`文件太大：${formatBytes(file.size)}，每个文件最多 ${formatBytes(ATTACHMENT_MAX_BYTES)} / at most ${formatBytes(ATTACHMENT_MAX_BYTES)} per file`);
    setBusy(true);
    try {
      await call({ type: 'attachment.add', taskId, commentId: null, name: file.name.slice(0, 255) || 'file', mimeType: /^[a-z]+\/[a-z0-9.+-]+$/.test(file.type) ? file.type : 'application/octet-stream', dataBase64: await readBase64(file) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const download = async (a: AttachmentMeta): Promise<void> => {
    const r = await call<{ dataBase64: string }>({ type: 'attachment.get', id: a.id });
    const url = URL.createObjectURL(base64Blob(r.dataBase64, a.mimeType));
    const link = document.createElement('a');
    link.href = url;
    link.download = a.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="attachments-section">
      <h4>附件 Attachments</h4>
      {list.data && list.data.length === 0 && <p className="empty">还没有附件。</p>}
      <ul className="attachments">
        {list.data?.map((a) => (
          <li key={a.id}>
            <button type="button" className="small" onClick={() => void download(a).catch((e: unknown) => setError(String(e)))}>
              ⬇ {a.name}
            </button>
            <span className="muted">
              {formatBytes(a.sizeBytes)} · {memberName(members, a.uploadedBy)}
            </span>
            {a.uploadedBy === meId && (
              <button type="button" className="small danger" onClick={() => void call({ type: 'attachment.delete', id: a.id }).catch((e: unknown) => setError(String(e)))}>
                删除
              </button>
            )}
          </li>
        ))}
      </ul>
      <label className="small">
        上传文件 Upload（每个文件最多 {formatBytes(ATTACHMENT_MAX_BYTES)}，每个店铺共 {formatBytes(ATTACHMENTS_MAX_BYTES_PER_SHOP)}）
        <input
          type="file"
          disabled={busy}
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void upload(f);
          }}
        />
      </label>
      {error && <div className="error">{error}</div>}
    </section>
  );
}
