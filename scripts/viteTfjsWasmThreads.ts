import type { Plugin } from 'vite';

const OUTER_SCRIPT_DIR =
  /var _scriptDir = typeof document !== 'undefined' && document\.currentScript \? document\.currentScript\.src : undefined;\s*if \(typeof __filename !== 'undefined'\) _scriptDir = _scriptDir \|\| __filename;/;

/**
 * Keeps tfjs-backend-wasm's threaded build working after minification. tfjs starts each pthread worker
 * from `factory.toString()`, so the factory must not reach into its enclosing closure; it reads the
 * closure's `_scriptDir` behind `typeof _scriptDir !== "undefined"`, a guard the minifier drops because
 * the variable is declared there, and every worker then dies with "e is not defined". Removing the outer
 * declaration leaves `_scriptDir` a free name, so the guard stays. Nothing else uses it: the lab passes
 * every .wasm URL explicitly (src/worker/wasmPaths.ts), and tfjs always sets mainScriptUrlOrBlob.
 */
export function tfjsWasmThreadsPlugin(): Plugin {
  return {
    name: 'tfjs-wasm-threads-survive-minify',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('tfjs-backend-wasm') || !id.endsWith('tfjs-backend-wasm-threaded-simd.js')) return null;
      if (!OUTER_SCRIPT_DIR.test(code)) {
        this.error(
          'tfjs-backend-wasm-threaded-simd.js changed shape: the _scriptDir fix in scripts/viteTfjsWasmThreads.ts no longer applies',
        );
      }
      return { code: code.replace(OUTER_SCRIPT_DIR, ''), map: null };
    },
  };
}
