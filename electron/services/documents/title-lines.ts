/** Titles are broken by the shared code the A4 preview uses too; the builders take WORD_JOINER (glue inside names) from here. */
export { breakTitle, WORD_JOINER, type TitleMetrics } from '../../../shared/documents/title-lines';
