export * from './measures';
export * from './periods';
export * from './view';
export * from './share';
export * from './compute';
export * from './goals';
export * from './days';
