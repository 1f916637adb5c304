export * from './chinese-numerals';
export * from './dates';
export * from './doc-number';
export * from './numbers';
export * from './parse-date';
