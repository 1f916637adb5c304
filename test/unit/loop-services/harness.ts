import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger, type Clock } from '../../../electron/services/deps';
import type { ArgsOf, CallName, ResultOf } from '../../../shared/api/contract';
import type { OpinionContent } from '../../../shared/domain/opinions';
import { yearKey, type YearData } from '../../../shared/domain/partitions';
import { voteResult } from '../opinions/fixtures';

/**
 * The services on the demo county with a settable clock, and the steps that bring an evaluation to
 * the loop (a vote result, an opinion issued and delivered) without holding a meeting.
 */

export interface Harness {
  services: AppServices;
  call<N extends CallName>(name: N, args: ArgsOf<N>): Promise<ResultOf<N>>;
  /** The call's refusal: its code and message (fails when the call succeeds). */
  refused<N extends CallName>(name: N, args: ArgsOf<N>): Promise<{ code: string; message: string }>;
  setToday(iso: string): void;
  close(): Promise<void>;
}

export async function openHarness(today = '2026-11-28'): Promise<Harness> {
  let now = Date.parse(`${today}T10:00:00`);
  const clock: Clock = { now: () => now };
  const home = await mkdtemp(join(tmpdir(), 'pingyi-loop-'));
  const services = await createAppServices({ homeDir: home, mode: 'browser', version: 'test', clock, log: silentLogger, backupOnStart: false });
  async function raw<N extends CallName>(name: N, args: ArgsOf<N>) {
    return services.dispatch('desk', name, args);
  }
  return {
    services,
    async call(name, args) {
      const reply = await raw(name, args);
      if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code, issues: reply.error.issues });
      return reply.result as never;
    },
    async refused(name, args) {
      const reply = await raw(name, args);
      if (reply.ok) throw new Error(`${name} was accepted`);
      return { code: reply.error.code, message: reply.error.message };
    },
    setToday(iso) {
      now = Date.parse(`${iso}T10:00:00`);
    },
    close: () => services.close(),
  };
}

/** An opinion whose 意见和建议 has `items` top-level items, each with one sub-paragraph. */
export function contentWithItems(name: string, items: string[]): OpinionContent {
  return {
    addressee: `${name}同志`,
    lead: [{ level: 0, text: `县人大常委会对${name}同志履职情况进行了评议。现将评议意见反馈如下。` }],
    sections: {
      basicEvaluation: [{ level: 0, text: '该同志认真履行法定职责。' }],
      problems: [{ level: 2, text: '服务意识有待增强。' }],
      suggestions: items.flatMap((text) => [
        { level: 2 as const, text },
        { level: 3 as const, text: `${text}的具体要求。` },
      ]),
      rectification: [{ level: 0, text: '请于6个月内将整改落实情况书面报告县人大常委会。' }],
    },
  };
}

/** Writes the meeting's vote result onto an evaluation, as the vote service does on announcement. */
export async function announceVote(h: Harness, year: number, evaluationId: string, opts: { failing?: boolean; announcedAt?: string } = {}): Promise<void> {
  const result = { ...voteResult(opts.failing ? '不满意' : '满意', opts.failing ?? false), announcedAt: opts.announcedAt ?? '2026-10-28T08:00:00.000Z' };
  await h.services.store.update<YearData, void>(yearKey(year), (data) => {
    const ev = data.evaluations.find((e) => e.id === evaluationId)!;
    ev.voteResult = { ...result, meetingId: ev.meetingId ?? result.meetingId };
  });
}

let seq = 0;
/** Drafts, approves, issues and (unless told not to) delivers the opinion with the given items. */
export async function issueOpinion(
  h: Harness,
  which: { year: number; evaluationId: string },
  items: string[],
  opts: { issueDate?: string; deliveredOn?: string | null; docNumber?: string } = {},
): Promise<void> {
  const detail = await h.call('opinions.create', which);
  const versionNo = detail.record!.versions.at(-1)!.no;
  await h.call('opinions.saveDraft', { ...which, versionNo, content: contentWithItems(detail.row.name, items) });
  await h.call('opinions.approve', { ...which, versionNo, council: { date: '2026-11-05', sitting: 12 } });
  const docNumber = opts.docNumber ?? `${detail.doc.docPrefix}〔2026〕${++seq + 40}号`;
  await h.call('opinions.issue', { ...which, versionNo, issue: { docNumber, issueDate: opts.issueDate ?? '2026-11-06' } });
  if (opts.deliveredOn !== null) await h.call('opinions.deliver', { ...which, versionNo, delivery: { date: opts.deliveredOn ?? '2026-11-08', receivedBy: '办公室王干事' } });
}

/** Stores a later vote's announced result, as the later-vote services do (a loop.laterVotes record). */
export async function laterVote(
  h: Harness,
  year: number,
  evaluationId: string,
  kind: 'followUp' | 'reReport',
  opts: { failing: boolean; announcedAt: string; meetingId: string },
): Promise<void> {
  const result = { ...voteResult(opts.failing ? '不满意' : '满意', opts.failing), meetingId: opts.meetingId, announcedAt: opts.announcedAt };
  await h.services.store.update<YearData, void>(yearKey(year), (data) => {
    data.loop ??= { ledger: [], plans: [], reports: [], followUps: [], laterVotes: [], escalation: [], closures: [], resultUses: [] };
    data.loop.laterVotes.push({ evaluationId, kind, meetingId: opts.meetingId, agendaItemId: null, result, earlyReason: '' });
  });
}

/** The year partition as stored. */
export async function storedYear(h: Harness, year: number): Promise<Readonly<YearData>> {
  return h.services.store.read<YearData>(yearKey(year));
}
