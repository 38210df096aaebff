export * from './plural.ts';
export * from './counted.ts';
export * from './words.ts';
export * from './catalogue.ts';
export * from './zodIssue.ts';
export * from '../format/percent.ts';
export * from '../format/warsawTime.ts';
