// /folders: create, list, retrieve, update (rename, move, context) and delete folders of the key's tenant.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { toFolder, type FolderService } from '../../../services/folders.ts';
import type { Owner } from '../../../services/tenancy.ts';
import { CursorCodec, type CursorScope } from '../../pagination.ts';
import { actor, checkId, ownerKey } from '../../request-context.ts';
import { described, errorResponse, IdempotencyHeaders, IdParams } from '../../schemas.ts';
import { CreateFolderBody, DeletedFolderSchema, FolderListSchema, FolderSchema, ListFoldersQuery, UpdateFolderBody } from './schemas.ts';

export interface FolderRouteDependencies {
  folders: FolderService;
  cursors: CursorCodec;
}


export async function folderRoutes(scope: FastifyInstance, deps: FolderRouteDependencies): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const { folders } = deps;

  app.post(
    '/folders',
    {
      schema: {
        summary: 'Create a folder',
        operationId: 'createFolder',
        tags: ['folders'],
        headers: IdempotencyHeaders,
        body: CreateFolderBody,
        response: { 201: described(FolderSchema, 'The folder was created.'), 409: errorResponse('Idempotency-Key conflict.') },
      },
      config: { scopes: ['folders:write'] },
    },
    async (request, reply) => {
      const folder = await folders.create(actor(request), request.body);
      return reply.code(201).send(folder);
    },
  );

  app.get(
    '/folders',
    {
      schema: {
        summary: 'List folders, newest first',
        operationId: 'listFolders',
        tags: ['folders'],
        querystring: ListFoldersQuery,
        response: { 200: described(FolderListSchema, 'A page of folders, newest first, with next_cursor.') },
      },
      config: { scopes: ['folders:read'] },
    },
    async (request) => folderPage(deps, actor(request).owner, request.query),
  );

  app.get(
    '/folders/:id',
    {
      schema: { summary: 'Retrieve a folder', operationId: 'getFolder', tags: ['folders'], params: IdParams, response: { 200: described(FolderSchema, 'The folder.') } },
      config: { scopes: ['folders:read'] },
    },
    async (request) => folders.get(actor(request).owner, checkId(request.params.id)),
  );

  app.patch(
    '/folders/:id',
    {
      schema: {
        summary: 'Update a folder: rename, move (parent_id) or change its context',
        operationId: 'updateFolder',
        tags: ['folders'],
        params: IdParams,
        body: UpdateFolderBody,
        response: { 200: described(FolderSchema, 'The folder as changed.'), 409: errorResponse('folder_cycle: the move would put the folder inside itself.') },
      },
      config: { scopes: ['folders:write'] },
    },
    async (request) => folders.update(actor(request), checkId(request.params.id), request.body),
  );

  app.delete(
    '/folders/:id',
    {
      schema: {
        summary: 'Delete an empty folder',
        operationId: 'deleteFolder',
        tags: ['folders'],
        params: IdParams,
        response: { 200: described(DeletedFolderSchema, 'The folder was deleted.'), 409: errorResponse('folder_not_empty: it still holds folders or diagrams.') },
      },
      config: { scopes: ['folders:write'] },
    },
    async (request) => folders.delete(actor(request).owner, checkId(request.params.id)),
  );
}

/** A page of an owner's folders as GET /folders answers with (also the MCP list_folders tool's). */
export async function folderPage(
  { folders, cursors }: FolderRouteDependencies,
  owner: Owner,
  { limit = 20, cursor, parent_id: parentId }: Static<typeof ListFoldersQuery>,
) {
  const scopeOfCursor: CursorScope = { list: 'folders', filter: `parent_id=${parentId ?? ''}`, owner: ownerKey(owner) };
  const after = cursor === undefined ? null : cursors.decode(cursor, scopeOfCursor);
  const parent = parentId === undefined ? undefined : parentId === 'none' ? null : parentId;
  const rows = await folders.page(owner, parent, after, limit + 1);
  return cursors.page(rows, limit, scopeOfCursor, toFolder);
}
