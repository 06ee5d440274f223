// A real, listening server for the web tests: a temp SQLite database, real services, real HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/config.ts';
import { buildServer } from '../../src/server.ts';
import { createServices, type Services } from '../../src/services/index.ts';

export interface WebServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  services: Services;
  databaseUrl: string;
  close(): Promise<void>;
}

export async function startWebServer(env: Record<string, string> = {}): Promise<WebServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jfi-web-'));
  const databaseUrl = `sqlite:${path.join(dir, 'jfi.sqlite')}`;
  // A test file signs many people up from one address; the sign-up limit has tests of its own that set it.
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', RENDER_WORKERS: '1', SIGNUPS_PER_HOUR: '100000', ...env });
  const services = await createServices(config);
  const app = await buildServer(config, { services });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    url: address,
    config,
    services,
    databaseUrl,
    async close() {
      await app.close();
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A form submission (or a GET) through app.inject with the jar's cookies; the answer's cookies go back into the jar. */
export async function inject(
  app: FastifyInstance,
  jar: CookieJar,
  method: 'GET' | 'POST',
  url: string,
  form?: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const payload = form ? new URLSearchParams(Object.entries(form).flatMap(([k, v]) => [v].flat().map((item) => [k, item] as [string, string]))).toString() : undefined;
  const response = await app.inject({
    method,
    url,
    headers: { cookie: jar.header(), ...(payload ? { 'content-type': 'application/x-www-form-urlencoded' } : {}), ...headers },
    ...(payload ? { payload } : {}),
  });
  jar.store(response.headers['set-cookie']);
  return response;
}

/** A minimal cookie jar for app.inject: remembers Set-Cookie values and sends them back. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  store(setCookie: string | string[] | undefined): void {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = line.split(';');
      const index = pair!.indexOf('=');
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The CSRF token of the first form in a page. */
export function csrfOf(page: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(page);
  if (!match) throw new Error('No CSRF field in the page.');
  return match[1]!;
}
