// The /app scope: its plugins declare what they need (a misplaced one fails at start-up), visitors are sent to
// sign in, and addresses outside its routes stay 404 pages.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyRoutes } from '../../src/web/pages/keys.ts';
import { sessionLookup } from '../../src/web/session.ts';
import type { WebContext } from '../../src/web/context.ts';
import { startWebServer, type WebServer } from './web-server.ts';

describe('web plugins', () => {
  it('refuses to start a dashboard page plugin outside the /app scope, naming the missing decorator', async () => {
    const app = Fastify();
    await expect(app.register(keyRoutes, {} as WebContext).ready()).rejects.toThrow(/decorator 'signedIn' required by 'jfi-key-pages'/);
  });

  it('refuses to start the session lookup without @fastify/cookie', async () => {
    const app = Fastify();
    await expect(app.register(sessionLookup, {} as WebContext).ready()).rejects.toThrow(/cookies/);
  });
});

describe('the /app scope', () => {
  let server: WebServer;
  beforeAll(async () => {
    server = await startWebServer();
  });
  afterAll(async () => server.close());

  it('sends a visitor to sign in, keeping the page asked for', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/app/folders/f1?panel=import' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/signin?next=${encodeURIComponent('/app/folders/f1?panel=import')}`);
  });

  it('answers addresses that are no dashboard page with the 404 page, signed in or not', async () => {
    for (const url of ['/app/', '/app/nothing-here']) {
      const response = await server.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('Page not found');
    }
  });
});
