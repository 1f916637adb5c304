import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../../electron/services/app-services';
import { silentLogger } from '../../../electron/services/deps';
import type { ApiErrorData } from '../../../shared/api/errors';
import { coreSchema, emptyCore, type CoreData } from '../../../shared/domain/partitions';
import { personDraftSchema, personPost, sortPeople, type Member, type Person } from '../../../shared/domain/people';
import { duplicatePerson } from '../../../shared/domain/record-checks';

let s: AppServices | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function services() {
  s = await createAppServices({ homeDir: await mkdtemp(join(tmpdir(), 'pingyi-registry-')), mode: 'browser', version: 't', log: silentLogger, backupOnStart: false });
  const reply = (name: string, args: unknown) => s!.dispatch('desk', name, args);
  const call = async <T>(name: string, args: unknown): Promise<T> => {
    const r = await reply(name, args);
    if (!r.ok) throw new Error(r.error.message);
    return r.result as T;
  };
  const refusal = async (name: string, args: unknown): Promise<ApiErrorData> => {
    const r = await reply(name, args);
    if (r.ok) throw new Error(`${name} was not refused`);
    return r.error;
  };
  return { call, refusal, store: s.store };
}

describe('人员库 schema', () => {
  it('a core file written before the registry loads with an empty one', () => {
    const older = emptyCore(2026) as Partial<CoreData>;
    delete older.people;
    expect(coreSchema.parse(older).people).toEqual([]);
  });

  it('names the field in Chinese; organisation, field and contact are optional', () => {
    expect(personDraftSchema.parse({ name: '陈代表', kind: '人大代表' })).toEqual({ name: '陈代表', kind: '人大代表', organisation: '', field: '', contact: '', active: true, note: '' });
    expect(personDraftSchema.safeParse({ name: ' ', kind: '人大代表' }).error?.issues[0]?.message).toBe('姓名不能为空');
    expect(personDraftSchema.safeParse({ name: '陈', kind: '村民' }).error?.issues[0]?.message).toMatch(/^人员类别/);
  });

  it('sorts by kind then name and prints a post', () => {
    const p = (name: string, kind: Person['kind']) => ({ name, kind });
    expect(sortPeople([p('乙', '专家'), p('甲', '人大代表'), p('丙', '专委会负责人')]).map((x) => x.name)).toEqual(['甲', '丙', '乙']);
    expect(personPost({ kind: '人大代表', organisation: '县第一中学', field: '教师' })).toBe('县第一中学教师（人大代表）');
    expect(personPost({ kind: '专家', organisation: '', field: '' })).toBe('专家');
    expect(personPost({ kind: '其他', organisation: '县司法局', field: '干部' })).toBe('县司法局干部');
  });

  it('a same name as a person on record or an active member is asked about; an unchanged name on edit is not', () => {
    const person: Person = { id: 'ps_0000000001', name: '陈　代', kind: '人大代表', organisation: '县一中', field: '', contact: '', active: true, note: '' };
    const member = { id: 'mb_0000000001', name: '王五', role: '委员', rosterOrder: 1, active: true, note: '' } as Member;
    expect(duplicatePerson({ name: '陈代', active: true }, [person], [member])).toBe('人员库中已有同名人员：陈　代（人大代表，县一中）。请核对是否重复录入。');
    expect(duplicatePerson({ name: '王五', active: true }, [person], [member])).toContain('王五是在任的常委会组成人员（委员）');
    expect(duplicatePerson({ name: '王五', active: false }, [person], [member])).toBeUndefined();
    expect(duplicatePerson({ id: person.id, name: person.name, active: true }, [person], [member], person)).toBeUndefined();
  });
});

describe('人员库 handlers', () => {
  it('creates, lists, edits and deletes a person in the core partition; a duplicate is saved only with confirm: true', async () => {
    const { call, refusal, store } = await services();
    const draft = { name: '陈代表', kind: '人大代表', organisation: '县第一中学', field: '教师', contact: '13800000000' };
    const created = await call<Person>('registry.create', { person: draft });
    expect(created.id).toMatch(/^ps_/);
    expect((await store.read<CoreData>('core')).people).toEqual([created]);

    const asked = await refusal('registry.create', { person: { ...draft, kind: '专家' } });
    expect(asked.code).toBe('needs_confirmation');
    expect(asked.message).toContain('人员库中已有同名人员：陈代表（人大代表，县第一中学）');
    expect(await call<Person[]>('registry.list', {})).toHaveLength(1);
    await call<Person>('registry.create', { person: { ...draft, kind: '专家' }, confirm: true });
    expect(await call<Person[]>('registry.list', {})).toHaveLength(2);

    // An active member's name is asked about too.
    const member = (await call<Member[]>('members.list', {})).find((m) => m.active)!;
    expect((await refusal('registry.create', { person: { name: member.name, kind: '专家' } })).code).toBe('needs_confirmation');

    const bad = await refusal('registry.update', { person: { ...created, contact: 'x'.repeat(61) } });
    expect(bad.code).toBe('invalid_args');
    expect(bad.message).toContain('联系方式');
    const edited = await call<Person>('registry.update', { person: { ...created, contact: '0731-1234567' } });
    expect(edited.contact).toBe('0731-1234567');

    await call('registry.delete', { id: created.id });
    expect((await call<Person[]>('registry.list', {})).map((p) => p.id)).not.toContain(created.id);
    expect((await refusal('registry.delete', { id: created.id })).code).toBe('not_found');
  });
});
