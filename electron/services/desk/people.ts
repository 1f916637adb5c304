import { ApiError } from '../../../shared/api/errors';
import type { EvaluateeRow, UnitRow } from '../../../shared/api/desk-types';
import { computeCoverage } from '../../../shared/domain/coverage';
import { succeedPost, type Evaluatee } from '../../../shared/domain/evaluatees';
import { newId } from '../../../shared/domain/ids';
import { sortMembers, sortPeople, type Member, type Unit } from '../../../shared/domain/people';
import { duplicateMember, duplicateMemberMessage, duplicatePerson, evaluateeConfirmations, termPlanMismatch } from '../../../shared/domain/record-checks';
import { isoDateOf } from '../../../shared/format/dates';
import type { Handlers } from '../api/dispatch';
import type { deskCalls } from '../../../shared/api/calls/desk';
import type { ServiceContext } from '../api/service-context';
import { allEvaluations, allMeetings, readCore, readYear, updateCore, yearsOnRecord } from './desk-data';
import { statesOf } from '../loop/loop-records';
import { itemEvaluatees } from '../../../shared/domain/meetings';

type PeopleHandlers = Pick<Handlers, Extract<keyof typeof deskCalls, `${'settings' | 'criteria' | 'members' | 'registry' | 'units' | 'evaluatees'}.${string}`>>;

function indexOrThrow<T extends { id: string }>(list: T[], id: string, what: string): number {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new ApiError('not_found', `找不到该${what}，可能已被删除。`);
  return i;
}

/** Nothing is saved while something is to be confirmed; the messages name the existing records. */
function askUnlessConfirmed(messages: string[], confirm: boolean | undefined): void {
  if (messages.length && !confirm) throw new ApiError('needs_confirmation', messages.join('\n'));
}

/** Settings, criteria, members, the registry of other people, units and evaluatees: all in the core partition. */
export function peopleHandlers(ctx: ServiceContext): PeopleHandlers {
  const today = () => isoDateOf(ctx.clock.now());
  const memberChecks = (member: Parameters<typeof duplicateMember>[0], members: Member[], before?: Member) => {
    const existing = duplicateMember(member, members, before);
    return existing ? [duplicateMemberMessage(existing)] : [];
  };
  const evaluateeChecks = (evaluatee: Parameters<typeof evaluateeConfirmations>[0], core: { evaluatees: Evaluatee[]; units: Unit[] }, before?: Evaluatee) =>
    evaluateeConfirmations(evaluatee, core.evaluatees, core.units.find((u) => u.id === evaluatee.unitId)?.name ?? '该单位', today(), before);
  return {
    'settings.get': async () => (await readCore(ctx)).settings,
    'settings.update': async ({ settings }) => {
      // Read before the update: the plan's years as they stand (the core update cannot await).
      const plannedYears = (await allEvaluations(ctx)).map((ev) => ev.year);
      return updateCore(ctx, (core) => {
        const mismatch = termPlanMismatch(core.settings.term, settings.term, plannedYears);
        if (mismatch) throw new ApiError('conflict', mismatch, [{ path: 'settings.term.endYear', message: mismatch }]);
        // The demo flag is the services' own record of what the data holds, not a user setting.
        core.settings = { ...settings, demo: core.settings.demo };
        return core.settings;
      });
    },

    'criteria.list': async () => [...(await readCore(ctx)).criteria].sort((a, b) => a.order - b.order),
    'criteria.save': ({ criteria }) =>
      updateCore(ctx, (core) => {
        core.criteria = criteria.map((c, i) => ({ ...c, id: c.id ?? newId('cr', ctx.random), order: i + 1 }));
        return core.criteria;
      }),

    'members.list': async () => sortMembers((await readCore(ctx)).members),
    'members.create': ({ member, confirm }) =>
      updateCore(ctx, (core) => {
        askUnlessConfirmed(memberChecks(member, core.members), confirm);
        const created = { ...member, id: newId('mb', ctx.random) };
        core.members.push(created);
        return created;
      }),
    'members.update': ({ member, confirm }) =>
      updateCore(ctx, (core) => {
        const i = indexOrThrow(core.members, member.id, '组成人员');
        askUnlessConfirmed(memberChecks(member, core.members, core.members[i]), confirm);
        core.members[i] = member;
        return member;
      }),
    'members.delete': async ({ id }) => {
      // Later issues refuse deleting a member who voted or asked; members who leave are set inactive.
      await updateCore(ctx, (core) => {
        core.members.splice(indexOrThrow(core.members, id, '组成人员'), 1);
      });
      return { id };
    },

    'registry.list': async () => sortPeople((await readCore(ctx)).people),
    'registry.create': ({ person, confirm }) =>
      updateCore(ctx, (core) => {
        const twin = duplicatePerson(person, core.people, core.members);
        askUnlessConfirmed(twin ? [twin] : [], confirm);
        const created = { ...person, id: newId('ps', ctx.random) };
        core.people.push(created);
        return created;
      }),
    'registry.update': ({ person, confirm }) =>
      updateCore(ctx, (core) => {
        const i = indexOrThrow(core.people, person.id, '人员');
        const twin = duplicatePerson(person, core.people, core.members, core.people[i]);
        askUnlessConfirmed(twin ? [twin] : [], confirm);
        core.people[i] = person;
        return person;
      }),
    'registry.delete': async ({ id }) => {
      // Research groups keep the name and post they printed; a person who is no longer available is set 不在册 instead.
      await updateCore(ctx, (core) => {
        core.people.splice(indexOrThrow(core.people, id, '人员'), 1);
      });
      return { id };
    },

    'units.list': async () => {
      const core = await readCore(ctx);
      return core.units.map((u): UnitRow => ({ ...u, evaluatees: core.evaluatees.filter((e) => e.unitId === u.id).length }));
    },
    'units.create': ({ unit }) =>
      updateCore(ctx, (core) => {
        const created = { ...unit, id: newId('un', ctx.random) };
        core.units.push(created);
        return created;
      }),
    'units.update': ({ unit }) =>
      updateCore(ctx, (core) => {
        core.units[indexOrThrow(core.units, unit.id, '单位')] = unit;
        return unit;
      }),
    'units.delete': async ({ id }) => {
      await updateCore(ctx, (core) => {
        const i = indexOrThrow(core.units, id, '单位');
        const holders = core.evaluatees.filter((e) => e.unitId === id);
        if (holders.length) {
          throw new ApiError('conflict', `单位“${core.units[i]!.name}”下还有${holders.length}名被评议对象（${holders.slice(0, 3).map((e) => e.name).join('、')}${holders.length > 3 ? '等' : ''}），不能删除。`);
        }
        core.units.splice(i, 1);
      });
      return { id };
    },

    'evaluatees.list': async () => {
      const core = await readCore(ctx);
      const [parts, meetings] = await Promise.all([Promise.all(yearsOnRecord(ctx).map((y) => readYear(ctx, y))), allMeetings(ctx)]);
      const evaluations = parts.flatMap((p) => p.evaluations);
      const states = statesOf(parts, meetings);
      const coverage = computeCoverage({ evaluatees: core.evaluatees, evaluations, term: core.settings.term, stageOf: (ev) => states.get(ev.id)?.stage ?? 'planned' });
      const status = new Map(coverage.rows.map((r) => [r.evaluatee.id, r.status]));
      const units = new Map(core.units.map((u) => [u.id, u.name]));
      const names = new Map(core.evaluatees.map((e) => [e.id, e.name]));
      const years = new Map<string, number[]>();
      for (const ev of evaluations) years.set(ev.evaluateeId, [...(years.get(ev.evaluateeId) ?? []), ev.year].sort());
      return core.evaluatees.map(
        (e): EvaluateeRow => ({
          ...e,
          unitName: units.get(e.unitId) ?? '（单位已删除）',
          coverage: status.get(e.id) ?? 'outside-term',
          plannedYears: years.get(e.id) ?? [],
          ...(e.successorOf ? { predecessorName: names.get(e.successorOf) ?? '' } : {}),
        }),
      );
    },
    'evaluatees.create': ({ evaluatee, confirm }) =>
      updateCore(ctx, (core) => {
        askUnlessConfirmed(evaluateeChecks(evaluatee, core), confirm);
        const created = { ...evaluatee, id: newId('ee', ctx.random) } as Evaluatee;
        core.evaluatees.push(created);
        return created;
      }),
    'evaluatees.update': ({ evaluatee, confirm }) =>
      updateCore(ctx, (core) => {
        const i = indexOrThrow(core.evaluatees, evaluatee.id, '被评议对象');
        askUnlessConfirmed(evaluateeChecks(evaluatee, core, core.evaluatees[i]), confirm);
        core.evaluatees[i] = evaluatee;
        return evaluatee;
      }),
    'evaluatees.delete': async ({ id }) => {
      const planned = (await allEvaluations(ctx)).filter((ev) => ev.evaluateeId === id).map((ev) => ev.year);
      const onAgenda = (await allMeetings(ctx)).filter((m) => m.meeting.agenda.some((a) => itemEvaluatees(a).includes(id)));
      await updateCore(ctx, (core) => {
        const i = indexOrThrow(core.evaluatees, id, '被评议对象');
        const e = core.evaluatees[i]!;
        if (planned.length) throw new ApiError('conflict', `${e.name}已列入${planned.join('、')}年度评议计划，请先从计划中移除后再删除。`);
        if (onAgenda.length) throw new ApiError('conflict', `${e.name}在会议“${onAgenda[0]!.meeting.name}”的议程中，请先从议程中移除。`);
        if (core.evaluatees.some((x) => x.successorOf === id)) throw new ApiError('conflict', `${e.name}是其他被评议对象的前任记录，不能删除。`);
        core.evaluatees.splice(i, 1);
      });
      return { id };
    },
    'evaluatees.succeed': ({ id, date, endReason, successor }) =>
      updateCore(ctx, (core) => {
        const i = indexOrThrow(core.evaluatees, id, '被评议对象');
        const result = succeedPost(core.evaluatees[i]!, successor, date, ctx.random, endReason);
        core.evaluatees[i] = result.ended;
        core.evaluatees.push(result.successor);
        return result;
      }),
  };
}
