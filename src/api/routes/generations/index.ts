// /generations: generate a diagram from a plain-language description, list and retrieve generations, and render
// the diagram a generation made (the same images, ETags and caching as /diagrams/{id}/image).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { DiagramService } from '../../../services/diagrams.ts';
import { ProviderFailedError, toGeneration, type GenerationService, type NewGeneration } from '../../../services/generations.ts';
import type { IdempotencyService } from '../../../services/idempotency.ts';
import type { ImageService } from '../../../services/images.ts';
import type { Actor } from '../../../services/tenancy.ts';
import type { CursorCodec, CursorScope } from '../../pagination.ts';
import { authOf } from '../../plugins/auth.ts';
import { ImageQuery } from '../diagrams/schemas.ts';
import { diagramImage } from '../../../services/images.ts';
import { ImageResponses, replyWithImage } from '../diagrams/image-reply.ts';
import { actor, checkId, ownerKey } from '../../request-context.ts';
import { described, errorResponse, IdempotencyHeaders, IdParams } from '../../schemas.ts';
import { CreateGenerationBody, GenerationListSchema, GenerationSchema, ListGenerationsQuery } from './schemas.ts';

export interface GenerationRouteDependencies {
  generations: GenerationService;
  diagrams: DiagramService;
  images: ImageService;
  idempotency: IdempotencyService;
  cursors: CursorCodec;
}

export const GENERATION_ERRORS = {
  409: errorResponse('Idempotency-Key conflict.'),
  422: errorResponse(
    'validation_failed: the prompt is blank after trimming, holds no process the generator can read (param prompt), ' +
      'or the generation provider failed (param null; retry later). Nothing is saved and no quota is used.',
  ),
  429: errorResponse('rate_limit_exceeded (burst) or quota_exceeded (generation quota); see Retry-After.'),
};

export async function generationRoutes(scope: FastifyInstance, deps: GenerationRouteDependencies): Promise<void> {
  const app = scope.withTypeProvider<TypeBoxTypeProvider>();
  const { generations, cursors } = deps;

  app.post(
    '/generations',
    {
      schema: {
        summary: 'Generate a diagram from a plain-language description',
        operationId: 'createGeneration',
        tags: ['generations'],
        headers: IdempotencyHeaders,
        body: CreateGenerationBody,
        response: { 201: described(GenerationSchema, 'The generation, with the id of the diagram it made and any warnings.'), ...GENERATION_ERRORS },
      },
      config: { scopes: ['generate'] },
    },
    async (request, reply) => {
      const { generation } = await generate(request, deps, actor(request), request.body);
      return reply.code(201).send(generation);
    },
  );

  app.get(
    '/generations',
    {
      schema: {
        summary: 'List generations, newest first',
        operationId: 'listGenerations',
        tags: ['generations'],
        querystring: ListGenerationsQuery,
        response: { 200: described(GenerationListSchema, 'A page of generations, newest first, with next_cursor.') },
      },
      config: { scopes: ['generate'] },
    },
    async (request) => {
      const { owner } = actor(request);
      const { limit = 20, cursor } = request.query;
      const cursorScope: CursorScope = { list: 'generations', filter: '', owner: ownerKey(owner) };
      const after = cursor === undefined ? null : cursors.decode(cursor, cursorScope);
      return cursors.page(await generations.page(owner, after, limit + 1), limit, cursorScope, toGeneration);
    },
  );

  app.get(
    '/generations/:id',
    {
      schema: {
        summary: 'Retrieve a generation',
        operationId: 'getGeneration',
        tags: ['generations'],
        params: IdParams,
        response: { 200: described(GenerationSchema, 'The generation.') },
      },
      config: { scopes: ['generate'] },
    },
    async (request) => generations.get(actor(request).owner, checkId(request.params.id)),
  );

  app.get(
    '/generations/:id/image',
    {
      schema: {
        summary: 'Render the diagram a generation made, as PNG or SVG, light or dark',
        operationId: 'renderGenerationImage',
        tags: ['generations'],
        params: IdParams,
        querystring: ImageQuery,
        response: ImageResponses,
      },
      config: { scopes: ['generate'] },
    },
    async (request, reply) => {
      const { owner } = actor(request);
      const diagramId = await generations.diagramIdOf(owner, checkId(request.params.id));
      // The body is bytes, not JSON: the response schema only documents it.
      return replyWithImage(request, reply as FastifyReply, request.query, diagramImage(deps, owner, diagramId));
    },
  );
}

/**
 * Runs a generation for a request (POST /generations, POST /diagrams with prompt). A provider failure is worth
 * retrying, so it frees the request's Idempotency-Key instead of letting the failure be replayed for 24 h.
 */
export async function generate(request: FastifyRequest, deps: Pick<GenerationRouteDependencies, 'generations' | 'idempotency'>, who: Actor, input: NewGeneration) {
  try {
    return await deps.generations.create(who, authOf(request).key.id, input);
  } catch (error) {
    const claim = request.idempotencyClaim;
    if (error instanceof ProviderFailedError && claim) {
      request.idempotencyClaim = null;
      await deps.idempotency.release(claim.apiKeyId, claim.key);
    }
    throw error;
  }
}
