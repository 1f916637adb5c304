import { useState } from 'react';
import { DemoClearDialog } from '../settings/demo-clear';

/**
 * The workbench's 演示数据 tag: a button that says what the data is and clears it from here (not
 * only at the foot of 设置); afterwards the desk opens on 初始设置.
 */
export function DemoTag() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="tag warn demo-tag" title="当前为内置演示县的数据，点击可清除后录入本县数据" onClick={() => setOpen(true)}>
        演示数据 · 清除…
      </button>
      {open && <DemoClearDialog onClose={() => setOpen(false)} />}
    </>
  );
}
