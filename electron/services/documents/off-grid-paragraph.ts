import { Paragraph, type IContext, type IXmlableObject } from 'docx';

/** Elements of w:pPr that come after w:snapToGrid in the schema's sequence (Word rejects elements out of order). */
const AFTER_SNAP_TO_GRID = new Set([
  'w:spacing',
  'w:ind',
  'w:contextualSpacing',
  'w:mirrorIndents',
  'w:suppressOverlap',
  'w:jc',
  'w:textDirection',
  'w:textAlignment',
  'w:textboxTightWrap',
  'w:outlineLvl',
  'w:divId',
  'w:cnfStyle',
  'w:rPr',
  'w:sectPr',
  'w:pPrChange',
]);

type XmlNode = Record<string, unknown>;

/**
 * A paragraph that keeps its own exact line height instead of snapping to the line grid (w:snapToGrid="0").
 * LibreOffice ignores exact line spacing on the grid and rounds every line up to whole grid lines from the font's own
 * height, so a 22 pt title line or the red header would take two or three lines there and one in Word; with
 * snapping off both follow the exact height. `docx` has no option for the element, so it is added to the paragraph's
 * properties when they are written.
 */
export class OffGridParagraph extends Paragraph {
  override prepForXml(context: IContext): IXmlableObject | undefined {
    const xml = super.prepForXml(context);
    const children = xml?.['w:p'];
    if (!Array.isArray(children)) return xml;
    let properties = children.find((c: XmlNode) => c && typeof c === 'object' && 'w:pPr' in c) as XmlNode | undefined;
    if (!properties) {
      properties = { 'w:pPr': [] };
      children.unshift(properties);
    }
    const list = properties['w:pPr'];
    if (!Array.isArray(list)) return xml;
    const at = list.findIndex((p: XmlNode) => p && typeof p === 'object' && Object.keys(p).some((k) => AFTER_SNAP_TO_GRID.has(k)));
    list.splice(at < 0 ? list.length : at, 0, { 'w:snapToGrid': { _attr: { 'w:val': false } } });
    return xml;
  }
}
