import type * as ExcelTypes from 'exceljs';
// @ts-expect-error -- the prebuilt bundle has no type file of its own; its API is the package's (typed below).
import bundled from 'exceljs/dist/exceljs.bare.min.js';

/**
 * exceljs as the services load it: the package's own prebuilt, minified bundle (0.9 MB) instead of
 * its Node sources, which esbuild would bundle with archiver, unzipper and their streams (3 MB
 * unminified) and take the installed app past its 40 MB. The bundle runs in Node as it is
 * (reading from and writing to memory only, which is all the services do); the unit tests, the
 * e2e specs and the bench go through this module too.
 */
const ExcelJS = bundled as typeof ExcelTypes;
export default ExcelJS;
export type { Buffer, CellValue, Worksheet } from 'exceljs';
