import { useId } from 'react';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { MAX_IMPORT_BYTES, parseResultJson, tooLargeMessage } from './exportImport';

export interface ImportResultButtonProps {
  onImport: (result: ExperimentResult) => void | Promise<void>;
  /** A message naming the file and the first problem in it. */
  onError: (message: string) => void;
  disabled?: boolean;
  /** Why it is disabled (shown as the input's title). */
  disabledReason?: string;
}

/** A labelled file input that reads a result.json (as written by Export JSON) back into the lab. */
export function ImportResultButton({ onImport, onError, disabled = false, disabledReason }: ImportResultButtonProps) {
  const id = useId();
  return (
    <div className="runs-import">
      <label htmlFor={id}>Import result JSON</label>
      <input
        id={id}
        type="file"
        accept="application/json,.json"
        data-testid="import-result"
        disabled={disabled}
        title={disabled ? disabledReason : undefined}
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          try {
            if (file.size > MAX_IMPORT_BYTES) return onError(`${file.name}: ${tooLargeMessage(file.size)}`);
            const parsed = parseResultJson(await file.text());
            if (parsed.ok) await onImport(parsed.result);
            else onError(`${file.name}: ${parsed.message}`);
          } catch (error) {
            onError(`${file.name}: could not be read (${error instanceof Error ? error.message : String(error)})`);
          } finally {
            input.value = ''; // the same file can be picked again
          }
        }}
      />
    </div>
  );
}
