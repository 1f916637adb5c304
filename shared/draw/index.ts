export * from './errors';
export * from './pick-index';
export * from './candidates';
export * from './log-schema';
export * from './log';
export * from './make-draw';
export * from './replay';
export * from './report';
export { formatDrawTime, type DrawRecord } from './fold';
