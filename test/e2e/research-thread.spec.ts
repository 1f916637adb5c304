import { addDays } from '../../shared/format/dates';
import type { OpinionContent } from '../../shared/domain/opinions';
import { finishedContent } from '../unit/opinions/fixtures';
import { announceThisYearsVote, hostToday, LOOP_DAY } from './support/loop-cases';
import { api, expect, host, test } from './support/fixtures';

/**
 * The thread of research findings end to end: findings recorded, two turned into questions of the
 * meeting's bank on the desk and asked at the meeting — one volunteered (自由提问), one drawn —, one
 * written into the opinion draft, issued as an item whose ledger entry gets a 回头看 verdict; the
 * 调研问题追溯 shows each finding forward and each item back to its finding.
 */

test.use({ apiRole: 'desk', hostToday: LOOP_DAY });

const F1 = { text: '行政审批事项办理时限压缩不到位，部分事项仍需群众多次跑腿。', suggestion: '进一步压缩行政审批办理时限，推行一次办好。' };
const F2 = { text: '政务公开栏信息更新不及时，群众对惠民政策知晓率不高。', suggestion: '' };
const F3 = { text: '执法案卷归档不够规范。', suggestion: '' };

test('findings become questions asked at the meeting (one volunteered, one drawn) and an opinion item with a 回头看 verdict, traced both ways', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(host.urls.desk);
  const year = Number((await hostToday(page)).slice(0, 4));

  // This year's meeting and the first department head it hears in person.
  await page.goto(host.urls.console);
  const meeting = (await api(page, 'live.state', {}, 'console')).meetings.find((m) => m.date.startsWith(String(year)) && m.status !== 'closed')!;
  await page.goto(host.urls.desk);
  const bank = await api(page, 'questions.list', { meetingId: meeting.id });
  const heard = bank.evaluatees.find((e) => e.mode === 'report')!;
  const row = (await api(page, 'opinions.list', { year })).rows.find((r) => r.name === heard.name)!;
  const which = { year, evaluationId: row.evaluationId };

  // Findings recorded (the research page's own spec enters them on screen).
  const records = await api(page, 'research.records', which);
  const criterionId = records.criteria[0]!.id;
  const save = (f: { text: string; suggestion: string }) => api(page, 'research.finding.save', { year, finding: { evaluationId: row.evaluationId, text: f.text, suggestion: f.suggestion, criterionId, weight: 2 } });
  const f1 = (await save(F1)).id;
  const f2 = (await save(F2)).id;
  await save(F3);

  // Two findings turned into questions on the desk's 调研问题追溯.
  await page.goto(`${host.urls.desk}#/opinions/${year}/${row.evaluationId}/thread`);
  await expect(page.getByRole('heading', { name: `${heard.name} · 调研问题追溯`, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: `转为询问问题：${F1.text}` }).click();
  await expect(page.getByRole('button', { name: `转为询问问题：${F1.text}` })).toHaveText('已转为询问问题');
  await page.getByRole('button', { name: `转为询问问题：${F2.text}` }).click();
  await expect(page.getByRole('button', { name: `转为询问问题：${F2.text}` })).toHaveText('已转为询问问题');
  const inBank = (await api(page, 'questions.list', { meetingId: meeting.id })).questions.filter((q) => q.evaluateeId === heard.id);
  expect(inBank.filter((q) => q.source.kind === 'research').map((q) => q.source.ref)).toEqual(expect.arrayContaining([f1, f2]));
  // Only the two made here stay to be asked (the demo's own question is withdrawn); the draw also draws a question.
  for (const q of inBank.filter((q) => q.source.ref !== f1 && q.source.ref !== f2)) await api(page, 'questions.withdraw', { meetingId: meeting.id, questionId: q.id, reason: '' });
  await api(page, 'questioning.settings', { meetingId: meeting.id, ...bank.settings, drawQuestion: true });

  // The meeting: its vote counted and announced (the loop specs' helper), then the head's 随机询问.
  await announceThisYearsVote(page);
  await page.goto(host.urls.console);
  const live = await api(page, 'live.state', {}, 'console');
  const item = live.agenda.find((i) => i.stages.includes('questioning') && i.evaluatees[0]?.id === heard.id)!;
  await page.getByRole('button', { name: `转到：第${item.index + 1}项 ${heard.name} 随机询问` }).click();
  const panel = page.getByTestId('questioning-panel');
  await expect(panel).toBeVisible();

  const hall = await context.newPage();
  await hall.goto(host.urls.hall);

  // A member asks without being drawn, with the question made from F2; the hall shows the name like a drawn one.
  const asker = live.roster.find((m) => m.role === '委员')!;
  await panel.getByLabel('自由提问的委员').selectOption({ label: `${asker.name}（委员）` });
  await panel.getByLabel('自由提问的题库问题').selectOption({ label: `${inBank.find((q) => q.source.ref === f2)!.topic}：${F2.text.slice(0, 24)}…` });
  await panel.getByRole('button', { name: '登记提问' }).click();
  await expect(page.getByTestId('q-asker')).toHaveText(asker.name);
  await expect(hall.getByTestId('hall-draw')).toHaveAttribute('data-settled', 'true');
  await expect(hall.getByTestId('hall-draw-name')).toContainText(asker.name);
  await expect(page.getByTestId('q-current')).toContainText('自由提问');
  await expect(page.getByTestId('q-question')).toContainText(F2.text);
  await expect(panel.getByLabel('针对的调研问题')).toHaveValue(f2);
  await panel.getByRole('button', { name: /下一个问题/ }).click();
  await expect(page.getByTestId('q-current')).toBeHidden();

  // Then a draw: the one question left is F1's.
  await panel.getByRole('button', { name: /抽取提问人/ }).click();
  await expect(page.getByTestId('q-question')).toContainText(F1.text);
  await expect(page.getByTestId('q-current')).toContainText('第1次抽取');
  const drawn = (await page.getByTestId('q-asker').textContent())!;
  await panel.getByRole('button', { name: /下一个问题/ }).click();
  await expect(page.getByTestId('q-current')).toBeHidden();

  // F1 into the opinion draft from the desk; the office finishes the draft around it, and it is issued and delivered.
  await page.goto(host.urls.desk);
  await api(page, 'opinions.create', which);
  await page.goto(`${host.urls.desk}#/opinions/${year}/${row.evaluationId}/thread`);
  await page.getByRole('button', { name: `写入评议意见：${F1.text}` }).click();
  await expect(page.getByRole('button', { name: `写入评议意见：${F1.text}` })).toHaveText('已写入评议意见');
  const draft = (await api(page, 'opinions.get', which)).record!.versions.at(-1)!;
  const linkedProblem = draft.content.sections.problems.find((p) => p.findingId === f1)!;
  const linkedItem = draft.content.sections.suggestions.find((p) => p.findingId === f1)!;
  expect(linkedItem.text).toBe(F1.suggestion);
  const base = finishedContent(heard.name);
  const content: OpinionContent = {
    ...base,
    sections: {
      ...base.sections,
      problems: [...base.sections.problems, linkedProblem],
      suggestions: [{ level: 2, text: '进一步加强干部队伍作风建设。' }, { ...linkedItem, text: `${F1.suggestion}年内实现高频事项全程网办。` }],
    },
  };
  await api(page, 'opinions.saveDraft', { ...which, versionNo: draft.no, content });
  const approved = await api(page, 'opinions.approve', { ...which, versionNo: draft.no, council: { date: addDays(row.meetingDate!, 2), sitting: 30 } });
  await api(page, 'opinions.issue', { ...which, versionNo: draft.no, issue: { docNumber: approved.suggestedNumber, issueDate: addDays(row.meetingDate!, 3) } });
  await api(page, 'opinions.deliver', { ...which, versionNo: draft.no, delivery: { date: addDays(row.meetingDate!, 5), receivedBy: '王伟' } });
  // Item 2 is F1's: its ledger entry gets the 回头看 verdict.
  await api(page, 'loop.ledger.save', { ...which, itemNo: 2, entry: { measures: '梳理审批事项，压缩办理时限', responsible: '审批股', dueDate: null, status: 'done', verdict: 'fullyRectified', progress: [] } });

  // Forward: each finding with its question, minutes, item, ledger entry and verdict.
  await page.goto(`${host.urls.desk}#/opinions/${year}/${row.evaluationId}/thread`);
  const thread = page.getByTestId('finding-thread');
  const one = thread.getByTestId('thread-finding').filter({ hasText: F1.text });
  await expect(one).toContainText(`${meeting.name}：${F1.text}（已提问）`);
  await expect(one).toContainText(new RegExp(`${drawn}(主任|副主任|委员)（随机抽取）`));
  await expect(one).toContainText(`${approved.suggestedNumber} 意见和建议第2项：（二）${F1.suggestion}年内实现高频事项全程网办。`);
  await expect(one).toContainText('第2项：已完成');
  await expect(one).toContainText('第2项：整改到位');
  const two = thread.getByTestId('thread-finding').filter({ hasText: F2.text });
  await expect(two).toContainText(`${asker.name}委员（自由提问）`);
  await expect(two).toContainText('未写入评议意见');
  // Back: from the item (and its ledger entry) to the finding, here and on the case's 跟踪整改 screen.
  const back = thread.getByRole('table', { name: '意见条目的来源' });
  await expect(back.getByRole('row').filter({ hasText: '第2项' })).toContainText(F1.text);
  await expect(back.getByRole('row').filter({ hasText: '第2项' })).toContainText('整改到位');
  await expect(back.getByRole('row').filter({ hasText: '第1项' })).not.toContainText(F1.text);
  await page.goto(`${host.urls.desk}#/loop/${year}/${row.evaluationId}`);
  await expect(page.getByRole('heading', { name: `${heard.name} · 跟踪整改`, level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: '意见条目的来源' }).getByRole('row').filter({ hasText: '第2项' })).toContainText(F1.text);

  // The finding the issued opinion uses cannot be deleted.
  await expect(api(page, 'research.finding.remove', { year, findingId: f1 })).rejects.toThrow(/已写入已印发的评议意见.*不能删除/);
});
