// The render worker run from the TypeScript sources (tests, tsx): a worker thread starts without its parent's
// loader, so this registers tsx first. The build compiles render-worker.ts instead and leaves this file out.
import { register } from 'tsx/esm/api';

register();
export const { png, svg, pages, prepare, diff, compare } = await import('./render-worker.ts');
