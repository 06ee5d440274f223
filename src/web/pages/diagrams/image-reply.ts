// The dashboard's one way to answer an image (a diagram's, a version's, a compare): an ETag known before any
// render, 304 when the browser already has it, a short private cache otherwise.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag } from '../../../api/routes/diagrams/image-reply.ts';
import type { ImageOptions, ImageSubject } from '../../../services/images.ts';

/** The dashboard's images: SVG for the page, PNG at twice the size for downloads. */
export function imageOptionsOf(format: string, query: Record<string, unknown>): ImageOptions | null {
  if (format !== 'svg' && format !== 'png') return null;
  return { format, theme: query.theme === 'dark' ? 'dark' : 'light', scale: format === 'png' ? 2 : 1 };
}

export async function sendImage(request: FastifyRequest, reply: FastifyReply, subject: ImageSubject, download: string | null = null): Promise<FastifyReply> {
  reply.header('ETag', subject.etag).header('Cache-Control', 'private, max-age=300');
  if (matchesEtag(request.headers['if-none-match'], subject.etag)) return reply.code(304).send();
  const image = await subject.render();
  if (download !== null) reply.header('Content-Disposition', `attachment; filename="${download}"`);
  return reply.type(image.contentType).send(image.body);
}
