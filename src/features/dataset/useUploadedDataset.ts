import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabImageSet } from '../../core/data/upload/labImageSet';
import type { Engine } from '../../worker/engine';
import { readCsvUpload, readFolderUpload, type CsvSizeOption, type UploadOutcome } from './readUpload';

export interface AcceptedUpload {
  set: LabImageSet;
  encoded: Uint8Array;
  /** Non-image files skipped in a folder. */
  skipped: number;
}

export interface UploadState {
  /** The name being read, while reading. */
  reading: string | null;
  current: AcceptedUpload | null;
  /** Why the last upload was refused (the current one, if any, stays). */
  error: string | null;
}

/**
 * The uploaded dataset: validated in this (UI) layer, handed to the engine, kept until a better one
 * arrives. A refused upload leaves the previous dataset and settings untouched and says why.
 */
export function useUploadedDataset(engine: Engine | null, onAccepted: (set: LabImageSet) => void) {
  const [state, setState] = useState<UploadState>({ reading: null, current: null, error: null });
  const accepted = useRef(onAccepted);
  useEffect(() => {
    accepted.current = onAccepted;
  }, [onAccepted]);

  useEffect(() => {
    engine?.setUploadedDataset(state.current?.encoded ?? null);
  }, [engine, state.current]);

  const take = useCallback(async (name: string, read: () => Promise<UploadOutcome>) => {
    setState((s) => ({ ...s, reading: name }));
    // read() answers with a message rather than throwing; this catch only keeps the inputs usable if it ever does.
    const outcome = await read().catch((error: unknown): UploadOutcome => ({
      ok: false,
      message: `${name}: could not be read (${error instanceof Error ? error.message : String(error)})`,
    }));
    if (outcome.ok) {
      setState({ reading: null, current: { set: outcome.set, encoded: outcome.encoded, skipped: outcome.skipped }, error: null });
      accepted.current(outcome.set);
    } else {
      setState((s) => ({ ...s, reading: null, error: outcome.message }));
    }
  }, []);

  const uploadCsv = useCallback((file: File, size: CsvSizeOption | null) => take(file.name, () => readCsvUpload(file, size)), [take]);
  const uploadFolder = useCallback((files: File[]) => take('the folder', () => readFolderUpload(files)), [take]);
  const refuse = useCallback((message: string) => setState((s) => ({ ...s, error: message })), []);

  return { ...state, uploadCsv, uploadFolder, refuse };
}

export type UploadedDatasetApi = ReturnType<typeof useUploadedDataset>;
