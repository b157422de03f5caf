// A worker_threads entry cannot be TypeScript by itself: register tsx's loader in this thread, then load the load thread.
import { register } from 'tsx/esm/api';

register();
await import('./loadThread.ts');
