import type { OpinionDetail } from '../../../../shared/api/opinion-types';
import { councilNote, opinionTitleText, printedBody, type OpinionContent, type OpinionVersion } from '../../../../shared/domain/opinions';
import { formatDateCn } from '../../../../shared/format/dates';
import type { PreviewInput } from './preview-layout';

/** What the preview prints for a version: the draft's text, and the number and dates once recorded. */
export function previewInput(detail: OpinionDetail, content: OpinionContent, version: OpinionVersion | null): PreviewInput {
  const { doc, row } = detail;
  const council = version?.council ?? null;
  const issue = version?.issue ?? null;
  const names = doc.copyTo.map((c) => c.trim()).filter((c) => c !== '');
  return {
    header: doc.organHeader,
    docNumber: issue?.docNumber ?? detail.suggestedNumber,
    numberPending: !issue,
    title: opinionTitleText(row.name),
    titleNote: council?.sitting ? councilNote(formatDateCn(council.date), doc.meetingPrefix, doc.session, council.sitting) : null,
    addressee: content.addressee.trim() || `${row.name}同志`,
    body: printedBody(content),
    signature: { organ: doc.signatureOrgan, date: council ? formatDateCn(council.date) : '（审定日期）' },
    imprint: {
      copyTo: names.length > 0 ? `抄送：${names.join('，')}。` : '',
      office: doc.issuingOffice,
      issued: `${issue ? formatDateCn(issue.issueDate) : '（印发日期）'}印发`,
    },
  };
}
