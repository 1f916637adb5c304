export * from './define';
export * from './errors';
export * from './contract';
export * from './platform-types';
