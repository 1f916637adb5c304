/**
 * 帮助: the user guide's pages, as data. The words are the office's own (民主测评 at the meeting,
 * 满意度测评 after 回头看, 整改情况测评 after a 不满意 re-report) and describe what the screens do
 * today. Every image is a PNG under ./images, written by the e2e suite (test/e2e/help-screens.spec.ts)
 * from the real screens on the demo county, so it never shows an old screen.
 *
 * To add to a page, add blocks to its list; a new paragraph under its own heading is one
 * `{ kind: 'heading' }` and one `{ kind: 'text' }`. A new image needs a shot in the spec too (the
 * unit test and the spec refuse an image that no run writes).
 */

export type HelpBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'steps'; items: string[] }
  | { kind: 'tip'; text: string }
  | { kind: 'image'; file: string; alt: string }
  /** The console's keys, listed from shared/live/console-keys.ts (the same list as the console's key sheet). */
  | { kind: 'keys' }
  /** The button that exports the printable 会议当天操作卡. */
  | { kind: 'operation-card' };

export interface HelpPage {
  /** In the route: #/help/<id>. */
  id: string;
  title: string;
  /** One line under the title in the list of pages. */
  summary: string;
  blocks: HelpBlock[];
}

export const HELP_PAGES: readonly HelpPage[] = [
  {
    id: 'prepare',
    title: '准备会议',
    summary: '新建会议、安排议程、准备题库和测评票',
    blocks: [
      { kind: 'text', text: '评议会议前的准备都在办公桌上完成。先在“五年计划”中确定本年度的被评议对象，再安排听取评议报告的常委会会议。' },
      { kind: 'heading', text: '一、新建会议，安排议程' },
      {
        kind: 'steps',
        items: [
          '点左侧“会议”，再点“新建会议”，填写届次、会议次数、会议日期和地点（会议名称按届次和次数自动生成），以及主持人、记录人，然后保存。',
          '在会议列表中点“议程”，打开这次会议的页面。',
          '页面下方“可列入议程的被评议对象”列出本年度计划中尚未安排会议的对象，点“列入议程”或“全部列入议程”。',
          '在“会议议程”中用“上移”“下移”排好顺序；每人的汇报方式（到会汇报或书面报告）在“汇报方式”一栏中选择；测评项可点“修改”调整测评对象。',
          '“列席人员”中勾选要列席会议的人大代表、专家等（从“人员库”中选）。',
        ],
      },
      { kind: 'image', file: 'prepare-agenda.png', alt: '会议页面的会议议程' },
      { kind: 'tip', text: '会议一旦开始进行某一项（汇报计时、抽取提问人或测评），这一项就不能再移出议程，也不能改换对象。' },
      { kind: 'heading', text: '二、准备题库' },
      { kind: 'text', text: '在会议页面点“题库与随机询问”，为每位到会汇报的被评议对象录入问题。“询问设置”中可以设定哪些人不参加抽取（主持会议的主任默认不参加）、是否同时从题库抽取问题，以及答复和追问的时长。书面报告的对象不安排随机询问。' },
      { kind: 'heading', text: '三、准备民主测评' },
      {
        kind: 'steps',
        items: [
          '在会议页面的“民主测评准备”中点“准备测评轮次”，确定每张测评票上有哪些被测评对象。',
          '如列席代表、列席群众也参加测评，勾选“列席代表另行测评”或“列席群众另行测评”，他们的票另行计票，不计入常委会组成人员的测评结果。',
          '填写计票人、监票人（多人用顿号分隔），输入后自动保存。',
          '在“会议文件”中打印签到表和测评票（每位组成人员一张，另多印两张备用，票上不编号）。',
        ],
      },
      { kind: 'image', file: 'prepare-vote.png', alt: '民主测评准备' },
      { kind: 'heading', text: '四、会前彩排' },
      { kind: 'text', text: '会前可以在“会议现场”选择这次会议，点“彩排”，把签到、计时、抽取和大屏都演练一遍。彩排在会议的副本上进行，不影响正式记录，结束后点“丢弃彩排”即可。' },
      { kind: 'heading', text: '五、以后会议上的满意度测评和整改情况测评' },
      { kind: 'text', text: '往年评议的后续测评也在会议页面安排：“整改情况的听取与测评”列出等待听取整改情况报告、进行满意度测评的对象，以及测评结果为不满意、需要再次报告并进行整改情况测评的对象。列入议程后，会上的操作与民主测评相同，只是测评名称不同。' },
    ],
  },
  {
    id: 'meeting-day',
    title: '会议当天',
    summary: '会议现场（操作电脑）与大屏（投影），快捷键',
    blocks: [
      { kind: 'text', text: '会议当天用两个窗口：“会议现场”在操作员的电脑上，用来签到、控制议程和计时、抽取提问人、计票；“大屏”在投影上，只显示会场应当看到的内容。桌面版从“会议”菜单打开这两个窗口；有投影时大屏会自动全屏显示在投影上。' },
      { kind: 'heading', text: '一、进入会议现场' },
      { kind: 'text', text: '在“选择会议”中找到当天的会议，点“开始正式会议”。如果只是演练，点“彩排”。' },
      { kind: 'image', file: 'console-picker.png', alt: '会议现场：选择会议' },
      { kind: 'heading', text: '二、签到并开始会议' },
      {
        kind: 'steps',
        items: [
          '左栏“签到”中逐人标记出席、请假或缺席，人多时可先点“全部出席”再改个别人。',
          '页面顶部始终显示是否达到法定人数。达到法定人数后才能点“开始会议”，随机询问和测评也都需要法定人数。',
          '开始后，大屏显示会标和出席情况。',
        ],
      },
      { kind: 'image', file: 'console-session.png', alt: '会议现场：会议进行中' },
      { kind: 'heading', text: '三、按议程进行' },
      { kind: 'text', text: '每位到会汇报的对象依次是：汇报（计时）、随机询问；测评是议程中单独的一项。用键盘的 → 进入下一步，← 回到上一步；空格开始或暂停计时，+ 加一分钟。随机询问时按 D 抽取提问人，答复计时也用空格。' },
      { kind: 'text', text: '大屏随议程自动切换。需要时可临时显示会标（T）、出席情况（A）、当前议程（E），或黑屏（B，再按一次恢复）；按 Esc 回到随议程显示。' },
      { kind: 'image', file: 'hall-title.png', alt: '大屏：会标' },
      { kind: 'heading', text: '四、快捷键' },
      { kind: 'text', text: '在会议现场按 F1 或 ? 随时查看全部快捷键，再按一次或按 Esc 关闭。在输入框中打字时快捷键不起作用。大屏上不会出现这张表。' },
      { kind: 'keys' },
      { kind: 'image', file: 'console-keys.png', alt: '会议现场的快捷键一览（F1）' },
      { kind: 'heading', text: '五、意外情况' },
      { kind: 'text', text: '会议现场的每一步操作都先保存到电脑上，再显示到大屏。即使程序意外关闭，重新打开会议现场后会回到原来的议程、阶段和计时，汇报计时在重启期间也照常计算。' },
      { kind: 'text', text: '会议全部结束后点右上角“结束会议”（需要输入“结束会议”确认），大屏显示闭幕会标。' },
      { kind: 'heading', text: '六、打印操作卡' },
      { kind: 'text', text: '“会议当天操作卡”把以上步骤和快捷键印在一页A4纸上，可放在操作电脑旁备查。' },
      { kind: 'operation-card' },
    ],
  },
  {
    id: 'counting',
    title: '计票',
    summary: '发票、收票、计票、核对、公布测评结果',
    blocks: [
      { kind: 'text', text: '会议进行到测评这一项时，会议现场中间出现测评栏。步骤依次是：准备、发票、收票、计票、核对、公布。测评的名称按设置显示：会上评议为“民主测评”，回头看之后为“满意度测评”，不满意后再次报告为“整改情况测评”。' },
      {
        kind: 'steps',
        items: [
          '准备：会前已在办公桌准备的轮次直接使用；否则点“准备测评”。确认计票人、监票人。',
          '发票：填写发出票数（默认为出席人数）后点“发票”。未达到法定人数时不能发票。',
          '收票：投票结束后清点收回的测评票，填写收回票数，点“收票”。收回票数多于发出票数时，本轮作废并自动准备新的一轮。',
          '计票：选择计票方式，录入测评票（见下）。大屏只显示计票进度，不显示票数。',
          '核对：票数全部录入并通过检查后，点“核对”。',
          '公布：点“公布结果”，大屏显示测评结果，本轮锁定。',
        ],
      },
      { kind: 'heading', text: '三种计票方式' },
      {
        kind: 'text',
        text: '逐张录入（唱票）：每张票按一串数字键，每位被测评对象一个键——1 满意、2 基本满意、3 不满意、0 空白、9 无效，按 Enter 确认本张。录错了按 Ctrl+Z 撤销上一张，或用“更正某号票…”更正。',
      },
      { kind: 'text', text: '汇总录入：计票人人工清点后，直接录入每位对象各等次的票数。两次计票核对：两位计票人分别清点并录入，第一次的结果录入后不再显示，第二次录入后由系统逐格比对，不一致处标出，须重新清点。' },
      { kind: 'image', file: 'vote-sheets.png', alt: '逐张录入测评票' },
      { kind: 'tip', text: '计票的每一步都记入“计票日志”。公布后发现错误，可用“更正已公布结果”更正，更正记录保留。' },
      { kind: 'text', text: '公布后，可在办公桌会议页面的“会议文件”中导出计票结果报告单和测评结果通报。' },
    ],
  },
  {
    id: 'opinions',
    title: '评议意见',
    summary: '起草、主任会议审定、印发、送达',
    blocks: [
      { kind: 'text', text: '测评结果公布后，在“评议意见”中为每位被评议对象起草评议意见。草稿按已有记录预先填好（调研报告、测评结果、询问记录等），右侧的A4预览与导出的Word文件分页一致。' },
      {
        kind: 'steps',
        items: [
          '起草：在列表中点对象一行的“起草”（已有草稿的点“打开”），修改正文。输入后自动保存。',
          '主任会议审定：点“登记审定”，填写主任会议日期和次数。审定后正文不能再改，如需修改先点“退回修改”。',
          '印发：点“印发”，填写发文字号（系统建议下一个字号）和印发日期。印发后可点“导出Word”得到正式公文。',
          '送达：点“登记送达”，填写送达日期。印发后也可导出送达回证。',
        ],
      },
      { kind: 'image', file: 'opinion-workflow.png', alt: '评议意见的办理流程' },
      { kind: 'tip', text: '已印发的评议意见不能直接修改；确需更改，点“修订”并说明原因，生成新的版本，原版本保留在“版本记录”中备查。' },
    ],
  },
  {
    id: 'loop',
    title: '整改跟踪',
    summary: '整改台账、整改情况报告、回头看、后续测评',
    blocks: [
      { kind: 'text', text: '“跟踪整改”列出所有已公布测评结果的评议，显示每项评议所处的阶段、下一个期限和整改事项完成情况。阶段由记录自动得出，不需要手工设置；已逾期的期限以红色显示。' },
      { kind: 'image', file: 'loop-list.png', alt: '跟踪整改列表' },
      { kind: 'heading', text: '一项评议的跟踪' },
      {
        kind: 'steps',
        items: [
          '整改台账：评议意见送达后，每条意见生成一张卡片，填写整改措施、责任人、完成时限、状态和进展，可上传佐证材料。',
          '整改情况报告：收到后点“登记收到整改情况报告”，填写收到日期，再上传报告文件或扫描件。逾期未报的，可导出督办函。',
          '回头看：登记调研组、调研活动和逐条核查结论，可导出回头看调研报告。',
          '满意度测评：回头看之后，在以后的常委会会议上听取整改情况报告并进行满意度测评，在会议页面安排。',
          '整改情况测评：测评结果为不满意的，按规定时间再次报告，并进行整改情况测评。',
          '进一步监督、结果运用和办结：按实际情况登记；办结需填写理由。',
        ],
      },
      { kind: 'image', file: 'loop-case.png', alt: '一项评议的整改台账' },
      { kind: 'text', text: '工作台的“到期事项”列出30天内到期和已经逾期的事项，点一行即可打开对应的评议。' },
    ],
  },
  {
    id: 'import-export',
    title: '导入导出',
    summary: '导出Word公文、会议文件和批量导出',
    blocks: [
      { kind: 'text', text: '本系统的文书都按《党政机关公文格式》（GB/T 9704）导出为Word文件，可用WPS或Word打开、修改和打印。桌面版会弹出“保存”对话框选择保存位置；浏览器模式下文件以下载方式保存。' },
      { kind: 'heading', text: '会议文件' },
      { kind: 'text', text: '会议页面的“会议文件”可导出：签到表、测评票（按轮次，每页一张）、计票结果报告单（计票核对后）、测评结果通报（结果公布后，编入发文登记）、会议记录。会议页面上的“批量导出”可把一次会议的全部评议意见、测评票或送达回证导出到一个压缩包或文件夹。' },
      { kind: 'image', file: 'meeting-documents.png', alt: '会议文件' },
      { kind: 'heading', text: '其他文书' },
      { kind: 'text', text: '评议意见在印发后从评议意见页面导出；督办函、回头看调研报告、质询案、整改台账和结果运用登记表从跟踪整改页面导出。暂时不能导出的文书，按钮旁会说明原因。' },
      { kind: 'tip', text: '导出的Word文件是当时记录的副本；记录修改后需要重新导出。' },
    ],
  },
  {
    id: 'backup',
    title: '备份与恢复',
    summary: '自动备份、立即备份、从备份恢复、数据文件夹',
    blocks: [
      { kind: 'text', text: '全部数据都保存在本机的数据文件夹中。程序在启动、会议开始、恢复备份和迁移数据文件夹之前都会自动备份，不需要专门操作。' },
      { kind: 'heading', text: '立即备份' },
      { kind: 'text', text: '在“设置”页面下方的“备份”一栏点“立即备份”。重要操作前（例如清除演示数据、大量修改之前）建议先备份一次。' },
      { kind: 'image', file: 'settings-backup.png', alt: '设置中的备份列表' },
      { kind: 'heading', text: '从备份恢复' },
      {
        kind: 'steps',
        items: [
          '在备份列表中找到要恢复的时间，点这一行的“恢复”。',
          '阅读提示后确认。恢复前，程序会先把当前数据另存为一份“恢复前”备份；如果恢复错了，可以再从那份备份恢复回来。',
        ],
      },
      { kind: 'heading', text: '数据文件夹' },
      { kind: 'text', text: '“数据文件夹”一栏显示数据和日志保存在哪里。电脑的系统盘重启后会被清空的，请点“选择新的数据文件夹并迁移…”把数据迁到其他磁盘（如 D:\\人大评议数据）；程序先备份，再复制并逐个文件校验，原文件夹保持原样。' },
      { kind: 'tip', text: '备份保存在数据文件夹内的 backups 文件夹中，与数据在同一块硬盘上。为防硬盘损坏，请定期在退出程序后，把整个数据文件夹复制到U盘或其他电脑上保存。' },
      { kind: 'text', text: '出错提示中如有“编号”，可在日志文件夹的 pingyi.log 中查到，需要技术支持时请一并提供。' },
    ],
  },
];

/** Every image file the pages show, once each, in page order. */
export function helpImages(pages: readonly HelpPage[] = HELP_PAGES): string[] {
  const files = pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'image' ? [b.file] : [])));
  return [...new Set(files)];
}

export function helpPage(id: string): HelpPage | undefined {
  return HELP_PAGES.find((p) => p.id === id);
}
