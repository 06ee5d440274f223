// The generation worker run from the TypeScript sources (tests, tsx): a worker thread starts without its parent's
// loader, so this registers tsx first. The build compiles generation-worker.ts instead and leaves this file out.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./generation-worker.ts');
export default worker.default;
