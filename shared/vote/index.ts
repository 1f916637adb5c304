export * from './terms';
export * from './rules';
export * from './rule-text';
export * from './grade';
export * from './checks';
export * from './sheets';
export * from './round-states';
export * from './groups';
