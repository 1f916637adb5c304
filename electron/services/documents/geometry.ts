/**
 * Page geometry of GB/T 9704-2012 in twips: the grid numbers are shared with the A4 preview (shared/documents/grid.ts); the layout section of electron/services/documents/README.md gives them;
 * what only the Word file needs is here.
 */

export * from '../../../shared/documents/grid';

export const RED = 'FF0000';
