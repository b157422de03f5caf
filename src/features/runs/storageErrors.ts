/**
 * What the user reads when the browser's storage refuses a write: what failed, why, and what to do
 * (free space, export first, reload), never a silent loss.
 */
export function storageErrorMessage(action: string, error: unknown): string {
  const name =
    error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError') {
    return (
      `Could not ${action}: this browser's storage for the lab is full. ` +
      'Use Export JSON to keep the results you need, then delete old saved runs or free disk space.'
    );
  }
  if (name === 'InvalidStateError' || name === 'StoreClosedError') {
    return (
      `Could not ${action}: saved runs were closed because another tab upgraded or deleted them. ` +
      'Export JSON to keep this result, then reload the page.'
    );
  }
  const cause = detail || name || 'unknown storage error';
  return `Could not ${action} (${cause}). Use Export JSON to keep a copy, free some disk space, and reload the page to try again.`;
}

/** Raised by a store whose connection was closed (another tab upgraded or deleted the database). */
export class StoreClosedError extends Error {
  constructor() {
    super('the saved-runs database was closed by another tab');
    this.name = 'StoreClosedError';
  }
}

/** Shown once when another tab upgrades or deletes the database under this one. */
export const STORE_CLOSED_MESSAGE =
  'Saved runs were upgraded or deleted in another tab, so this tab stopped saving. ' +
  'Export JSON to keep what is on screen, then reload the page.';
