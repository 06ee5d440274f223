// The one way an image is answered: a diagram's, a generation's, a version's, a compare of two versions.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ImageOptions, ImageSubject } from '../../../services/images.ts';

/** Browsers and proxies may reuse an image this long; after that a conditional request (ETag) is enough. */
const IMAGE_MAX_AGE_SECONDS = 300;
/** Defence in depth for an SVG opened directly in a browser: it may style itself and nothing else. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export const ImageResponses = {
  200: {
    description: 'The image. ETag per diagram version and options; If-None-Match answers 304.',
    content: { 'image/png': { schema: { type: 'string', format: 'binary' } }, 'image/svg+xml': { schema: { type: 'string' } } },
  },
  304: { description: 'Not modified: the ETag in If-None-Match is current.', type: 'null' },
} as const;

export interface ImageQueryValues {
  format?: 'png' | 'svg';
  theme?: 'light' | 'dark';
  scale?: number;
  diagram?: string;
}

/** Sends the image, or 304 when If-None-Match holds its ETag. `subjectFor` throws the 404s. */
export async function replyWithImage(
  request: FastifyRequest,
  reply: FastifyReply,
  query: ImageQueryValues,
  subjectFor: (options: ImageOptions) => Promise<ImageSubject>,
): Promise<FastifyReply> {
  const options = imageOptions(query);
  const subject = await subjectFor(options);
  reply.header('ETag', subject.etag).header('Cache-Control', `private, max-age=${IMAGE_MAX_AGE_SECONDS}`).header('Vary', 'Authorization');
  if (matchesEtag(request.headers['if-none-match'], subject.etag)) return reply.code(304).send();
  const image = await subject.render();
  if (options.format === 'svg') reply.header('Content-Security-Policy', SVG_CSP);
  return reply.header('ETag', image.etag).header('X-Content-Type-Options', 'nosniff').type(image.contentType).send(image.body);
}

/** The image API's options with their defaults (also the MCP render_diagram tool's). */
export function imageOptions(query: ImageQueryValues): ImageOptions {
  return {
    format: query.format ?? 'png',
    theme: query.theme ?? 'light',
    scale: query.scale ?? 2,
    ...(query.diagram === undefined ? {} : { page: query.diagram }),
  };
}

/** If-None-Match holds this ETag: a list, weak tags compared by value, or `*`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
