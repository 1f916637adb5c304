import { api, expect, host, openThisYearsMeeting, test } from './support/fixtures';
import { recordPageTraffic } from './support/api';

/**
 * The hall is filtered at the source: whatever the console does, the hall page receives only
 * HallView pictures (and its own app.info / stream hello). Every API response and every event
 * the hall page gets is recorded and checked.
 */

interface Recorded {
  via: 'api' | 'event';
  name: string;
  payload: unknown;
}

/** Every key anywhere in a payload. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

const HALL_VIEW_KEYS = ['rev', 'rehearsal', 'serverNow', 'slide', 'content'];
const CONTENT_KEYS: Record<string, string[]> = {
  idle: ['kind', 'orgName'],
  title: ['kind', 'orgName', 'meetingName', 'date', 'closing'],
  attendance: ['kind', 'meetingName', 'text', 'entitled', 'present', 'met', 'deputies', 'citizens'],
  evaluatee: ['kind', 'meetingName', 'stageLabel', 'itemNo', 'itemCount', 'people', 'timer'],
  blank: ['kind'],
  black: ['kind'],
};
const CONSOLE_ONLY = ['roster', 'history', 'agenda', 'startBlockedBy', 'attendance', 'members', 'quorum', 'next', 'prev', 'session', 'meetings', 'timers', 'meeting', 'live', 'hall', 'displays', 'hallUrl'];

function expectHallView(payload: unknown, where: string) {
  const view = payload as { content: { kind: string; people?: object[]; timer?: object | null } };
  expect(Object.keys(view).sort(), where).toEqual([...HALL_VIEW_KEYS].sort());
  const allowed = CONTENT_KEYS[view.content.kind];
  expect(allowed, `${where}: content kind ${view.content.kind}`).toBeDefined();
  for (const k of Object.keys(view.content)) expect(allowed, `${where}: content key ${k}`).toContain(k);
  for (const p of view.content.people ?? []) expect(Object.keys(p).sort(), `${where}: person`).toEqual(['name', 'position', 'unitName']);
  if (view.content.timer) expect(Object.keys(view.content.timer).sort(), `${where}: timer`).toEqual(['durationMs', 'elapsedBeforeMs', 'label', 'runningSince', 'started']);
}

test('the hall page receives nothing console-only while the console runs the meeting', async ({ browser }) => {
  const consoleContext = await browser.newContext();
  const hallContext = await browser.newContext();
  const operator = await consoleContext.newPage();
  const hall = await hallContext.newPage();

  // Record every stream message by every name the contract knows (and any unnamed one), every
  // stream message on the wire whatever its name, and every API response.
  const traffic = await recordPageTraffic(hall);

  await hall.goto(host.urls.hall);
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'idle');

  // The operator runs a piece of the meeting through the console's own controls.
  await openThisYearsMeeting(operator);
  const roster = (await api(operator, 'live.state', {})).roster;
  await operator.getByRole('button', { name: '全部出席' }).click();
  await operator.getByRole('group', { name: `${roster[3]!.name}的签到` }).getByRole('button', { name: '请假' }).click();
  await operator.getByRole('group', { name: `${roster[4]!.name}的签到` }).getByRole('button', { name: '缺席' }).click();
  await operator.getByLabel('列席代表').fill('9');
  await operator.getByLabel('列席群众').fill('4');
  await operator.getByLabel('列席群众').press('Enter');
  await operator.getByRole('button', { name: '开始会议', exact: true }).click();
  await expect(operator.getByTestId('live-status')).toHaveText('进行中');
  await operator.keyboard.press('a');
  await expect(hall.getByTestId('hall-quorum')).toHaveText('应到30人，实到28人，符合法定人数');
  await operator.keyboard.press('Escape');
  await operator.keyboard.press('ArrowRight');
  await operator.keyboard.press('Space');
  await expect(hall.getByTestId('hall-timer')).toHaveAttribute('data-phase', 'running');
  await operator.keyboard.press('+');
  await operator.keyboard.press('ArrowRight');
  await operator.keyboard.press('Control+z');
  await operator.keyboard.press('t');
  await operator.keyboard.press('b');
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-kind', 'black');
  await operator.keyboard.press('Escape');
  await expect(hall.getByTestId('hall-timer')).toBeVisible();
  const finalRev = (await api(operator, 'live.state', {})).live!.rev;
  await expect(hall.getByTestId('hall-screen')).toHaveAttribute('data-rev', String(finalRev));

  // Whatever the hall page tries, the services answer the hall nothing else.
  const refused = await hall.evaluate(async () => {
    const r = await fetch('api/live.state', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: r.status, body: (await r.json()) as { ok: boolean; result?: unknown } };
  });
  expect(refused.body.ok).toBe(false);
  expect(refused.body.result).toBeUndefined();

  const recorded = (await traffic.responses()).flatMap(({ url, body }): Recorded[] => {
    const m = /\/api\/([^/?]+)$/.exec(new URL(url).pathname);
    return m ? [{ via: 'api', name: m[1]!, payload: JSON.parse(body) as unknown }] : [];
  });
  const events = await traffic.events();
  const wire = traffic.wire;
  expect(events.filter((e) => e.name === 'hall.view').length, 'hall.view events received').toBeGreaterThan(10);
  expect(wire.length, 'stream messages seen on the wire').toBeGreaterThanOrEqual(events.length);

  const all: Recorded[] = [
    ...recorded.filter((r) => r.name !== 'live.state'),
    ...events.map((e) => ({ via: 'event' as const, name: e.name, payload: JSON.parse(e.data) as unknown })),
    ...wire.map((e) => ({ via: 'event' as const, name: e.name || 'message', payload: JSON.parse(e.data) as unknown })),
  ];
  const names = new Set(all.map((r) => `${r.via}:${r.name}`));
  expect([...names].sort()).toEqual(expect.arrayContaining(['api:hall.view', 'event:hall.view']));
  for (const n of names) expect(['api:hall.view', 'api:app.info', 'event:hall.view', 'event:hello']).toContain(n);

  for (const r of all) {
    const where = `${r.via} ${r.name}`;
    const text = JSON.stringify(r.payload);
    for (const m of roster) expect(text, `${where} names a member`).not.toContain(m.name);
    const keys = keysOf(r.payload);
    for (const k of CONSOLE_ONLY) expect(keys.has(k), `${where} carries “${k}”`).toBe(false);
    if (r.via === 'api' && r.name === 'hall.view') {
      const reply = r.payload as { ok: boolean; result: unknown };
      expect(reply.ok).toBe(true);
      expectHallView(reply.result, where);
    } else if (r.name === 'hall.view') {
      expectHallView(r.payload, where);
    } else if (r.name === 'hello') {
      expect(Object.keys(r.payload as object).sort(), where).toEqual(['instance', 'role', 'version']);
      expect((r.payload as { role: string }).role).toBe('hall');
    } else if (r.name === 'app.info') {
      expect(Object.keys((r.payload as { result: object }).result).sort(), where).toEqual(['mode', 'productName', 'role', 'version']);
    }
  }
  await consoleContext.close();
  await hallContext.close();
});
