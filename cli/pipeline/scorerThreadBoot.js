// A worker_threads entry cannot be TypeScript by itself: register tsx's loader in this thread, then load the scorer thread.
import { register } from 'tsx/esm/api';

register();
await import('./scorerThread.ts');
