// /diagrams: import, list, retrieve, update, delete, export as BPMN 2.0 XML and render as PNG/SVG.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { listRowPosition, type DiagramService } from '../../../services/diagrams.ts';
import type { GenerationService } from '../../../services/generations.ts';
import type { IdempotencyService } from '../../../services/idempotency.ts';
import type { ImageService } from '../../../services/images.ts';
import type { Owner } from '../../../services/tenancy.ts';
import { InvalidRequestError, PermissionError } from '../../../errors.ts';
import { CursorCodec, type CursorScope } from '../../pagination.ts';
import { authOf } from '../../plugins/auth.ts';
import { actor, checkId, ownerKey } from '../../request-context.ts';
import { described, errorResponse, IdempotencyHeaders, IdParams } from '../../schemas.ts';
import { generate } from '../generations/index.ts';
import {
  CreateDiagramBody,
  DeletedDiagramSchema,
  DiagramListSchema,
  DiagramSchema,
  IfMatchHeaders,
  ImageQuery,
  ListDiagramsQuery,
  UpdateDiagramBody,
} from './schemas.ts';
import { diagramJsonWriter } from './diagram-json.ts';
import { contentDisposition } from './filename.ts';
import { expectedVersion } from './if-match.ts';
import { diagramImage } from '../../../services/images.ts';
import { ImageResponses, replyWithImage } from './image-reply.ts';

export interface DiagramRouteDependencies {
  diagrams: DiagramService;
  images: ImageService;
  cursors: CursorCodec;
  /** For `prompt`: the same generation as POST /generations (quota, provider, folder contexts). */
  generations: GenerationService;
  idempotency: IdempotencyService;
}

export async function diagramRoutes(scope: FastifyInstance, deps: DiagramRouteDependencies): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const { diagrams } = deps;

  app.post(
    '/diagrams',
    {
      schema: {
        summary: 'Create a diagram by importing BPMN 2.0 XML (or, with the generate scope, from a prompt)',
        operationId: 'createDiagram',
        tags: ['diagrams'],
        headers: IdempotencyHeaders,
        body: CreateDiagramBody,
        response: {
          201: described(DiagramSchema, 'The diagram was created (laid out when the XML had no diagram interchange).'),
          409: errorResponse('Idempotency-Key conflict.'),
          422: errorResponse('validation_failed: the BPMN is unsafe, malformed or invalid, or the prompt cannot be turned into a process (nothing is stored).'),
          429: errorResponse('rate_limit_exceeded (burst) or, with prompt, quota_exceeded (generation quota); see Retry-After.'),
        },
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (request, reply) => {
      const { bpmn_xml: xml, prompt, name, folder_id: folderId } = request.body;
      if (xml !== undefined && prompt !== undefined) {
        throw new InvalidRequestError('invalid_parameter', 'Send exactly one of bpmn_xml and prompt, not both.', 'prompt');
      }
      if (prompt !== undefined) {
        if (!authOf(request).key.scopes.includes('generate')) {
          throw new PermissionError('insufficient_scope', 'This API key is missing the required scope: generate.');
        }
        const input = { prompt, ...(name === undefined ? {} : { name }), ...(folderId === undefined ? {} : { folder_id: folderId }) };
        const { diagram } = await generate(request, deps, actor(request), input);
        return reply.code(201).send(diagram);
      }
      if (xml === undefined) throw new InvalidRequestError('missing_parameter', 'bpmn_xml is required (or prompt).', 'bpmn_xml');
      const diagram = await diagrams.importXml(actor(request), {
        bpmn_xml: xml,
        ...(name === undefined ? {} : { name }),
        ...(folderId === undefined ? {} : { folder_id: folderId }),
      });
      return reply.code(201).send(diagram);
    },
  );

  app.get(
    '/diagrams',
    {
      schema: {
        summary: 'List diagrams, newest first',
        operationId: 'listDiagrams',
        tags: ['diagrams'],
        querystring: ListDiagramsQuery,
        response: { 200: described(DiagramListSchema, 'A page of diagrams, newest first, with next_cursor.') },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      // JSON text straight from the rows (see diagram-json.ts): Fastify sends a string typed JSON as it is,
      // so the response schema only documents this body.
      const page = await diagramPageJson(deps, actor(request).owner, request.query);
      return (reply as FastifyReply).type('application/json; charset=utf-8').send(page);
    },
  );

  app.get(
    '/diagrams/:id',
    {
      schema: { summary: 'Retrieve a diagram', operationId: 'getDiagram', tags: ['diagrams'], params: IdParams, response: { 200: described(DiagramSchema, 'The diagram.') } },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      const diagram = await diagrams.get(actor(request).owner, checkId(request.params.id));
      // The version as an entity tag, ready to send back as If-Match.
      return reply.header('ETag', `"${diagram.version}"`).send(diagram);
    },
  );

  app.patch(
    '/diagrams/:id',
    {
      schema: {
        summary: 'Update a diagram: name, folder, or its BPMN XML',
        operationId: 'updateDiagram',
        tags: ['diagrams'],
        params: IdParams,
        headers: IfMatchHeaders,
        body: UpdateDiagramBody,
        response: {
          200: described(DiagramSchema, 'The diagram as changed, with its new version.'),
          409: errorResponse('version_conflict: the diagram is no longer at the version given in If-Match or version.'),
          422: errorResponse('validation_failed: the new BPMN is invalid (nothing is changed).'),
        },
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const expected = expectedVersion(request.headers['if-match'], version);
      return diagrams.update(actor(request), checkId(request.params.id), changes, expected);
    },
  );

  app.delete(
    '/diagrams/:id',
    {
      schema: {
        summary: 'Delete a diagram',
        operationId: 'deleteDiagram',
        tags: ['diagrams'],
        params: IdParams,
        response: { 200: described(DeletedDiagramSchema, 'The diagram was deleted.') },
      },
      config: { scopes: ['diagrams:write'] },
    },
    async (request) => diagrams.delete(actor(request).owner, checkId(request.params.id)),
  );

  app.get(
    '/diagrams/:id/export',
    {
      schema: {
        summary: 'Export a diagram as BPMN 2.0 XML (with diagram interchange)',
        operationId: 'exportDiagram',
        tags: ['diagrams'],
        params: IdParams,
        produces: ['application/xml'],
        response: { 200: { description: 'BPMN 2.0 XML, as an attachment named after the diagram.', content: { 'application/xml': { schema: { type: 'string' } } } } },
      },
      config: { scopes: ['diagrams:read'] },
    },
    async (request, reply) => {
      const row = await diagrams.getWithXml(actor(request).owner, checkId(request.params.id));
      return reply
        .type('application/xml; charset=utf-8')
        .header('X-Content-Type-Options', 'nosniff')
        .header('Content-Disposition', contentDisposition(row.name, '.bpmn'))
        .send(row.bpmn_xml);
    },
  );

  app.get(
    '/diagrams/:id/image',
    {
      schema: {
        summary: 'Render a diagram as PNG or SVG, light or dark',
        operationId: 'renderDiagramImage',
        tags: ['diagrams'],
        params: IdParams,
        querystring: ImageQuery,
        response: ImageResponses,
      },
      config: { scopes: ['diagrams:read'] },
    },
    // The body is bytes, not JSON: the response schema only documents it.
    async (request, reply) =>
      replyWithImage(request, reply as FastifyReply, request.query, diagramImage(deps, actor(request).owner, checkId(request.params.id))),
  );
}

/** A page of an owner's diagrams as the JSON text GET /diagrams answers with (also the MCP list_diagrams tool's). */
export async function diagramPageJson(
  { diagrams, cursors }: Pick<DiagramRouteDependencies, 'diagrams' | 'cursors'>,
  owner: Owner,
  { limit = 20, cursor, folder_id: folderId }: Static<typeof ListDiagramsQuery>,
): Promise<string> {
  const cursorScope: CursorScope = { list: 'diagrams', filter: `folder_id=${folderId ?? ''}`, owner: ownerKey(owner) };
  const after = cursor === undefined ? null : cursors.decode(cursor, cursorScope);
  const folder = folderId === undefined ? undefined : folderId === 'none' ? null : folderId;
  const rows = await diagrams.pageRows(owner, folder, after, limit + 1);
  return cursors.pageJson(rows, limit, cursorScope, listRowPosition, diagramJsonWriter(owner));
}
