export * from './orgUnits/schema.ts';
export * from './program/schema.ts';
export * from './measures/schema.ts';
export * from './measures/kinds.ts';
export * from './report/schema.ts';
export * from './report/labels.ts';
export * from './variance/policy.ts';
