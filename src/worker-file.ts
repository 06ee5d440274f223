// Piscina loads a worker file natively in a new thread, without the loader its parent may run under. Compiled
// (dist/), the worker is its own .js; from the TypeScript sources (tests, tsx) it is the .mjs beside it, which
// registers tsx and imports the .ts.

/** The worker file `name` next to the module at `base` (that module's import.meta.url). */
export function workerFile(name: string, base: string): string {
  return new URL(`./${name}${base.endsWith('.ts') ? '.mjs' : '.js'}`, base).href;
}
