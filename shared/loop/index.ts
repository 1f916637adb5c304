export * from './labels';
export * from './deadlines';
export * from './items';
export * from './schemas';
export * from './stage';
export * from './thresholds';
export * from './validation';
