import { useState } from 'react';
import {
  FONT_PROFILE_LABELS,
  FONT_PROFILES,
  HEADER_SCALE_RANGE,
  HEADER_SIZE_RANGE,
  RED_LINE_RANGE,
  documentSettingsProblem,
  headerWidthMm,
  organHeaderText,
  type DocumentFormat,
  type FontProfileName,
} from '../../../../shared/domain/document-settings';
import type { Settings } from '../../../../shared/domain/settings';
import { docPrefixProblem, formatDocNumber } from '../../../../shared/format/doc-number';
import { Field } from '../../ui/field';
import { documentLook, lookStyle, type DocumentLook } from '../opinions/preview-input';
import { SettingsSection } from './settings-fields';
import type { SyncedDraft } from './use-synced-draft';

type Edit = SyncedDraft<Settings>;
type Header = DocumentFormat['organHeader'];

/** Width of the type area (版心), mm. */
const TYPE_AREA_MM = 156;

/**
 * 公文格式: the font profile of the Word documents, the red header (发文机关标志: own text, size and
 * horizontal scale, each automatic unless given) and the red line's thickness, with a sample of the
 * header as it will print. Stored in `settings.documents`; the header's default text, the copy-to list
 * and the issuing office stay in 单位信息.
 */
export function DocumentFormatSection({ settings, edit }: { settings: Settings; edit: Edit }) {
  const format = settings.documents;
  const err = edit.errors.byPath;
  const look = documentLook(settings);
  const problem = documentSettingsProblem(settings);

  const setFormat = (mode: 'text' | 'now', update: (f: DocumentFormat) => DocumentFormat) =>
    (mode === 'text' ? edit.editText : edit.editNow)((s) => ({ ...s, documents: update(s.documents) }));
  const setHeader = (mode: 'text' | 'now', update: (h: Header) => Header) => setFormat(mode, (f) => ({ ...f, organHeader: update(f.organHeader) }));

  return (
    <SettingsSection id="doc-format-title" title="公文格式" intro="评议意见等Word公文的字体、红色发文机关标志（红头）和红色分隔线，依照GB/T 9704—2012。">
      <fieldset className="font-profile" aria-describedby="font-profile-hint">
        <legend>字体方案</legend>
        {FONT_PROFILES.map((p) => (
          <label key={p} className="choice">
            <input type="radio" name="font-profile" value={p} checked={format.fontProfile === p} onChange={() => setFormat('now', (f) => ({ ...f, fontProfile: p as FontProfileName }))} />
            {FONT_PROFILE_LABELS[p]}
          </label>
        ))}
        <p id="font-profile-hint" className="muted hint">
          单位电脑没有安装方正小标宋简体、仿宋_GB2312、楷体_GB2312时，选“Windows 自带字体”，文件在任何Windows电脑上打开都不会被替换字体。
        </p>
        {err['documents.fontProfile'] && (
          <span className="error" role="alert">
            {err['documents.fontProfile']}
          </span>
        )}
      </fieldset>

      <div className="doc-format">
        <div className="doc-format-fields">
          <Field
            label="发文机关标志"
            error={err['documents.organHeader.text'] ?? problem ?? undefined}
            hint={`留空则用机关全称加“文件”：${organHeaderText(settings.organisation.fullName)}`}
          >
            {(id) => (
              <input
                id={id}
                value={format.organHeader.text ?? ''}
                placeholder={organHeaderText(settings.organisation.fullName)}
                onChange={(e) => setHeader('text', (h) => ({ ...h, text: e.target.value === '' ? null : e.target.value }))}
                onBlur={edit.flush}
                autoComplete="off"
              />
            )}
          </Field>
          <div className="doc-measures">
            <MeasureSetting
              label="发文机关标志字号"
              unit="磅"
              step={0.5}
              min={HEADER_SIZE_RANGE.min}
              max={HEADER_SIZE_RANGE.max}
              value={format.organHeader.sizePt}
              automatic={look.headerSizePt}
              error={err['documents.organHeader.sizePt']}
              onChange={(sizePt, now) => setHeader(now ? 'now' : 'text', (h) => ({ ...h, sizePt }))}
              onBlur={edit.flush}
            />
            <MeasureSetting
              label="字符缩放（水平）"
              unit="%"
              step={1}
              min={HEADER_SCALE_RANGE.min}
              max={HEADER_SCALE_RANGE.max}
              value={format.organHeader.scalePercent}
              automatic={look.headerScale}
              error={err['documents.organHeader.scalePercent']}
              onChange={(scalePercent, now) =>
                setHeader(now ? 'now' : 'text', (h) => ({
                  ...h,
                  scalePercent,
                  // An automatic size grows for a short name only while the scale is automatic too: keep the size shown.
                  sizePt: scalePercent !== null && h.sizePt === null && h.scalePercent === null ? look.headerSizePt : h.sizePt,
                }))
              }
              onBlur={edit.flush}
            />
            <MeasureSetting
              label="红色分隔线粗细"
              unit="磅"
              step={0.25}
              min={RED_LINE_RANGE.min / 8}
              max={RED_LINE_RANGE.max / 8}
              hint="标准为1.5磅"
              value={format.redLineSize / 8}
              error={err['documents.redLineSize']}
              onChange={(pt, now) => setFormat(now ? 'now' : 'text', (f) => ({ ...f, redLineSize: pt === null ? f.redLineSize : pt * 8 }))}
              onBlur={edit.flush}
            />
          </div>
          <p className="muted hint">字号和缩放选“自动”时，发文机关标志约宽150毫米：名称较短的放大字号，较长的压缩字符宽度。</p>
        </div>
        <HeaderSample look={look} docPrefix={settings.organisation.docPrefix} />
      </div>
    </SettingsSection>
  );
}

/**
 * A measure in its unit, optionally automatic. The box keeps what is typed: an emptied box is not saved
 * (its message asks for a value, or for 自动), so the stored setting never turns automatic by accident.
 */
function MeasureSetting(props: {
  label: string;
  unit: string;
  step: number;
  min: number;
  max: number;
  value: number | null;
  /** Given for a setting that can be automatic: the value 自动 currently gives. */
  automatic?: number;
  hint?: string;
  error?: string;
  onChange: (value: number | null, now: boolean) => void;
  onBlur: () => void;
}) {
  const { value, automatic } = props;
  const shown = value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    // A new value from the draft (the 自动 box, a reload, another window): show it unless the box already reads it.
    setSeen(value);
    if (value === null || text.trim() === '' || Number(text) !== value) setText(shown);
  }
  const isAuto = automatic !== undefined && value === null;
  const empty = !isAuto && text.trim() === '';
  // An emptied box is not sent, so its own message comes before the service's answer to the last value sent.
  const error = empty ? `${props.label}不能为空${automatic !== undefined ? '，不指定请选“自动”' : ''}` : props.error;
  return (
    <Field label={props.label} error={error} hint={props.hint}>
      {(id) => (
        <span className="number-setting measure">
          <input
            id={id}
            type="number"
            step={props.step}
            min={props.min}
            max={props.max}
            disabled={isAuto}
            value={isAuto ? String(automatic) : text}
            onChange={(e) => {
              setText(e.target.value);
              if (e.target.value.trim() !== '') props.onChange(Number(e.target.value), false);
            }}
            onBlur={props.onBlur}
          />
          <span className="unit">{props.unit}</span>
          {automatic !== undefined && (
            <label className="auto">
              <input type="checkbox" aria-label={`${props.label}自动`} checked={isAuto} onChange={(e) => props.onChange(e.target.checked ? null : automatic, true)} />
              自动
            </label>
          )}
        </span>
      )}
    </Field>
  );
}

/** The red header, the number and the red line at print size (scaled down), on the 156 mm type area. */
function HeaderSample({ look, docPrefix }: { look: DocumentLook; docPrefix: string }) {
  const width = headerWidthMm({ text: look.header, sizePt: look.headerSizePt, scalePercent: look.headerScale });
  const number = sampleNumber(docPrefix);
  const tooWide = width > TYPE_AREA_MM;
  return (
    <figure className="doc-sample" aria-label="版头效果示例">
      <div className="doc-sample-area" style={lookStyle(look)}>
        <div className="doc-sample-header" data-testid="sample-header" style={{ fontSize: `${look.headerSizePt}pt` }}>
          <span style={{ transform: `scaleX(${look.headerScale / 100})` }}>{look.header}</span>
        </div>
        <div className="doc-sample-number">{number}</div>
        <div className="doc-sample-line" data-testid="sample-red-line" style={{ height: `${look.redLinePt}pt` }} />
      </div>
      <figcaption className={tooWide ? 'error' : 'muted'} role={tooWide ? 'alert' : undefined}>
        {look.headerSizePt}磅，缩放{look.headerScale}%，宽约{Math.round(width)}毫米
        {tooWide ? `，超出版心宽度${TYPE_AREA_MM}毫米，Word中会折成两行，请减小字号或缩放` : `（版心宽${TYPE_AREA_MM}毫米）`}；红色分隔线{look.redLinePt}磅
      </figcaption>
    </figure>
  );
}

/** X人常〔2026〕1号 for the prefix, or the pattern while the prefix is unusable (单位信息 says why). */
function sampleNumber(prefix: string): string {
  return docPrefixProblem(prefix) ? '机关代字〔年份〕序号号' : formatDocNumber(prefix, new Date().getFullYear(), 1);
}
