// Opens the services from the same configuration the server reads, runs one command, and always closes them.
import { loadConfig } from '../config.ts';
import { createServices, type Services } from '../services/index.ts';
import type { CliIo } from './io.ts';

export async function withServices<T>(io: CliIo, run: (services: Services) => Promise<T>): Promise<T> {
  const services = await createServices(loadConfig(io.env));
  try {
    return await run(services);
  } finally {
    await services.close();
  }
}
