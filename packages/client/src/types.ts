// Names for the generated operation types (schema.d.ts inlines every object, so these are the only aliases).
import type { operations } from './schema.d.ts';

type Json<Op extends keyof operations, Status extends number> =
  operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer T } }> ? T : never;
type Body<Op extends keyof operations> =
  operations[Op] extends { requestBody: { content: { 'application/json': infer T } } } ? T : never;
type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type Diagram = Json<'getDiagram', 200>;
export type DiagramCreateParams = Body<'createDiagram'>;
export type DiagramUpdateParams = Body<'updateDiagram'>;
export type DiagramListParams = Query<'listDiagrams'>;
export type DeletedDiagram = Json<'deleteDiagram', 200>;
export type RenderParams = Query<'renderDiagramImage'>;

export type Folder = Json<'getFolder', 200>;
export type FolderCreateParams = Body<'createFolder'>;
export type FolderUpdateParams = Body<'updateFolder'>;
export type FolderListParams = Query<'listFolders'>;
export type DeletedFolder = Json<'deleteFolder', 200>;

export type Generation = Json<'getGeneration', 200>;
export type GenerationCreateParams = Body<'createGeneration'>;
export type GenerationListParams = Query<'listGenerations'>;

export type ApiKey = Json<'getKey', 200>;

/** One page of a list, as the API sends it. */
export interface Page<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  next_cursor: string | null;
}
