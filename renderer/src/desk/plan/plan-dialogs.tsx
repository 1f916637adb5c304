import { useState } from 'react';
import { getPlatform } from '../../platform/platform';
import { ConfirmDialog, Dialog } from '../../ui/dialog';
import type { PlanCell, PlanRow } from '../../../../shared/api/desk-types';
import { REPORT_MODES, REPORT_MODE_LABELS, type ReportMode } from '../../../../shared/domain/evaluations';
import type { EvaluateeCategory } from '../../../../shared/domain/evaluatees';

/** Department heads report in person; judges and prosecutors are usually heard on written reports. */
export function defaultMode(category: EvaluateeCategory): ReportMode {
  return category === '员额法官' || category === '员额检察官' ? 'written' : 'report';
}

function describe(row: PlanRow): string {
  return [row.unitName, row.position].filter(Boolean).join(' ');
}

export function AddPlanDialog({ row, year, years, onClose }: { row: PlanRow; year: number; years: number[]; onClose: () => void }) {
  const [mode, setMode] = useState<ReportMode>(() => defaultMode(row.category));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const plannedYears = years.filter((_, i) => row.cells[i] != null);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await getPlatform().call('plan.add', { evaluateeId: row.evaluateeId, year, mode });
      onClose();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="列入年度评议计划"
      onClose={onClose}
      actions={
        <>
          <button type="button" className="btn" onClick={onClose}>
            取消
          </button>
          <button type="button" className="btn primary" onClick={submit} disabled={busy}>
            列入计划
          </button>
        </>
      }
    >
      <p>
        将 <strong>{row.name}</strong>
        <span className="muted">（{describe(row)}）</span>列入 <strong>{year}年</strong> 评议计划。
      </p>
      {plannedYears.length > 0 && (
        <div className="banner warn" role="note">
          {row.name}在{plannedYears.map((y) => `${y}年`).join('、')}已有计划项。本届内每人评议一次；如需改列{year}年，请先移出原计划项。
        </div>
      )}
      <fieldset className="plan-mode">
        <legend>汇报方式</legend>
        {REPORT_MODES.map((m) => (
          <label key={m}>
            <input type="radio" name="plan-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {REPORT_MODE_LABELS[m]}
          </label>
        ))}
      </fieldset>
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
    </Dialog>
  );
}

export function RemovePlanDialog({ row, cell, onClose }: { row: PlanRow; cell: PlanCell; onClose: () => void }) {
  return (
    <ConfirmDialog
      title="移出评议计划"
      danger
      confirmLabel="移出计划"
      message={
        <p>
          将 <strong>{row.name}</strong>
          <span className="muted">（{describe(row)}）</span>从 <strong>{cell.year}年</strong> 评议计划中移出？
          {cell.stage !== 'planned' && <>该评议已进入“{cell.stageLabel}”阶段，请确认确需移出。</>}
        </p>
      }
      onConfirm={async () => {
        await getPlatform().call('plan.remove', { evaluationId: cell.evaluationId, year: cell.year });
      }}
      onClose={onClose}
    />
  );
}
