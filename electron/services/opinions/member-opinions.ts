import { ApiError } from '../../../shared/api/errors';
import { newOpinionId, type MemberOpinion } from '../../../shared/domain/opinions';
import type { CoreData, YearData } from '../../../shared/domain/partitions';
import type { Handlers } from '../api/dispatch';
import type { opinionCalls } from '../../../shared/api/calls/opinions';
import type { ServiceContext } from '../api/service-context';
import { hasYear, readCore, updateYear } from '../desk/desk-data';
import { writableOpinions } from './opinion-data';

type MemberOpinionHandlers = Pick<Handlers, Extract<keyof typeof opinionCalls, `memberOpinions.${string}`>>;
type Fields = Omit<MemberOpinion, 'id' | 'createdAt'>;

/**
 * 组成人员评议意见: what members hand in on their evaluation forms or say at the meeting, recorded
 * per evaluatee in the year of the evaluation, to be compiled into the opinion's draft. Opinions of
 * people not on the roster (a deputy, an expert) carry a name only.
 */

function checkFields(core: Readonly<CoreData>, data: Readonly<YearData>, fields: Fields): Fields {
  const person = core.evaluatees.find((e) => e.id === fields.evaluateeId);
  if (!person) throw new ApiError('not_found', '找不到该被评议对象，可能已被删除。');
  if (!data.evaluations.some((ev) => ev.evaluateeId === fields.evaluateeId)) {
    throw new ApiError('conflict', `${person.name}不在${data.year}年度评议计划中。`);
  }
  if (fields.memberId && !core.members.some((m) => m.id === fields.memberId)) {
    throw new ApiError('invalid_args', '所选组成人员不存在，可能已被删除。', [{ path: 'opinion.memberId', message: '组成人员不存在' }]);
  }
  return {
    evaluateeId: fields.evaluateeId,
    ...(fields.memberId ? { memberId: fields.memberId } : {}),
    name: fields.name,
    text: fields.text,
    source: fields.source,
  };
}

function yearOnRecord(ctx: ServiceContext, year: number): void {
  if (!hasYear(ctx, year)) throw new ApiError('not_found', `${year}年度没有评议记录。`);
}

export function memberOpinionHandlers(ctx: ServiceContext): MemberOpinionHandlers {
  return {
    'memberOpinions.add': async ({ year, opinion }) => {
      yearOnRecord(ctx, year);
      const core = await readCore(ctx);
      return updateYear(ctx, year, (data) => {
        const entry: MemberOpinion = { id: newOpinionId('mo', ctx.random), ...checkFields(core, data, opinion), createdAt: new Date(ctx.clock.now()).toISOString() };
        writableOpinions(data).memberOpinions.push(entry);
        return entry;
      });
    },

    'memberOpinions.update': async ({ year, id, opinion }) => {
      yearOnRecord(ctx, year);
      const core = await readCore(ctx);
      return updateYear(ctx, year, (data) => {
        const list = writableOpinions(data).memberOpinions;
        const i = list.findIndex((o) => o.id === id);
        const old = list[i];
        if (!old) throw new ApiError('not_found', '该条意见已不存在。');
        const next: MemberOpinion = { id, ...checkFields(core, data, opinion), createdAt: old.createdAt };
        list[i] = next;
        return next;
      });
    },

    'memberOpinions.delete': async ({ year, id }) => {
      yearOnRecord(ctx, year);
      await updateYear(ctx, year, (data) => {
        const opinions = writableOpinions(data);
        if (!opinions.memberOpinions.some((o) => o.id === id)) throw new ApiError('not_found', '该条意见已不存在。');
        opinions.memberOpinions = opinions.memberOpinions.filter((o) => o.id !== id);
      });
      return { id };
    },
  };
}
