export { JustFlowIt, Diagrams, Folders, Generations, Key } from './client.ts';
export type { ClientOptions } from './transport.ts';
export { PageList } from './pagination.ts';
export * from './errors.ts';
export type * from './types.ts';
export type { paths, operations } from './schema.d.ts';
