export * from './api';
export * from './errors';
export * from './fields';
export * from './hlc';
export * from './records';
export * from './views';
