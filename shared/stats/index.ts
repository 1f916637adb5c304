export * from './compute';
export * from './records';
export * from './definitions';
export { resultRound } from './result-round';
export * from './charts';
export * from './plan-target';
