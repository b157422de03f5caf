import type { ExperimentResult } from '../../core/experiment/resultTypes';
import type { SaveOutcome } from './useSavedRuns';

export interface ImportSteps {
  /** Why an import is refused right now (an experiment is running), or null. */
  busy: string | null;
  save: (result: ExperimentResult) => Promise<SaveOutcome>;
  /** Puts the result on screen; `id` is its saved record, null when it could not be saved. */
  open: (result: ExperimentResult, id: string | null) => void;
}

export type ImportMessage = { kind: 'ok' | 'error'; text: string };

/**
 * An accepted result.json: refused while an experiment runs; otherwise saved (the write awaited),
 * then shown. "saved" is said only once the write has finished; a failed write says why and what to do.
 */
export async function importResult(result: ExperimentResult, { busy, save, open }: ImportSteps): Promise<ImportMessage> {
  if (busy) return { kind: 'error', text: `Import refused: ${busy}` };
  const saved = await save(result);
  open(result, saved.ok ? saved.record.id : null);
  return saved.ok
    ? { kind: 'ok', text: 'Imported: the result is on screen and saved.' }
    : { kind: 'error', text: `Imported, on screen but not saved. ${saved.message}` };
}
