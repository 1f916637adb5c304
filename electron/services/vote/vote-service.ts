import { ApiError } from '../../../shared/api/errors';
import { FILE_TYPES } from '../../../shared/api/file-types';
import type { VoteConsoleState } from '../../../shared/api/vote-types';
import { meetingKey, type CoreData, type MeetingData } from '../../../shared/domain/partitions';
import type { VoteRound } from '../../../shared/domain/vote-round';
import { DEFAULT_VOTE_TITLES } from '../../../shared/domain/settings';
import type { CallContext, Handlers } from '../api/dispatch';
import type { ServiceContext } from '../api/service-context';
import { quorumOf } from '../live/projection';
import { auditCsv } from './audit-csv';
import { markVoting, syncEvaluations, type YearDraft } from './evaluation-sync';
import { yearDrafts } from '../desk/desk-data';
import { syncLaterVotes } from './later-vote-sync';
import { hallPages } from './hall';
import { confirmDouble, correctSheet, enterDouble, enterTotals, keySheet, undoSheet } from './round-count';
import { amendRound, announceRound, checkRoundNow } from './round-result';
import { closeRound, openRound, prepareRound, setMode, setTellers, voidRound } from './round-setup';
import { findRound, type VoteEnv } from './vote-data';
import { publishVote } from './vote-publish';
import { partitionOf, readActive } from '../live/session';
import { auditViews, voteState } from './vote-projection';
import { formatRound } from '../../../shared/format/chinese-numerals';

type VoteCallName = Extract<keyof Handlers, `vote.${string}`>;
type VoteHandlers = Pick<Handlers, VoteCallName>;

interface Target {
  key: string;
  rehearsal: boolean;
}

/**
 * 民主测评. Each change is one validated, durable write of the meeting partition (which also bumps
 * the live rev the hall orders its pictures by); only then are the evaluations updated, the hall,
 * the live console and the vote console pushed, and the call answered.
 */
export function voteHandlers(ctx: ServiceContext): VoteHandlers {
  const iso = () => new Date(ctx.clock.now()).toISOString();

  /** A meeting named by the desk is the real record; otherwise the session open on the console. */
  const target = async (meetingId: string | undefined, call: CallContext): Promise<Target> => {
    if (meetingId !== undefined) {
      const key = meetingKey(meetingId);
      if (!ctx.store.has(key)) throw new ApiError('not_found', '找不到该会议，可能已被删除。');
      return { key, rehearsal: false };
    }
    if (call.role !== 'console') throw new ApiError('invalid_args', '请指定会议。');
    const active = await readActive(ctx);
    if (!active) throw new ApiError('conflict', '尚未打开会议：请先在会议现场选择会议。');
    const key = partitionOf(active);
    if (!ctx.store.has(key)) throw new ApiError('conflict', '会议现场的会议已不存在，请重新选择会议。');
    return { key, rehearsal: active.rehearsal };
  };

  const stateOf = async (t: Target, onlyItem?: string): Promise<VoteConsoleState> => {
    const core = await ctx.store.read<CoreData>('core');
    return voteState(core, await ctx.store.read<MeetingData>(t.key), t.rehearsal, onlyItem);
  };

  const change = async <R>(t: Target, mutate: (data: MeetingData, env: VoteEnv) => R): Promise<R> => {
    const core = await ctx.store.read<CoreData>('core');
    const env: VoteEnv = { core, at: iso(), random: ctx.random };
    return ctx.store.update<MeetingData, R>(t.key, (data) => {
      const r = mutate(data, env);
      data.live.rev += 1;
      return r;
    });
  };

  /** Durable already: the evaluations follow (never from a rehearsal), then everyone is told. */
  const after = async (t: Target, follow?: (data: Readonly<MeetingData>) => Promise<void>): Promise<VoteConsoleState> => {
    if (follow && !t.rehearsal) await follow(await ctx.store.read<MeetingData>(t.key));
    const state = await stateOf(t);
    await publishVote(ctx, t.key, state);
    return state;
  };

  /** A change to one round of the open session (or, where the desk may, of a named meeting). */
  const onRound = async (
    call: CallContext,
    args: { roundId: string; meetingId?: string | undefined },
    mutate: (data: MeetingData, round: VoteRound, env: VoteEnv) => void,
    follow?: (data: Readonly<MeetingData>, round: Readonly<VoteRound>) => Promise<void>,
  ): Promise<VoteConsoleState> => {
    const t = await target(args.meetingId, call);
    await change(t, (data, env) => mutate(data, findRound(data, args.roundId), env));
    return after(t, follow && ((data) => follow(data, findRound(data as MeetingData, args.roundId))));
  };

  /**
   * A change to a round whose copies in the year partitions (the evaluations' results and stages,
   * a later vote's result) are written with it as one store change: the round and its copies
   * never disagree, even after a crash. A rehearsal derives nothing.
   */
  const onRoundDeriving = async (
    call: CallContext,
    args: { roundId: string; meetingId?: string | undefined },
    mutate: (data: MeetingData, round: VoteRound, env: VoteEnv) => void,
    derive: (data: MeetingData, round: VoteRound, yearDraft: YearDraft) => Promise<void>,
    then?: (data: Readonly<MeetingData>, round: Readonly<VoteRound>) => Promise<void>,
  ): Promise<VoteConsoleState> => {
    const t = await target(args.meetingId, call);
    if (t.rehearsal) return onRound(call, args, mutate);
    const core = await ctx.store.read<CoreData>('core');
    const env: VoteEnv = { core, at: iso(), random: ctx.random };
    await ctx.store.transact('测评结果', async (tx) => {
      const data = await tx.draft<MeetingData>(t.key);
      const round = findRound(data, args.roundId);
      mutate(data, round, env);
      data.live.rev += 1;
      const years = yearDrafts(tx);
      await derive(data, round, years.draft);
      years.check(core);
    });
    return after(t, then && ((data) => then(data, findRound(data as MeetingData, args.roundId))));
  };

  const results = async (data: MeetingData, round: VoteRound, yearDraft: YearDraft) => {
    await syncEvaluations(ctx, data, round.agendaItemId, yearDraft);
    await syncLaterVotes(ctx, data, round.agendaItemId, yearDraft);
  };

  const readRound = async (call: CallContext, args: { roundId: string; meetingId?: string | undefined }) => {
    const t = await target(args.meetingId, call);
    const data = await ctx.store.read<MeetingData>(t.key);
    const round = data.votes.rounds.find((r) => r.id === args.roundId);
    if (!round) throw new ApiError('not_found', '找不到该轮测评。');
    const title = data.meeting.agenda.find((a) => a.id === round.agendaItemId);
    return { data, round, title: title?.kind === 'vote' ? title.title : DEFAULT_VOTE_TITLES.meeting };
  };

  return {
    'vote.state': async ({ meetingId, agendaItemId }, call) => stateOf(await target(meetingId, call), agendaItemId),

    'vote.prepare': async ({ meetingId, agendaItemId, groups }, call) => {
      const t = await target(meetingId, call);
      await change(t, (data, env) => prepareRound(data, env, { agendaItemId, groups }));
      return after(t);
    },

    'vote.setTellers': (args, call) => onRound(call, args, (data, round, env) => setTellers(data, round, env, args.tellers, args.scrutineers)),

    'vote.open': (args, call) =>
      onRoundDeriving(
        call,
        args,
        (data, round, env) => {
          const facts = { quorum: quorumOf(env.core, data), running: data.live.status === 'running', attendees: { deputies: data.attendance.deputies, citizens: data.attendance.citizens } };
          openRound(data, round, env, facts, args.groups);
        },
        (data, round, yearDraft) => markVoting(ctx, data, round.evaluateeIds, round.agendaItemId, yearDraft),
      ),

    'vote.close': (args, call) => onRound(call, args, (data, round, env) => void closeRound(data, round, env, args.groups)),
    'vote.mode': (args, call) => onRound(call, args, (data, round, env) => setMode(data, round, env, args.groupId, args.mode)),
    'vote.sheet': (args, call) => onRound(call, args, (data, round, env) => void keySheet(data, round, env, args.groupId, args.marks, args.no)),
    'vote.undoSheet': (args, call) => onRound(call, args, (data, round, env) => void undoSheet(data, round, env, args.groupId, args.no)),
    'vote.correctSheet': (args, call) => onRound(call, args, (data, round, env) => correctSheet(data, round, env, args.groupId, args.no, args.marks, args.reason)),
    'vote.totals': (args, call) => onRound(call, args, (data, round, env) => enterTotals(data, round, env, args.groupId, args.counts)),
    'vote.doubleEntry': (args, call) => onRound(call, args, (data, round, env) => enterDouble(data, round, env, args.groupId, args.entry, args.counts)),
    'vote.confirmDouble': (args, call) => onRound(call, args, (data, round, env) => confirmDouble(data, round, env, args.groupId, args.scrutineer)),
    'vote.check': (args, call) => onRound(call, args, (data, round, env) => checkRoundNow(data, round, env)),
    'vote.announce': (args, call) =>
      onRoundDeriving(call, args, (data, round, env) => announceRound(data, round, env), results, async (data, round) => {
        // An announced result is kept in an independent copy at once, not only at the next periodic backup.
        // The announcement is already durable: a failed backup (disk full) is logged, never reported as a failed call.
        await ctx.store.backup('after-vote', `${data.meeting.name} ${formatRound(round.number)}测评结果公布后`).catch((error: unknown) => {
          ctx.log.error('backup after an announced vote round failed', { meetingId: data.meeting.id, round: round.number, error: String(error) });
        });
      }),
    'vote.amend': (args, call) => onRoundDeriving(call, args, (data, round, env) => amendRound(data, round, env, args.groupId, args.counts, args.reason), results),
    'vote.void': (args, call) => onRoundDeriving(call, args, (data, round, env) => voidRound(data, round, env, args.reason), results),

    'vote.hallPage': (args, call) =>
      onRound(call, args, (_data, round) => {
        if (round.state !== 'announced' && round.state !== 'amended') throw new ApiError('conflict', '结果公布后才能翻页。');
        const count = hallPages(round).length;
        if (args.page >= count) throw new ApiError('invalid_args', `结果共 ${count} 页，没有第 ${args.page + 1} 页。`);
        round.hallPage = args.page;
      }),

    'vote.audit': async (args, call) => {
      const { data, round } = await readRound(call, args);
      return auditViews(data, round);
    },
    'vote.auditCsv': async (args, call) => {
      const { data, round, title } = await readRound(call, args);
      const csv = auditCsv(auditViews(data, round), data.meeting.name, title, round.number);
      return ctx.files.deliver(call, { fileName: csv.filename, contentType: FILE_TYPES.csv, bytes: Buffer.from(csv.text, 'utf8') });
    },
  };
}
