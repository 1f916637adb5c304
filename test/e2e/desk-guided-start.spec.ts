import type { Page } from '@playwright/test';
import { api, expect, host, test } from './support/fixtures';

/** Issue 17: the guided start on an emptied folder, and nothing typed lost when a dialog closes. */

test.use({ apiRole: 'desk', viewport: { width: 1440, height: 900 } });

/** Where a screenshot goes when SHOTS is set (for looking at the screens; no assertion depends on it). */
async function shot(page: Page, name: string): Promise<void> {
  if (process.env['SHOTS']) await page.screenshot({ path: `${process.env['SHOTS']}/firstday-${name}.png`, fullPage: true });
}

test('the guided start on an emptied folder: names and term typed (examples never saved), then a first member', async ({ page }) => {
  const year = new Date().getFullYear();
  await page.goto(host.urls.desk);
  // The demo is cleared from the workbench's 演示数据 tag.
  await page.getByRole('button', { name: /^演示数据/ }).click();
  const clear = page.getByRole('dialog', { name: '清除演示数据' });
  await clear.getByLabel('请输入“清除演示数据”以确认').fill('清除演示数据');
  await clear.getByRole('button', { name: '清除', exact: true }).click();

  // The desk now shows only the guided start: no navigation to skip it by.
  await expect(page.getByRole('heading', { name: '初始设置', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  const names = page.getByRole('form', { name: '本机关名称' });
  // Examples are placeholders: the boxes are empty, and skipping them is refused beside each box.
  await expect(names.getByLabel('机关全称')).toHaveValue('');
  await expect(names.getByLabel('机关全称')).toHaveAttribute('placeholder', '例：某某县人民代表大会常务委员会');
  await shot(page, 'setup-1-names');
  await names.getByRole('button', { name: '下一步：届次与计划期' }).click();
  await expect(names.getByRole('alert')).toHaveText(['请填写机关全称', '请填写机关简称', '请填写机关代字']);

  await names.getByLabel('机关全称').fill('东河县人民代表大会常务委员会');
  await names.getByLabel('机关简称').fill('县人大常委会');
  await names.getByLabel('机关代字').fill('东人常');
  await expect(names.getByText(`发文字号将写作：东人常〔${year}〕1号`)).toBeVisible();
  await names.getByLabel('机关代字').press('Enter');

  const term = page.getByRole('form', { name: '届次与计划期' });
  await term.getByLabel('届次').fill('19');
  await expect(term.getByText('第十九届')).toBeVisible();
  await term.getByLabel('本届起始年份').fill(String(year - 1));
  await term.getByLabel('本届结束年份').fill(String(year + 4));
  // A six-year term is allowed and named as such.
  await expect(term.getByTestId('setup-term-length')).toHaveText(`计划期${year - 1}—${year + 4}年，共6个年度，不是通常的5年：本届计划将称为“六年计划”。`);
  await shot(page, 'setup-2-term');
  await term.getByRole('button', { name: '保存，下一步：评价标准' }).click();

  await expect(page.getByRole('button', { name: '下一步：录入人员' })).toBeVisible();
  const settings = await api(page, 'settings.get', {});
  expect(settings).toMatchObject({
    setupPending: false,
    demo: false,
    organisation: { fullName: '东河县人民代表大会常务委员会', shortName: '县人大常委会', docPrefix: '东人常' },
    term: { session: 19, startYear: year - 1, endYear: year + 4 },
  });
  await page.getByRole('button', { name: '下一步：录入人员' }).click();

  // The first members, one after another (保存并继续新增), then the workbench.
  await expect(page.getByTestId('setup-count-member')).toHaveText('0人');
  await page.getByRole('button', { name: '新增组成人员' }).click();
  const dialog = page.getByRole('dialog', { name: '新增组成人员' });
  await dialog.getByLabel('姓名').fill('第一人');
  await dialog.getByRole('button', { name: '保存并继续新增' }).click();
  await expect(dialog.getByRole('status')).toHaveText('已新增1人：第一人。请继续录入下一位，录完点“保存”或“取消”。');
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await expect(dialog.getByLabel('名单顺序')).toHaveValue('2');
  await dialog.getByLabel('姓名').fill('第二人');
  await shot(page, 'setup-4-member-dialog');
  await dialog.getByLabel('姓名').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('setup-count-member')).toHaveText('2人');
  expect((await api(page, 'members.list', {})).map((m) => [m.name, m.rosterOrder, m.session])).toEqual([
    ['第一人', 1, 19],
    ['第二人', 2, 19],
  ]);
  await page.getByRole('button', { name: '完成，进入工作台' }).click();

  // The workbench tells the truth about what is still empty, and the plan is named by its length.
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '六年计划' })).toBeVisible();
  // First what shows once the overview has arrived, then what must not show with it.
  await expect(page.getByText('尚未录入被评议对象，计划覆盖无从计算。')).toBeVisible();
  await expect(page.getByRole('button', { name: /^演示数据/ })).toHaveCount(0);
  await expect(page.getByText('已全覆盖')).toHaveCount(0);
  await expect(page.getByText(/计划无冲突/)).toHaveCount(0);
  await expect(page.getByText(`${year}年度尚未安排评议，请先录入被评议对象，再在“六年计划”中列入。`)).toBeVisible();
  await shot(page, 'workbench-empty');
});

test('closing a changed dialog asks; an unchanged one closes at once', async ({ page }) => {
  await page.goto(host.urls.desk);
  const before = (await api(page, 'members.list', {})).length;
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '常委会组成人员' }).click();
  const open = page.getByRole('button', { name: '新增组成人员' });
  const dialog = page.getByRole('dialog', { name: '新增组成人员' });
  const ask = dialog.getByRole('alertdialog', { name: '放弃未保存的修改？' });

  // Nothing typed: Esc closes.
  await open.click();
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Typed: Esc asks, and 继续编辑 keeps everything.
  await open.click();
  await dialog.getByLabel('姓名').fill('未保存甲');
  await dialog.getByLabel('备注').fill('一段备注');
  await page.keyboard.press('Escape');
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('已填写的内容尚未保存。关闭将放弃这些修改。');
  await shot(page, 'dialog-discard-ask');
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog.getByLabel('姓名')).toHaveValue('未保存甲');
  await expect(dialog.getByLabel('备注')).toHaveValue('一段备注');

  // A click outside asks too; Esc on the question goes back to the form.
  await page.mouse.click(8, 450);
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toBeHidden();
  await expect(dialog).toBeVisible();

  // 放弃修改 closes without saving.
  await page.mouse.click(8, 450);
  await ask.getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();
  expect(await api(page, 'members.list', {})).toHaveLength(before);

  // Any dialog counts what is typed in it as a change (here the meeting form, which names no dirty state of its own).
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '会议' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  const meeting = page.getByRole('dialog', { name: '新建会议' });
  await meeting.getByLabel('会议地点').fill('机关会议室');
  await page.keyboard.press('Escape');
  await expect(meeting.getByRole('alertdialog', { name: '放弃未保存的修改？' })).toBeVisible();
  await meeting.getByRole('button', { name: '继续编辑' }).click();
  await expect(meeting.getByLabel('会议地点')).toHaveValue('机关会议室');
  await meeting.getByRole('button', { name: '取消' }).click();
  await expect(meeting).toBeHidden();
});

test('a unit is created from inside the evaluatee dialog and chosen; 保存并继续新增 keeps category and unit', async ({ page }) => {
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '被评议对象' }).click();
  await page.getByRole('button', { name: '新增被评议对象' }).click();
  const dialog = page.getByRole('dialog', { name: '新增被评议对象' });
  await dialog.getByLabel('姓名').fill('新局长');
  await dialog.getByRole('button', { name: '新增单位' }).click();
  const unitDialog = page.getByRole('dialog', { name: '新增单位' });
  await unitDialog.getByLabel('单位名称').fill('县数据局');
  await shot(page, 'evaluatee-new-unit');
  // Esc belongs to the innermost dialog: it asks there, the evaluatee dialog stays as typed.
  await page.keyboard.press('Escape');
  await expect(unitDialog.getByRole('alertdialog')).toBeVisible();
  await unitDialog.getByRole('button', { name: '继续编辑' }).click();
  await unitDialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(unitDialog).toBeHidden();
  const unit = (await api(page, 'units.list', {})).find((u) => u.name === '县数据局')!;
  expect(unit.kind).toBe('government');
  await expect(dialog.getByLabel('所在单位')).toHaveValue(unit.id);
  await expect(dialog.getByLabel('姓名')).toHaveValue('新局长');

  await dialog.getByLabel('职务').fill('局长');
  await dialog.getByLabel('任职日期').fill('2024.3.1');
  await dialog.getByRole('button', { name: '保存并继续新增' }).click();
  await expect(dialog.getByRole('status')).toContainText('已新增1人：新局长');
  await expect(dialog.getByLabel('姓名')).toHaveValue('');
  await expect(dialog.getByLabel('所在单位')).toHaveValue(unit.id);
  await dialog.getByLabel('姓名').fill('新副局长');
  await dialog.getByLabel('职务').fill('副局长');
  await dialog.getByLabel('任职日期').fill('2024年3月2日');
  await dialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(dialog).toBeHidden();
  const added = (await api(page, 'evaluatees.list', {})).filter((e) => e.unitId === unit.id);
  expect(added.map((e) => [e.name, e.position, e.appointmentDate])).toEqual([
    ['新局长', '局长', '2024-03-01'],
    ['新副局长', '副局长', '2024-03-02'],
  ]);
});
