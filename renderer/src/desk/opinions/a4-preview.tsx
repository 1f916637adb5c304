import type { CSSProperties } from 'react';
import { useCall } from '../../platform/hooks';
import { documentLook, lookStyle, type DocumentLook } from './preview-input';
import { layoutPreview, type PreviewInput, type PreviewLine, type PreviewPage } from './preview-layout';

/**
 * A4 pages as the Word file will print them: 210 × 297 mm, type area 156 × 225 mm from 37 mm top and
 * 28 mm left, 22 lines of 28 characters of 16 pt (28.95 pt line pitch, −0.25 pt between characters),
 * in the settings' font profile (仿宋_GB2312 … or 仿宋 …) as far as the system has the fonts, else its
 * CJK fonts standing in. The red header's text, size and scale and the red line follow 设置 → 公文格式.
 * Scaled with CSS zoom.
 */

const PITCH = 28.95;
const CELL = 15.75;
const LEVEL_CLASS = ['', 'a4-hei', 'a4-kai', '', ''];

function Line({ l }: { l: PreviewLine }) {
  const style: CSSProperties = { top: `${l.line * PITCH}pt`, left: `${l.indent * CELL}pt`, right: `${l.right * CELL}pt`, textAlign: l.align };
  const chars = [...l.text];
  const head = chars.slice(0, l.headChars).join('');
  const rest = chars.slice(l.headChars).join('');
  return (
    <div className={`a4-line${l.justify ? ' justify' : ''}`} style={style}>
      {head && <span className={LEVEL_CLASS[l.level] ?? ''}>{head}</span>}
      {rest}
    </div>
  );
}

function Page({ page, input, grid, look }: { page: PreviewPage; input: PreviewInput; grid: boolean; look: DocumentLook | null }) {
  const { head, imprint } = page;
  const odd = page.no % 2 === 1;
  return (
    <div className="a4-page" aria-label={`第${page.no}页`} data-testid="a4-page">
      <div className={`a4-area${grid ? ' grid' : ''}`}>
        {head && (
          <>
            <div className="a4-header" style={{ top: '35mm', fontSize: `${head.headerSizePt}pt` }} data-testid="a4-header">
              <span style={{ transform: `scaleX(${head.headerScale / 100})` }}>{input.header}</span>
            </div>
            <div className={`a4-line a4-center${input.numberPending ? ' a4-pending' : ''}`} style={{ top: `${head.numberLine * PITCH}pt` }} data-testid="a4-number">
              {input.docNumber}
            </div>
            <div className="a4-redline" style={{ top: `${(head.numberLine + 1) * PITCH + 4}pt`, ...(look ? { height: `${look.redLinePt}pt` } : {}) }} />
            {head.titleLines.map((t, i) => (
              <div key={`t${i}`} className="a4-title" style={{ top: `${(head.titleLine + i) * PITCH}pt` }}>
                {t}
              </div>
            ))}
            {head.noteLines.map((t, i) => (
              <div key={`n${i}`} className="a4-line a4-center a4-kai" style={{ top: `${(head.noteLine + i) * PITCH}pt` }}>
                {t}
              </div>
            ))}
          </>
        )}
        {page.lines.map((l, i) => (
          <Line key={i} l={l} />
        ))}
        {imprint && (
          <div className="a4-imprint">
            {imprint.copyToLines.length > 0 && <div className="a4-imprint-row copy">{imprint.copyToLines.join('')}</div>}
            <div className="a4-imprint-row issued">
              <span>{imprint.office}</span>
              <span>{imprint.issued}</span>
            </div>
          </div>
        )}
      </div>
      {page.pageNumber !== null && <div className={`a4-folio ${odd ? 'odd' : 'even'}`}>— {page.pageNumber} —</div>}
    </div>
  );
}

export function A4Preview({ input, zoom = 0.6, grid = false }: { input: PreviewInput; zoom?: number; grid?: boolean }) {
  // The 公文格式 settings; until they arrive (or if they cannot be read) the page shows the automatic header.
  const settings = useCall('settings.get', {}).data;
  const look = settings ? documentLook(settings) : null;
  const shown = look && settings ? { ...input, header: look.header, headerSizePt: settings.documents.organHeader.sizePt, headerScalePercent: settings.documents.organHeader.scalePercent } : input;
  const layout = layoutPreview(shown);
  return (
    <div className="a4-preview" style={{ zoom, ...(look ? lookStyle(look) : {}) }} data-pages={layout.pages.length} data-font-profile={settings?.documents.fontProfile}>
      {layout.pages.map((p) => (
        <Page key={p.no} page={p} input={shown} grid={grid} look={look} />
      ))}
    </div>
  );
}
