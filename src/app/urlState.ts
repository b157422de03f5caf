import { parseBackendOverride, type BackendOverride } from '../core/backend/backendNames';

/** Reads `?backend=` from the page URL. */
export function backendOverrideFromUrl(search: string = window.location.search): BackendOverride {
  return parseBackendOverride(new URLSearchParams(search).get('backend'));
}
