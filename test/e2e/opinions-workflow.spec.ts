import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { api, expect, host, test } from './support/fixtures';
import { clearYearsResearch } from './support/research';
import { addDays, addMonths } from '../../shared/format/dates';
import { checkOpinionStructure } from '../unit/opinions/docx-structure';

test.use({ apiRole: 'desk' });

/**
 * 评议意见 end to end in browser mode: draft an opinion for a demo evaluatee with the structured
 * editor, take it through 主任会议审定 → 印发 → 送达, export it, and check the downloaded .docx.
 * Screenshots of the list and the editor with its preview go to artifacts/opinions/.
 */

const OUT = 'artifacts/opinions';
test.beforeEach(() => {
  mkdirSync(OUT, { recursive: true });
});

test('an opinion is drafted, approved, issued, delivered and exported as a GB/T 9704 document', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto(host.urls.desk);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '评议意见' }).click();
  await expect(page.getByRole('heading', { name: '评议意见', level: 1 })).toBeVisible();

  const list = await api(page, 'opinions.list', {});
  const row = list.rows[0]!;
  const meetingDate = row.meetingDate!;
  // This year's research as the office finds it before recording any (the prefill takes no finding): the demo's removed.
  await clearYearsResearch(page, row.year, row.evaluationId);
  await expect(page.getByTestId('op-counts')).toContainText(`评议${list.rows.length}项：未起草${list.rows.length}`);
  await page.screenshot({ path: `${OUT}/opinions-list.png`, fullPage: true });

  // A member's written opinion, entered before drafting so the prefill takes it.
  await page.getByRole('link', { name: row.name, exact: true }).click();
  await expect(page.getByRole('heading', { name: `关于对${row.name}同志履职情况的评议意见` })).toBeVisible();
  const members = await api(page, 'members.list', {});
  const form = page.getByRole('group', { name: '登记意见' });
  await form.getByLabel('提出人（组成人员）').selectOption({ label: `${members[5]!.name}（${members[5]!.role}）` });
  await form.getByLabel('意见内容').fill('进一步加强基层服务能力建设，提高群众满意度');
  await form.getByRole('button', { name: '登记意见' }).click();
  await expect(page.getByRole('list', { name: '已登记的组成人员意见' })).toContainText('进一步加强基层服务能力建设');

  await page.getByRole('button', { name: '起草评议意见' }).click();
  const lead = page.getByRole('textbox', { name: '开头 第1段' });
  await expect(lead).toHaveValue(new RegExp(`${row.meetingName}听取了${row.name}同志的履职情况报告`));
  await expect(page.getByRole('textbox', { name: '意见和建议 第2段' })).toHaveValue('进一步加强基层服务能力建设，提高群众满意度。');
  // The prefill's placeholders keep it from the council until they are written.
  await expect(page.getByText(/审定前需完成：还有2处【待填写】/)).toBeVisible();

  // Edit with the structured editor: text, Enter for a new paragraph, Ctrl+2 for a （一） heading.
  await page.getByRole('textbox', { name: '基本评价 第1段' }).fill('常委会组成人员认为，该同志认真履行法定职责，主动接受人大监督，部门工作取得明显成效。');
  const problem = page.getByRole('textbox', { name: '存在的问题 第2段' });
  await problem.fill('服务意识有待增强。基层服务保障能力有待进一步提升。');
  await problem.press('Control+2');
  await problem.press('Control+End');
  await problem.press('Enter');
  const next = page.getByRole('textbox', { name: '存在的问题 第3段' });
  await expect(next).toBeFocused();
  await next.pressSequentially('对群众来信来访的答复还不够及时。');
  await next.press('Control+Alt+3');
  const preview = page.getByRole('complementary', { name: 'A4预览' });
  await expect(preview).toContainText('（一）服务意识有待增强。');
  await expect(preview).toContainText('1.对群众来信来访的答复还不够及时。');
  await expect(preview.getByTestId('a4-number')).toHaveText(`青人常〔${new Date().getFullYear()}〕1号`);
  await expect(page.getByTestId('op-save-state')).toContainText('已保存');
  await expect(page.getByText(/审定前需完成/)).toHaveCount(0);
  await page.locator('.desk-main').evaluate((el) => el.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/opinion-editor.png`, fullPage: false });

  // 主任会议审定
  const councilDate = addDays(meetingDate, 2);
  await page.getByRole('button', { name: '登记审定' }).click();
  const approve = page.getByRole('dialog', { name: '登记主任会议审定' });
  await approve.getByLabel(/主任会议审定日期/).fill(councilDate);
  await approve.getByLabel(/主任会议次数/).fill('30');
  await approve.getByRole('button', { name: '登记审定' }).click();
  await expect(page.getByText('已登记主任会议审定，正文不能修改。', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '基本评价 第1段' })).toHaveAttribute('readonly', '');

  // 印发: the suggested number, then a wrong form refused by the validator before it is sent.
  const issueDate = addDays(meetingDate, 3);
  const year = Number(issueDate.slice(0, 4));
  await page.getByRole('button', { name: '印发', exact: true }).click();
  const issue = page.getByRole('dialog', { name: '印发评议意见' });
  await issue.getByLabel('印发日期').fill(issueDate);
  const number = issue.getByLabel('发文字号');
  await expect(number).toHaveValue(`青人常〔${year}〕1号`);
  await number.fill(`青人常[${year}]1号`);
  await expect(issue.getByRole('alert')).toContainText('六角括号');
  await expect(issue.getByRole('button', { name: '印发' })).toBeDisabled();
  await number.fill(`青人常〔${year}〕7号`);
  await issue.getByRole('button', { name: '印发' }).click();
  await expect(page.getByText('已印发的评议意见不能直接修改', { exact: false })).toBeVisible();

  // 送达
  const deliveryDate = addDays(meetingDate, 4);
  await page.getByRole('button', { name: '登记送达' }).click();
  const deliver = page.getByRole('dialog', { name: '登记送达' });
  await deliver.getByLabel('送达日期').fill(deliveryDate);
  await deliver.getByLabel('签收人').fill('办公室王干事');
  await deliver.getByRole('button', { name: '登记送达' }).click();
  const steps = page.getByRole('region', { name: '办理流程' });
  await expect(steps.getByRole('listitem').nth(3)).toContainText('办公室王干事签收');
  await expect(steps.getByRole('listitem').nth(2)).toContainText(`青人常〔${year}〕7号`);
  await expect(preview).toContainText('县第十九届人大常委会第三十次主任会议通过）');

  // Export: the download carries the Chinese name and passes the structure check.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Word' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`关于对${row.name}同志履职情况的评议意见.docx`);
  const bytes = new Uint8Array(await readFile(await download.path()));
  const [, month, day] = issueDate.split('-').map(Number);
  expect(
    checkOpinionStructure(bytes, {
      header: '青岚县人民代表大会常务委员会文件',
      docNumber: `青人常〔${year}〕7号`,
      title: `关于对${row.name}同志履职情况的评议意见`,
      copyToIncludes: ['县委', '县人民政府', '县委组织部', row.unitName],
      issueDateCn: `${year}年${month}月${day}日`,
    }),
  ).toEqual([]);

  // The workbench lists the rectification deadline the delivery started (the report within 6 months;
  // the demo county asks for no rectification plan, so none is listed).
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  const deadlines = page.getByRole('table', { name: '整改期限' });
  await expect(deadlines).toContainText(row.name);
  const report = addMonths(deliveryDate, 6).split('-').map(Number);
  await expect(deadlines).toContainText(`整改情况报告 ${report[0]}年${report[1]}月${report[2]}日`);
  await expect(deadlines).not.toContainText('整改方案');
  await page.getByRole('region', { name: '评议意见办理' }).screenshot({ path: `${OUT}/workbench-opinions.png` });
});
