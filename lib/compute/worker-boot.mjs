// Worker-thread bootstrap: workers do not inherit the parent's TypeScript loader, so register
// tsx here, then load the TypeScript entry (lib/compute/worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
