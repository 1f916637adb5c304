// The rule lives in shared/ so the spreadsheet import assigns posts the same way as the dialog.
export { CATEGORY_UNIT_KIND, holdsSeat, postKeyFor } from '../../../../shared/domain/post-key';
