// Worker-thread bootstrap: workers do not inherit the parent's TypeScript loader, so register
// tsx here, then load the TypeScript entry (lib/predict/fit-worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./fit-worker.ts');
