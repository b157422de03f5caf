/** The tfjs backends the lab can run on, best first. */
export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export const BACKEND_LABELS: Record<BackendName, string> = {
  webgpu: 'WebGPU',
  webgl: 'WebGL',
  wasm: 'WASM',
  cpu: 'CPU',
};

export type BackendOverride = { ok: true; backend: BackendName | null } | { ok: false; message: string };

export function isBackendName(value: string): value is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(value);
}

/**
 * Parses a user-supplied backend override (`?backend=` in the app, `--backend` in the CLI).
 * Empty or missing means "pick the best available".
 */
export function parseBackendOverride(raw: string | null | undefined): BackendOverride {
  if (raw === null || raw === undefined || raw.trim() === '') return { ok: true, backend: null };
  const value = raw.trim().toLowerCase();
  if (isBackendName(value)) return { ok: true, backend: value };
  return {
    ok: false,
    message: `backend: "${raw}" is not a backend; allowed values: ${BACKEND_ORDER.join(', ')} (or leave it out to pick the best available).`,
  };
}
