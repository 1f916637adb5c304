import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog } from '../../ui/dialog';

const CONFIRM_TEXT = '清除演示数据';

/** Offered while the records still hold the built-in demo county. */
export function DemoClear({ onCleared }: { onCleared: (backupId: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="panel settings-section demo-clear" aria-labelledby="demo-title">
      <div className="section-head">
        <h2 id="demo-title">演示数据</h2>
      </div>
      <p className="intro">
        当前数据是内置的演示县（青岚县，人名均为虚构），用于熟悉各项功能。正式使用前请清除：组成人员、单位、被评议对象、评议计划、会议以及本页各项设置都回到空白的初始状态，再按初始设置录入本县的数据。清除前程序会自动备份，需要时可从备份恢复。
      </p>
      <button className="btn danger" onClick={() => setOpen(true)}>
        清除演示数据…
      </button>
      {open && <DemoClearDialog onCleared={onCleared} onClose={() => setOpen(false)} />}
    </section>
  );
}

/**
 * The one question before the demo county goes (typed confirmation, backup first). Opened here and
 * from the workbench's 演示数据 tag; once cleared, the desk opens on 初始设置.
 */
export function DemoClearDialog({ onCleared, onClose }: { onCleared?: (backupId: string) => void; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="清除演示数据"
      message="将删除演示县的全部人员、计划和会议，从空白开始录入本县数据；随后进入初始设置，填写本机关名称和届次。清除前会自动备份。"
      confirmLabel="清除"
      typeToConfirm={CONFIRM_TEXT}
      danger
      onConfirm={async () => {
        const r = await getPlatform().call('demo.clear', { confirm: CONFIRM_TEXT });
        onCleared?.(r.backupId);
      }}
      onClose={onClose}
    />
  );
}
