import { api, expect, host, test } from './support/fixtures';
import { addDays } from '../../shared/format/dates';
import { finishedContent } from '../unit/opinions/fixtures';
import { announceThisYearsVote, deliveredCase, LOOP_DAY, openCase, SUGGESTIONS } from './support/loop-cases';

test.use({ apiRole: 'desk', hostToday: LOOP_DAY });

/**
 * 跟踪整改 on the desk (browser mode): a demo evaluation's opinion is issued and delivered through
 * the API (the opinion screens have their own specs), then the case is followed on its screen:
 * the ledger, the report received, 回头看 with verdicts, closing with a reason; and the forms of
 * further supervision (a 质询案 refused with 2 proposers, accepted with 3, answered, judged).
 * Screenshots go to /tmp/loopui-*.png.
 */

test('a case is followed through the ledger, the report received, 回头看 and closing', async ({ page }) => {
  const voted = await announceThisYearsVote(page);
  const c = await deliveredCase(page, 0, voted);

  // The list shows it with its items and the report's deadline.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '跟踪整改' }).click();
  const list = page.getByRole('table', { name: '跟踪整改列表' });
  const row = list.getByRole('row').filter({ hasText: c.name });
  await expect(row).toContainText('0/3');
  await expect(row).toContainText('跟踪整改');
  await expect(row).toContainText('满意');
  await expect(row).toContainText('整改情况报告');
  await page.screenshot({ path: '/tmp/loopui-list.png', fullPage: true });
  await row.getByRole('link', { name: c.name }).click();
  await expect(page.getByRole('heading', { name: `${c.name} · 跟踪整改`, level: 1 })).toBeVisible();
  await page.setViewportSize({ width: 1440, height: 1000 });

  // The ledger: one card per item, the item's text as issued and read-only.
  const card = page.getByRole('article', { name: '第1项整改台账' });
  await expect(page.getByRole('article', { name: /第\d项整改台账/ })).toHaveCount(3);
  await expect(card.getByLabel('第1项意见内容')).toHaveText(SUGGESTIONS[0]!);
  await card.getByLabel('第1项整改措施').fill('开展作风建设专项整治，建立月度督查通报制度。');
  await card.getByLabel('第1项责任人').fill('李强');
  await card.getByLabel('第1项责任人').blur();
  await card.getByLabel('第1项整改状态').selectOption({ label: '整改中' });
  await card.getByLabel('第1项进展日期').fill(addDays(c.deliveredOn, 7));
  await card.getByLabel('第1项进展情况').fill('召开专题部署会');
  await card.getByRole('button', { name: '添加进展' }).click();
  await expect(card.getByRole('list', { name: '第1项整改进展' })).toContainText('召开专题部署会');
  await expect(card.getByRole('status', { name: '第1项保存状态' })).toContainText('已保存');

  // Evidence: uploaded, listed with its size, opened from the data folder.
  await card.getByLabel('第1项佐证材料：选择文件').setInputFiles({ name: '专项整治方案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 evidence') });
  const files = card.getByRole('list', { name: '第1项佐证材料' });
  await expect(files).toContainText('专项整治方案.pdf');
  await expect(files).toContainText('17 字节');
  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: '打开：专项整治方案.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('专项整治方案.pdf');
  await card.getByLabel('第1项佐证材料：选择文件').setInputFiles({ name: '督查通报.txt', mimeType: 'text/plain', buffer: Buffer.from('第1期') });
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await files.getByRole('button', { name: '移除：督查通报.txt' }).click();
  const confirmRemove = page.getByRole('dialog', { name: '移除文件' });
  await confirmRemove.getByRole('button', { name: '移除' }).click();
  await expect(files.getByRole('listitem')).toHaveCount(1);
  await expect(files).not.toContainText('督查通报.txt');

  // Stored: a reload shows the same.
  await page.reload();
  await expect(card.getByLabel('第1项整改措施')).toHaveValue('开展作风建设专项整治，建立月度督查通报制度。');
  await expect(card.getByLabel('第1项整改状态')).toHaveValue('inProgress');
  await expect(card.getByRole('list', { name: '第1项整改进展' })).toContainText('召开专题部署会');
  await page.screenshot({ path: '/tmp/loopui-ledger.png', fullPage: false });

  // The report received: dated before delivery is refused in Chinese, then recorded.
  await page.getByRole('button', { name: '登记收到整改情况报告' }).click();
  const dialog = page.getByRole('dialog', { name: '登记收到整改情况报告' });
  await dialog.getByLabel('收到日期').fill(addDays(c.deliveredOn, -1));
  await dialog.getByLabel('报告文号').fill(`青政发〔${c.year}〕3号`);
  // A form with unsaved changes asks before Esc closes it.
  await page.keyboard.press('Escape');
  const ask = dialog.getByRole('alertdialog', { name: '放弃未保存的修改？' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '继续编辑' }).click();
  await expect(ask).toBeHidden();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByRole('alert')).toContainText('早于');
  await dialog.getByLabel('收到日期').fill(addDays(c.deliveredOn, 20));
  await dialog.getByLabel('报告成文日期').fill(addDays(c.deliveredOn, 18));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const report = page.getByRole('definition').filter({ hasText: `青政发〔${c.year}〕3号` });
  await expect(report).toBeVisible();
  await page.getByLabel('整改情况报告文件：选择文件').setInputFiles({ name: '整改情况报告扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 scan') });
  await expect(page.getByRole('list', { name: '整改情况报告文件' })).toContainText('整改情况报告扫描件.pdf');
  await expect(page.getByTestId('loop-stage')).toHaveText('回头看');

  // 回头看: dates, a member of the group, a verdict per item.
  await page.getByRole('button', { name: '开始回头看' }).click();
  const start = page.getByRole('dialog', { name: '开始回头看' });
  await start.getByLabel('开始日期').fill(addDays(c.deliveredOn, 25));
  await start.getByLabel('结束日期').fill(addDays(c.deliveredOn, 27));
  await start.getByRole('button', { name: '开始' }).click();
  await expect(start).toBeHidden();
  const members = await api(page, 'members.list', {});
  const leader = members.find((m) => m.active)!;
  await page.getByLabel('选择调研组成员').selectOption({ value: leader.id });
  await page.getByRole('button', { name: '添加到调研组' }).click();
  await expect(page.getByRole('list', { name: '回头看调研组成员' })).toContainText(leader.name);
  await page.getByLabel('第1项核查评价').selectOption({ label: '整改到位' });
  await page.getByLabel('第1项核查情况').fill('查阅督查通报12期，实地察看2个基层站所。');
  await page.getByLabel('第1项核查情况').blur();
  await page.getByLabel('第2项核查评价').selectOption({ label: '基本到位' });
  await page.getByLabel('第3项核查评价').selectOption({ label: '未到位' });
  await expect(page.getByRole('status', { name: '回头看保存状态' })).toContainText('已保存');
  // The verdicts reach the ledger.
  await expect(page.getByRole('article', { name: '第2项整改台账' }).getByLabel('第2项回头看评价')).toHaveValue('mostlyRectified');
  await page.getByRole('heading', { name: '回头看（问效调研）' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui-followup.png', fullPage: false });

  // The results-use register: the opinion to the default recipients in one go.
  await page.getByRole('button', { name: '登记评议意见抄送' }).click();
  const send = page.getByRole('dialog', { name: '登记评议意见抄送' });
  await send.getByRole('button', { name: '登记4项' }).click();
  await expect(send).toBeHidden();
  const register = page.getByRole('table', { name: '结果运用登记' });
  for (const recipient of ['县委', '县人民政府', '县委组织部']) await expect(register.getByRole('cell', { name: recipient, exact: true })).toBeVisible();
  await expect(register.getByRole('row')).toHaveCount(5);
  // Printed as a list: what the print dialog sees is the sheet alone.
  await page.evaluate(() => {
    window.print = () => {
      const w = window as unknown as { printed: string };
      w.printed = `${document.body.className}|${document.querySelector('.loop-print-sheet')?.textContent ?? ''}`;
    };
  });
  await page.getByRole('button', { name: '打印清单' }).click();
  const printed = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  expect(printed).toContain('loop-printing|');
  expect(printed).toContain(`${c.name}同志履职评议结果运用登记`);
  expect(printed).toMatch(/评议意见（青人常〔\d{4}〕\d+号）\s*送县委组织部/);

  // Closed by the office with a reason.
  await page.getByRole('button', { name: '办结…' }).click();
  const close = page.getByRole('dialog', { name: '办结' });
  await close.getByLabel('办结日期').fill(addDays(c.deliveredOn, 30));
  await close.getByLabel('办结理由').fill('被评议对象已调离原岗位');
  await close.getByRole('button', { name: '办结' }).click();
  await expect(close).toBeHidden();
  await expect(page.getByTestId('loop-stage')).toHaveText('已办结');
  await expect(page.getByTestId('loop-closure')).toContainText('被评议对象已调离原岗位');
  await page.screenshot({ path: '/tmp/loopui-case.png', fullPage: true });
});

test('a 质询案 needs 3 proposers, then is answered and judged by its proposers', async ({ page }) => {
  const c = await deliveredCase(page, 1);
  await openCase(page, c);
  const members = (await api(page, 'members.list', {})).filter((m) => m.active);

  await page.getByText('其他情形下记录进一步监督措施').click();
  await page.getByRole('button', { name: '提出质询案' }).click();
  const form = page.getByRole('dialog', { name: '记录质询案' });
  await form.getByLabel('提出日期').fill(addDays(c.deliveredOn, 10));
  await form.getByLabel(`提案人：${members[0]!.name}`).check();
  await form.getByLabel(`提案人：${members[1]!.name}`).check();
  await expect(form.getByRole('status', { name: '提案人人数' })).toContainText('还差1人');
  await form.getByLabel('质询的问题').fill('整改措施为何未落实到位？');
  await form.getByLabel('质询的内容和理由').fill('整改情况测评仍不满意，群众反映问题未解决。');
  await form.getByRole('button', { name: '保存' }).click();
  // Off the failing path the office confirms first; then the threshold refuses 2 proposers.
  await expect(form.getByTestId('needs-confirmation')).toBeVisible();
  await form.getByRole('button', { name: '仍然保存' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '3人以上' })).toBeVisible();
  await page.screenshot({ path: '/tmp/loopui-interpellation-refused.png', fullPage: false });

  await form.getByLabel(`提案人：${members[2]!.name}`).check();
  await expect(form.getByRole('status', { name: '提案人人数' })).not.toContainText('还差');
  await form.getByRole('button', { name: '保存' }).click();
  await expect(form.getByTestId('needs-confirmation')).toBeVisible();
  await form.getByRole('button', { name: '仍然保存' }).click();
  await expect(form).toBeHidden();
  const step = page.getByRole('article', { name: '质询案' });
  await expect(step).toContainText('提案人3人');
  await expect(step).toContainText('等待主任会议决定答复方式');

  // The 主任会议 decides a written answer; the answer; 2 of 3 proposers not satisfied.
  await step.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: '修改质询案' });
  await edit.getByText('主任会议已决定答复方式').click();
  await edit.getByLabel('主任会议决定日期').fill(addDays(c.deliveredOn, 12));
  await edit.getByLabel('答复方式', { exact: true }).selectOption({ label: '书面答复' });
  await edit.getByRole('button', { name: '记录答复' }).click();
  const answer = edit.getByRole('group', { name: '第1次答复' });
  await answer.getByLabel('答复日期').fill(addDays(c.deliveredOn, 20));
  await answer.getByLabel('答复人').fill(c.name);
  await answer.getByLabel('答复内容').fill('已制定专项整改方案，限期落实。');
  await answer.getByLabel(`不满意：${members[0]!.name}`).check();
  await answer.getByLabel(`不满意：${members[1]!.name}`).check();
  await answer.getByLabel('提案人表示意见日期').fill(addDays(c.deliveredOn, 22));
  await expect(answer).toContainText('过半数不满意，应再次答复');
  await page.screenshot({ path: '/tmp/loopui-interpellation-answer.png', fullPage: false });
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  await expect(step).toContainText('书面答复');
  await expect(step).toContainText('第1次答复');
  await expect(step).toContainText('过半数不满意，应再次答复');
  await page.screenshot({ path: '/tmp/loopui-escalation.png', fullPage: true });
});

test('the workbench lists an overdue 整改方案 until it is received; the row opens the case', async ({ page }) => {
  await page.goto(host.urls.desk);
  const settings = await api(page, 'settings.get', {});
  await api(page, 'settings.update', { settings: { ...settings, deadlines: { ...settings.deadlines, rectificationPlanDays: 15 } } });
  const c = await deliveredCase(page, 2);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`${host.urls.desk}#/`);
  const due = page.getByRole('table', { name: '到期事项' });
  const row = due.getByRole('row').filter({ hasText: c.name });
  await expect(row).toContainText('整改方案');
  await expect(row).toContainText('已逾期');
  await expect(row.locator('.tag.danger')).toBeVisible();
  await page.getByRole('heading', { name: '到期事项' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui-workbench.png', fullPage: false });

  await row.getByRole('link', { name: c.name }).click();
  await expect(page.getByRole('heading', { name: `${c.name} · 跟踪整改`, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: '登记收到整改方案' }).click();
  const dialog = page.getByRole('dialog', { name: '登记收到整改方案' });
  await dialog.getByLabel('收到日期').fill(addDays(c.deliveredOn, 20));
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('definition').filter({ hasText: '年' }).first()).toBeVisible();

  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '工作台' }).click();
  await expect(page.getByRole('heading', { name: '到期事项' })).toBeVisible();
  await expect(page.getByText(c.name + '整改方案')).toHaveCount(0);
  await expect(page.getByRole('table', { name: '到期事项' }).getByRole('row').filter({ hasText: c.name })).toHaveCount(0);
});

test('a 特定问题调查委员会 proposed by members needs one fifth of the active members', async ({ page }) => {
  const c = await deliveredCase(page, 3);
  await openCase(page, c);
  const active = (await api(page, 'members.list', {})).filter((m) => m.active);
  const need = Math.ceil(active.length / 5);

  await page.getByText('其他情形下记录进一步监督措施').click();
  await page.getByRole('button', { name: '组织特定问题调查委员会' }).click();
  const form = page.getByRole('dialog', { name: '记录特定问题调查委员会' });
  await form.getByLabel('提议方式').selectOption({ label: '组成人员联名书面提议' });
  await form.getByLabel('提议日期').fill(addDays(c.deliveredOn, 10));
  for (const m of active.slice(0, need - 1)) await form.getByLabel(`提议人：${m.name}`).check();
  await expect(form.getByRole('status', { name: '提议人人数' })).toContainText('还差1人');
  await form.getByLabel('提议内容').fill('就整改落实情况组织特定问题调查委员会。');
  await form.getByRole('button', { name: '保存' }).click();
  await form.getByRole('button', { name: '仍然保存' }).click();
  await expect(form.getByRole('alert').filter({ hasText: '五分之一' })).toBeVisible();
  await form.getByLabel(`提议人：${active[need - 1]!.name}`).check();
  await form.getByRole('button', { name: '保存' }).click();
  await form.getByRole('button', { name: '仍然保存' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('article', { name: '特定问题调查委员会' })).toContainText(`${need}人`);
});

test('a re-issued opinion keeps the ledger by number, logs the changes and keeps the entry of a removed item', async ({ page }) => {
  const c = await deliveredCase(page, 4);
  const which = { year: c.year, evaluationId: c.evaluationId };
  await api(page, 'loop.ledger.save', { ...which, itemNo: 3, entry: { measures: '建立来信来访台账', responsible: '', dueDate: null, status: 'inProgress', verdict: null, progress: [] } });

  // Version 2 drops item 3 and rewords item 2.
  await api(page, 'opinions.revise', { ...which, versionNo: 1, reason: '更正文字' });
  const content = finishedContent(c.name);
  content.sections.suggestions = [SUGGESTIONS[0]!, '健全重大事项集体决策程序。'].map((text) => ({ level: 2 as const, text }));
  await api(page, 'opinions.saveDraft', { ...which, versionNo: 2, content });
  const approved = await api(page, 'opinions.approve', { ...which, versionNo: 2, council: { date: addDays(c.meetingDate, 6), sitting: 31 } });
  await api(page, 'opinions.issue', { ...which, versionNo: 2, issue: { docNumber: approved.suggestedNumber, issueDate: addDays(c.meetingDate, 7) } });

  await openCase(page, c);
  await expect(page.getByRole('article', { name: /第\d项整改台账/ })).toHaveCount(2);
  await expect(page.getByLabel('第2项意见内容')).toHaveText('健全重大事项集体决策程序。');
  await expect(page.getByRole('note')).toContainText('第3项');
  await expect(page.getByRole('note')).toContainText('整改中');
  await page.getByText('重新印发的条目变更记录（1次）').click();
  await expect(page.locator('.loop-revisions')).toContainText('第1稿→第2稿（更正文字）');
  await expect(page.locator('.loop-revisions')).toContainText('第2项文字修改');
  await expect(page.locator('.loop-revisions')).toContainText('第3项删除');
  await page.locator('.loop-revisions').scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/loopui-revisions.png', fullPage: false });
});
