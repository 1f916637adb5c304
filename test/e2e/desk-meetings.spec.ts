import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

test.use({ apiRole: 'desk' });

const year = new Date().getFullYear();

/** Two department deputies planned this year and not yet on any agenda (the demo's 11 are on October's). */
async function planTwo(page: Page) {
  const unit = (await api(page, 'units.list', {})).find((u) => u.kind === 'government')!;
  for (const [name, position] of [
    ['司马清和', '副局长'],
    ['上官雨桐', '党组成员'],
  ] as const) {
    const e = await api(page, 'evaluatees.create', {
      evaluatee: { name, category: '其他', unitId: unit.id, position, postKey: `${unit.id}/${position}`, appointmentDate: `${year - 1}-05-01` },
    });
    await api(page, 'plan.add', { evaluateeId: e.id, year, mode: 'report' });
  }
}

/** Names of the agenda's items in order (the 内容 column's first line). */
function agendaNames(page: Page) {
  return page.getByRole('table', { name: '会议议程' }).locator('tbody tr td:nth-child(3) strong');
}

test('create a meeting (one validation error on the way), build its agenda, and find it after a reload', async ({ page }) => {
  await page.goto(host.urls.desk);
  await planTwo(page);
  const settings = await api(page, 'settings.get', {});
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await expect(page.getByRole('table', { name: '会议列表' })).toBeVisible();

  await page.getByRole('button', { name: '新建会议' }).click();
  const dialog = page.getByRole('dialog', { name: '新建会议' });
  await expect(dialog.getByLabel('届次（第几届）')).toHaveValue(String(settings.term.session));
  await dialog.getByLabel('会议次数（第几次会议）').fill('24');
  // The name follows 届次 and 次 in Chinese numerals.
  await expect(dialog.getByLabel('会议名称')).toHaveValue(/第十九届人大常委会第二十四次会议$/);
  const suggested = await dialog.getByLabel('会议名称').inputValue();
  await dialog.getByLabel('会议名称').fill('');
  await dialog.getByLabel('会议日期').fill(`${year}-12-18`);
  // Read on leaving the box (Tab goes on to the next field, past the calendar button) and shown the Chinese way.
  await dialog.getByLabel('会议日期').press('Tab');
  await expect(dialog.getByLabel('会议地点')).toBeFocused();
  await expect(dialog.getByLabel('会议日期')).toHaveValue(`${year}年12月18日`);
  await dialog.getByLabel('会议地点').fill('县人大常委会机关第二会议室');
  await dialog.getByRole('button', { name: '创建会议' }).click();
  await expect(dialog.getByText('会议名称不能为空')).toBeVisible();
  // Nothing typed is lost on the failed save.
  await expect(dialog.getByLabel('会议地点')).toHaveValue('县人大常委会机关第二会议室');
  await dialog.getByRole('button', { name: '使用建议名称' }).click();
  await dialog.getByRole('button', { name: '创建会议' }).click();

  // A new meeting opens on its agenda.
  await expect(page.getByRole('heading', { name: suggested })).toBeVisible();
  await expect(page.getByText('尚未安排议程')).toBeVisible();
  const meetingId = /#\/meetings\/(mt_[0-9a-z]+)$/.exec(page.url())?.[1];
  expect(meetingId).toBeTruthy();

  const candidates = page.getByRole('table', { name: '可列入议程的被评议对象' });
  await candidates.getByRole('button', { name: '列入议程：司马清和' }).click();
  await expect(agendaNames(page)).toHaveText(['司马清和']);
  await candidates.getByRole('button', { name: '列入议程：上官雨桐' }).click();
  await expect(agendaNames(page)).toHaveText(['司马清和', '上官雨桐']);
  await expect(page.getByText(`${year}年度评议计划中的对象均已安排会议。`)).toBeVisible();

  // Reorder with the mouse, then with the keyboard: focus stays with the moved item.
  await page.getByRole('button', { name: '上移：上官雨桐' }).click();
  await expect(agendaNames(page)).toHaveText(['上官雨桐', '司马清和']);
  await expect(page.getByRole('button', { name: '下移：上官雨桐' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(agendaNames(page)).toHaveText(['司马清和', '上官雨桐']);
  await expect(page.getByRole('button', { name: '上移：上官雨桐' })).toBeFocused();

  await page.getByRole('combobox', { name: '上官雨桐的汇报方式' }).selectOption({ label: '书面报告' });
  await expect(page.getByText('共2项：到会汇报1项 · 书面报告1项 · 民主测评0项')).toBeVisible();

  // A vote covering both.
  await page.getByRole('button', { name: '新增测评' }).click();
  const vote = page.getByRole('dialog', { name: '新增测评' });
  await vote.getByRole('button', { name: '全选', exact: true }).click();
  await expect(vote.getByLabel('测评名称')).toHaveValue('民主测评');
  await vote.getByLabel('测评名称').fill('副职领导满意度测评');
  await vote.getByRole('button', { name: '保存测评' }).click();
  await expect(vote).toBeHidden();
  await expect(agendaNames(page)).toHaveText(['司马清和', '上官雨桐', '副职领导满意度测评']);
  await expect(page.getByText('测评对象（2人）：司马清和、上官雨桐')).toBeVisible();

  // Removing someone a vote covers asks first, and takes them off the vote too.
  await page.getByRole('button', { name: '移出议程：司马清和' }).click();
  const confirm = page.getByRole('dialog', { name: '移出议程' });
  await expect(confirm).toContainText('同时从测评“副职领导满意度测评”中去掉司马清和');
  await confirm.getByRole('button', { name: '移出议程' }).click();
  await expect(agendaNames(page)).toHaveText(['上官雨桐', '副职领导满意度测评']);
  await expect(page.getByText('测评对象（1人）：上官雨桐')).toBeVisible();
  await expect(candidates.getByRole('button', { name: '列入议程：司马清和' })).toBeVisible();

  // Durable: a reload shows the same agenda, and the records agree.
  await page.reload();
  await expect(agendaNames(page)).toHaveText(['上官雨桐', '副职领导满意度测评']);
  await expect(page.getByRole('combobox', { name: '上官雨桐的汇报方式' })).toHaveValue('written');
  const stored = await api(page, 'meetings.get', { id: meetingId! });
  expect(stored.meeting.agenda.map((a) => a.kind)).toEqual(['report', 'vote']);
  expect(stored.meeting.place).toBe('县人大常委会机关第二会议室');
  expect(stored.meeting.date).toBe(`${year}-12-18`);
});

test('edit and delete a meeting from the list', async ({ page }) => {
  await page.goto(host.urls.desk);
  const created = await api(page, 'meetings.create', {
    meeting: { name: '县第十九届人大常委会第二十五次会议', session: 19, sitting: 25, date: `${year}-12-26`, place: '', year, agenda: [], status: 'planned' },
  });
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  const list = page.getByRole('table', { name: '会议列表' });
  await expect(list.getByRole('row', { name: new RegExp(`${created.name}.*${year}年12月26日.*尚未安排议程`) })).toBeVisible();

  await list.getByRole('button', { name: `修改：${created.name}` }).click();
  const edit = page.getByRole('dialog', { name: '修改会议' });
  await edit.getByLabel('会议日期').fill(`${year}-13-01`);
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  // Read by the box itself: one message beside the field, naming the rule.
  await expect(edit.getByRole('alert')).toHaveText('会议日期有误：没有13月，月份应为1—12');
  await edit.getByLabel('会议日期').fill(`${year}-12-27`);
  await edit.getByLabel('会议地点').fill('县人大常委会机关第一会议室');
  await edit.getByRole('button', { name: '保存', exact: true }).click();
  await expect(edit).toBeHidden();
  await expect(list.getByRole('row', { name: new RegExp(`${created.name}.*${year}年12月27日.*第一会议室`) })).toBeVisible();

  await list.getByRole('button', { name: `删除：${created.name}` }).click();
  const confirm = page.getByRole('dialog', { name: '删除会议' });
  await confirm.getByRole('button', { name: '删除会议' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.getByText(created.name)).toBeHidden();
  expect((await api(page, 'meetings.list', {})).some((m) => m.id === created.id)).toBe(false);
});
