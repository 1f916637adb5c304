import { useState } from 'react';
import type { LoopCase } from '../../../../shared/api/loop-types';
import type { RectificationPlan, RectificationReport } from '../../../../shared/loop/schemas';
import { formatDateCn } from '../../../../shared/format/dates';
import { getPlatform } from '../../platform/platform';
import { useCall } from '../../platform/hooks';
import { DateField } from '../../ui/date-field';
import { ConfirmDialog } from '../../ui/dialog';
import { Field } from '../../ui/field';
import { EvidenceList } from './evidence-list';
import { caseArgs, dateOrDash, failingOutcome, GuardedFormDialog, meetingName, MeetingSelect, useDialogForm } from './loop-bits';

/**
 * 整改方案 (only where the county asks for one) and 整改情况报告 as they arrived. On the 不满意 path
 * the re-report at a meeting takes the written report's place, so no report is asked for.
 */
export function ReceivedPanel({ data }: { data: LoopCase }) {
  const settings = useCall('settings.get', {});
  const planAsked = settings.data?.deadlines.rectificationPlanDays != null;
  const delivered = data.opinion?.deliveredOn ?? null;
  return (
    <>
      {(planAsked || data.plan !== null) && <PlanSection data={data} delivered={delivered} />}
      <ReportSection data={data} delivered={delivered} />
    </>
  );
}

function PlanSection({ data, delivered }: { data: LoopCase; delivered: string | null }) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const plan = data.plan;
  return (
    <section className="panel" aria-labelledby="loop-plan-title">
      <div className="panel-head">
        <h2 id="loop-plan-title">整改方案</h2>
        <span className="grow" />
        {delivered && (
          <button type="button" className="btn small" onClick={() => setEditing(true)}>
            {plan ? '修改登记' : '登记收到整改方案'}
          </button>
        )}
        {plan && (
          <button type="button" className="btn small danger" onClick={() => setRemoving(true)}>
            撤销登记
          </button>
        )}
      </div>
      {!delivered ? (
        <p className="muted">评议意见送达后登记。</p>
      ) : plan ? (
        <>
          <dl className="loop-facts" aria-label="整改方案登记">
            <dt>收到日期</dt>
            <dd>{formatDateCn(plan.receivedOn)}</dd>
            <dt>方案文号</dt>
            <dd>{plan.docNumber || '—'}</dd>
          </dl>
          <EvidenceList data={data} target={{ kind: 'plan' }} files={plan.file ? [plan.file] : []} label="整改方案文件" addLabel="上传方案文件或扫描件" single />
        </>
      ) : (
        <p className="muted">尚未收到整改方案。</p>
      )}
      {editing && <PlanDialog data={data} plan={plan} onClose={() => setEditing(false)} />}
      {removing && (
        <ConfirmDialog
          title="撤销整改方案登记"
          message="撤销后，整改方案期限将重新列入到期事项。"
          confirmLabel="撤销登记"
          danger
          onConfirm={async () => {
            await getPlatform().call('loop.plan.remove', caseArgs(data));
          }}
          onClose={() => setRemoving(false)}
        />
      )}
    </section>
  );
}

function PlanDialog({ data, plan, onClose }: { data: LoopCase; plan: RectificationPlan | null; onClose: () => void }) {
  const form = useDialogForm(
    () => ({ receivedOn: plan?.receivedOn ?? data.today, docNumber: plan?.docNumber ?? '' }),
    (plan) => getPlatform().call('loop.plan.save', { ...caseArgs(data), plan }),
    onClose,
  );
  return (
    <GuardedFormDialog title="登记收到整改方案" dirty={form.dirty} onClose={onClose} onSubmit={(e) => void form.submit(e)} busy={form.busy} general={form.error}>
      <DateField label="收到日期" value={form.value.receivedOn} onChange={(v) => form.set({ receivedOn: v })} />
      <Field label="方案文号">{(id) => <input id={id} value={form.value.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} placeholder="如 青政发〔2026〕3号" />}</Field>
    </GuardedFormDialog>
  );
}

function ReportSection({ data, delivered }: { data: LoopCase; delivered: string | null }) {
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const report = data.report;
  const failingPath = data.state.reReport !== null;
  const offer = delivered !== null && (!failingPath || report !== null);
  return (
    <section className="panel" aria-labelledby="loop-report-title">
      <div className="panel-head">
        <h2 id="loop-report-title">整改情况报告</h2>
        <span className="grow" />
        {offer && (
          <button type="button" className="btn small" onClick={() => setEditing(true)}>
            {report ? '修改登记' : '登记收到整改情况报告'}
          </button>
        )}
        {report && (
          <button type="button" className="btn small danger" onClick={() => setRemoving(true)}>
            撤销登记
          </button>
        )}
      </div>
      {failingPath && report === null ? (
        <p className="muted">测评结果为“{failingOutcome(data)}”，被评议对象应再次向常委会会议报告整改情况并接受整改情况测评，不再另行报送书面整改情况报告。</p>
      ) : !delivered ? (
        <p className="muted">评议意见送达后登记。</p>
      ) : report ? (
        <>
          <dl className="loop-facts" aria-label="整改情况报告登记">
            <dt>收到日期</dt>
            <dd>{formatDateCn(report.receivedOn)}</dd>
            <dt>报告日期</dt>
            <dd>{dateOrDash(report.reportDate)}</dd>
            <dt>报告文号</dt>
            <dd>{report.docNumber || '—'}</dd>
            <dt>听取报告的会议</dt>
            <dd>{meetingName(data.meetings, report.meetingId) || '不提请常委会会议听取'}</dd>
          </dl>
          <EvidenceList data={data} target={{ kind: 'report' }} files={report.file ? [report.file] : []} label="整改情况报告文件" addLabel="上传报告文件或扫描件" single />
        </>
      ) : (
        <p className="muted">尚未收到整改情况报告。</p>
      )}
      {editing && <ReportDialog data={data} report={report} onClose={() => setEditing(false)} />}
      {removing && (
        <ConfirmDialog
          title="撤销整改情况报告登记"
          message="撤销后，整改情况报告期限将重新列入到期事项。"
          confirmLabel="撤销登记"
          danger
          onConfirm={async () => {
            await getPlatform().call('loop.report.remove', caseArgs(data));
          }}
          onClose={() => setRemoving(false)}
        />
      )}
    </section>
  );
}

function ReportDialog({ data, report, onClose }: { data: LoopCase; report: RectificationReport | null; onClose: () => void }) {
  const form = useDialogForm(
    () => ({ receivedOn: report?.receivedOn ?? data.today, reportDate: report?.reportDate ?? '', docNumber: report?.docNumber ?? '', meetingId: report?.meetingId ?? null }),
    (v) => {
      const report = { receivedOn: v.receivedOn, reportDate: v.reportDate === '' ? null : v.reportDate, docNumber: v.docNumber, meetingId: v.meetingId };
      return getPlatform().call('loop.report.save', { ...caseArgs(data), report });
    },
    onClose,
  );
  return (
    <GuardedFormDialog
      title="登记收到整改情况报告"
      dirty={form.dirty}
      onClose={onClose}
      onSubmit={(e) => void form.submit(e)}
      busy={form.busy}
      general={form.error}
      lead={data.opinion?.deliveredOn ? <p className="muted">评议意见于{formatDateCn(data.opinion.deliveredOn)}送达。报告文件或扫描件在登记后上传。</p> : undefined}
    >
      <div className="form-grid">
        <DateField label="收到日期" value={form.value.receivedOn} onChange={(v) => form.set({ receivedOn: v })} />
        <DateField label="报告成文日期" value={form.value.reportDate} onChange={(v) => form.set({ reportDate: v })} hint="报告落款的日期，可留空" />
        <Field label="报告文号">{(id) => <input id={id} value={form.value.docNumber} onChange={(e) => form.set({ docNumber: e.target.value })} placeholder="如 青政发〔2026〕3号" />}</Field>
        <Field label="听取报告的会议" hint="由常委会会议听取时选择；在该会议议程中另行安排">
          {(id) => <MeetingSelect id={id} meetings={data.meetings} value={form.value.meetingId} onChange={(m) => form.set({ meetingId: m })} empty="不提请常委会会议听取" />}
        </Field>
      </div>
    </GuardedFormDialog>
  );
}
