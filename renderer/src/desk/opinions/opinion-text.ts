import type { OpinionStatus } from '../../../../shared/domain/opinions';

/** The words of the 评议意见 screens, in one place so tests and screens use the same ones. */
export const OP_TEXT = {
  section: '评议意见',
  listSub: '汇总组成人员意见，起草、审定、印发、送达评议意见',
  back: '← 返回评议意见列表',
  draft: '起草',
  open: '打开',
  steps: { draft: '草稿', approved: '主任会议审定', issued: '印发', delivered: '送达' } as Record<OpinionStatus, string>,
  approve: '登记审定',
  reopen: '退回修改',
  issue: '印发',
  deliver: '登记送达',
  revise: '修订',
  exportWord: '导出Word',
  regenerate: '按最新记录重新预填',
  frozen: '已印发的评议意见不能直接修改。如需更改，请点击“修订”并说明原因，生成新版本；原版本保留备查。',
  approvedLocked: '已登记主任会议审定，正文不能修改。如需修改，请先“退回修改”。',
  // Browsers keep Ctrl+1…8 for switching tabs; Ctrl+Alt+digit (as in Word) works everywhere.
  toolbarHint: 'Ctrl+0 正文 · Ctrl+2（一） · Ctrl+3 1. · Ctrl+4（1）（浏览器中用Ctrl+Alt+数字） · Tab/Shift+Tab 调整级别 · Enter 新段落 · Alt+↑↓ 移动段落',
  level1Reserved: '“一、”级标题是四个部分的固定标题，段落可设为（一）、1.、（1）或正文。',
  exportNeedsIssue: '登记印发（发文字号）后可导出Word公文',
} as const;

/** Tag colour of each status (ui/styles.css). */
export const STATUS_TAG: Record<OpinionStatus | 'none', string> = { none: '', draft: 'warn', approved: 'red', issued: 'ok', delivered: 'ok' };
