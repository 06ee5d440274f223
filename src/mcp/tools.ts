// The MCP tools: each is an /api/v1 operation under a name and a one-line description written for a model, with
// the API's request schema, scope and serialiser, run over the same services. Nothing here decides a rule.
import { Type, type Static, type TObject } from 'typebox';
import type { CursorCodec } from '../api/pagination.ts';
import { checkId } from '../api/request-context.ts';
import { expectedVersion } from '../api/routes/diagrams/if-match.ts';
import { imageOptions } from '../api/routes/diagrams/image-reply.ts';
import { diagramPageJson } from '../api/routes/diagrams/index.ts';
import { BpmnXml, FolderId, ImageQuery, ListDiagramsQuery, Name, UpdateDiagramBody } from '../api/routes/diagrams/schemas.ts';
import { folderPage } from '../api/routes/folders/index.ts';
import { CreateFolderBody, ListFoldersQuery } from '../api/routes/folders/schemas.ts';
import { CreateGenerationBody } from '../api/routes/generations/schemas.ts';
import { IdParams } from '../api/schemas.ts';
import type { AuthenticatedKey, Scope } from '../services/auth-types.ts';
import { diagramImage, type ImageOptions } from '../services/images.ts';
import type { Services } from '../services/index.ts';
import type { Actor } from '../services/tenancy.ts';

/** What one tool call runs on: the services, the API's cursors, and who calls. */
export interface ToolContext {
  services: Pick<Services, 'diagrams' | 'folders' | 'images' | 'generations'>;
  cursors: CursorCodec;
  actor: Actor;
  key: AuthenticatedKey;
  /** Where this server answers, for the BPMN export's URI. */
  baseUrl: string;
}

export type ToolContent =
  | { type: 'text'; text: string }
  | { type: 'image'; data: string; mimeType: string }
  | { type: 'resource'; resource: { uri: string; mimeType: string; text: string } };

export interface Tool {
  name: string;
  description: string;
  /** The scopes a key needs, as for the /api/v1 route it stands for. */
  scopes: Scope[];
  input: TObject;
  run(args: never, context: ToolContext): Promise<ToolContent[]>;
}

function tool<S extends TObject>(definition: { name: string; description: string; scopes: Scope[]; input: S; run(args: Static<S>, context: ToolContext): Promise<ToolContent[]> }): Tool {
  return definition as Tool;
}

const Id = IdParams.properties.id;

const json = (value: unknown): ToolContent => ({ type: 'text', text: typeof value === 'string' ? value : JSON.stringify(value) });

async function render(context: ToolContext, diagramId: string, options: ImageOptions): Promise<ToolContent> {
  const subject = await diagramImage(context.services, context.actor.owner, diagramId)(options);
  const image = await subject.render();
  return options.format === 'svg'
    ? { type: 'text', text: image.body.toString('utf8') }
    : { type: 'image', data: image.body.toString('base64'), mimeType: 'image/png' };
}

async function bpmnResource(context: ToolContext, diagramId: string): Promise<ToolContent> {
  const row = await context.services.diagrams.getWithXml(context.actor.owner, diagramId);
  return { type: 'resource', resource: { uri: `${context.baseUrl}/api/v1/diagrams/${row.id}/export`, mimeType: 'application/xml', text: row.bpmn_xml } };
}

export const TOOLS: Tool[] = [
  tool({
    name: 'generate_diagram',
    description: 'Generate a BPMN diagram from a plain-language description of a process; returns the diagram, a PNG image of it and its BPMN 2.0 XML.',
    scopes: ['generate'],
    input: CreateGenerationBody,
    async run(args, context) {
      const { diagram } = await context.services.generations.create(context.actor, context.key.id, args);
      return [json(diagram), await render(context, diagram.id, imageOptions({})), await bpmnResource(context, diagram.id)];
    },
  }),
  tool({
    name: 'list_diagrams',
    description: 'List diagrams, newest first, optionally only those in one folder ("none" for the top level); pass next_cursor back as cursor for the next page.',
    scopes: ['diagrams:read'],
    input: ListDiagramsQuery,
    run: async (args, context) => [json(await diagramPageJson({ diagrams: context.services.diagrams, cursors: context.cursors }, context.actor.owner, args))],
  }),
  tool({
    name: 'get_diagram',
    description: 'Get one diagram by id: name, folder, version, source and element counts.',
    scopes: ['diagrams:read'],
    input: Type.Object({ id: Id }),
    run: async ({ id }, context) => [json(await context.services.diagrams.get(context.actor.owner, checkId(id)))],
  }),
  tool({
    name: 'render_diagram',
    description: 'Render a diagram as a PNG image (or SVG text), light or dark theme, at a pixel scale of 1 to 4.',
    scopes: ['diagrams:read'],
    input: Type.Object({ id: Id, ...ImageQuery.properties }),
    run: async ({ id, ...query }, context) => [await render(context, checkId(id), imageOptions(query))],
  }),
  tool({
    name: 'import_bpmn',
    description: 'Create a diagram from BPMN 2.0 XML (laid out automatically when it has no diagram interchange), optionally named and put in a folder.',
    scopes: ['diagrams:write'],
    input: Type.Object({ bpmn_xml: BpmnXml, name: Type.Optional(Name), folder_id: Type.Optional(FolderId) }),
    run: async (args, context) => [json(await context.services.diagrams.importXml(context.actor, args))],
  }),
  tool({
    name: 'export_bpmn',
    description: 'Export a diagram as BPMN 2.0 XML with diagram interchange, ready for any BPMN modeler.',
    scopes: ['diagrams:read'],
    input: Type.Object({ id: Id }),
    run: async ({ id }, context) => [await bpmnResource(context, checkId(id))],
  }),
  tool({
    name: 'list_folders',
    description: 'List folders, newest first, optionally only the sub-folders of one folder ("none" for the top level); pass next_cursor back as cursor.',
    scopes: ['folders:read'],
    input: ListFoldersQuery,
    run: async (args, context) => [json(await folderPage({ folders: context.services.folders, cursors: context.cursors }, context.actor.owner, args))],
  }),
  tool({
    name: 'create_folder',
    description: 'Create a folder, optionally inside another; its context text steers diagrams generated into it.',
    scopes: ['folders:write'],
    input: CreateFolderBody,
    run: async (args, context) => [json(await context.services.folders.create(context.actor, args))],
  }),
  tool({
    name: 'update_diagram',
    description: 'Rename a diagram, move it to another folder (null for the top level) or replace its BPMN XML; version makes the change apply only at that version.',
    scopes: ['diagrams:write'],
    input: Type.Object({ id: Id, ...UpdateDiagramBody.properties }),
    async run({ id, version, ...changes }, context) {
      return [json(await context.services.diagrams.update(context.actor, checkId(id), changes, expectedVersion(undefined, version)))];
    },
  }),
];
