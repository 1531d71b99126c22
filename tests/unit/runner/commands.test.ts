import { describe, expect, it } from 'vitest';
import { needsConfirmation, requestFor, withChoice } from '@/components/commands/execute';
import { parseCommand } from '@/lib/nl';
import { assistantBody, checkEndpoint, readAssistantReply } from '@/lib/nl/assistant';
import { requestSchema } from '@/lib/messaging/protocol';
import { member, task } from '../rules/helpers';

const ctx = { today: '2026-10-21', members: [member('m-mei', 'designer', '小美'), member('m-wang', 'operator', '小王')], tasks: [task('t-img', '主图优化', { stage: '主图优化' })] };

describe('command bar: proposal → the existing message, sent only after 确认', () => {
  it('assigns an existing task through task.update, and the message passes the protocol', () => {
    const p = parseCommand('把主图优化分配给小美，周五前完成', ctx);
    expect(needsConfirmation(p)).toBe(true);
    const req = requestFor(p)!;
    expect(req).toEqual({ type: 'task.update', id: 't-img', patch: { assigneeId: 'm-mei', dueDate: '2026-10-23' } });
    expect(requestSchema.safeParse(req).success).toBe(true);
  });
  it('creates tasks and projects through task.create / project.fromTemplate; questions are reads without confirmation', () => {
    const create = requestFor(parseCommand('给小王建个任务：核对库存，明天截止，P1', ctx))!;
    expect(create).toMatchObject({ type: 'task.create', draft: { title: '核对库存', assigneeId: 'm-wang', dueDate: '2026-10-22', priority: 'P1', projectId: null } });
    expect(requestSchema.safeParse(create).success).toBe(true);
    const project = requestFor(parseCommand('新建双11大促项目，11月1日开始', ctx))!;
    expect(project).toMatchObject({ type: 'project.fromTemplate', templateId: 'builtin-double11' });
    expect(requestSchema.safeParse(project).success).toBe(true);
    const q = parseCommand('昨天访客数多少', ctx);
    expect(needsConfirmation(q)).toBe(false);
    expect(requestSchema.safeParse(requestFor(q)).success).toBe(true);
    expect(requestFor(parseCommand('今天天气怎么样', ctx))).toBeNull();
  });
  it('answers a clarification by replacing the unclear words with the chosen candidate', () => {
    expect(withChoice('把主图优化分配给小梅', '小梅', '小美')).toBe('把主图优化分配给小美');
  });
});

describe('optional assistant', () => {
  it('accepts https endpoints (http only on this computer) and never a Taobao/Alibaba host', () => {
    expect(checkEndpoint('https://api.example.com/v1/')).toEqual({ ok: true, origin: 'https://api.example.com', url: 'https://api.example.com/v1/chat/completions', permission: 'https://api.example.com/*' });
    expect(checkEndpoint('http://localhost:11434/v1')).toMatchObject({ ok: true, url: 'http://localhost:11434/v1/chat/completions', permission: 'http://localhost/*' });
    for (const bad of ['http://api.example.com/v1', 'https://sycm.taobao.com/x', 'https://dashscope.aliyuncs.com/v1', 'https://a.tmall.com', 'notaurl', 'https://u:p@api.example.com']) expect(checkEndpoint(bad).ok, bad).toBe(false);
  });
  it('sends only the question and shop totals', () => {
    const body = assistantBody('为什么上周转化率下降？', [{ metric: 'payRate', labelZh: '支付转化率', last7: 0.021234567, previous7: 0.03 }], 'gpt-x');
    expect(body.model).toBe('gpt-x');
    const sent = JSON.stringify(body);
    expect(sent).toContain('为什么上周转化率下降');
    expect(sent).toContain('0.0212');
    expect(sent).not.toMatch(/\d{12}/); // no item ids
    expect(readAssistantReply({ choices: [{ message: { content: '因为…' } }] })).toEqual({ ok: true, text: '因为…' });
    expect(readAssistantReply({ error: 'x' }).ok).toBe(false);
  });
});
