export * from './api';
export * from './demo';
export * from './errors';
export * from './fields';
export * from './forms';
export * from './hlc';
export * from './records';
export * from './views';
