import type { Comparison } from '../../core/experiment/resultTypes';
import { runLabel } from '../experiment/policyStyles';
import { formatSaving } from '../experiment/formatters';
import { bestSaving, formatSavedAt, type SavedRecord } from './runRecords';

export interface RunsTableProps {
  records: SavedRecord[];
  /** False: the store is in memory only, so say that saved runs will not survive a reload. */
  persistent: boolean;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  onExport: (id: string) => void;
  /** Ids of unfinished records with a checkpoint, and how to resume one (absent: no Resume buttons). */
  resumable?: ReadonlySet<string>;
  onResume?: (id: string) => void;
  /** Why Resume is unavailable right now (an experiment is running, the backend is starting). */
  resumeBlocked?: string | null;
}

function SavingCell({ comparisons, kind }: { comparisons: readonly Comparison[]; kind: 'learnerSaving' | 'computeSaving' }) {
  const best = bestSaving(comparisons, kind);
  if (best === null) return <td className="runs-num">—</td>;
  const text = formatSaving(best.saving);
  return (
    <td className="runs-num">
      {text}
      {best.saving !== null && <span className="runs-by"> {runLabel(best.comparison.policy, best.comparison.scorer)}</span>}
    </td>
  );
}

/** Saved experiments, newest first, each with Open / Export JSON / Delete. */
export function RunsTable({ records, persistent, onOpen, onDelete, onExport, resumable, onResume, resumeBlocked = null }: RunsTableProps) {
  return (
    <div className="runs" data-testid="saved-runs">
      {!persistent && (
        <p className="notice runs-volatile" role="note" data-testid="runs-not-persistent">
          Saved runs won't survive a reload in this browser (its storage is unavailable).
        </p>
      )}
      {records.length === 0 ? (
        <p className="hint" data-testid="saved-runs-empty">
          {persistent
            ? 'No saved runs yet. Finished experiments are saved here automatically and survive a reload.'
            : 'No saved runs yet. Finished experiments are saved here automatically.'}
        </p>
      ) : (
        <div className="runs-scroll">
          <table className="runs-table">
            <caption>Saved runs</caption>
            <thead>
              <tr>
                <th scope="col">Saved</th>
                <th scope="col">Name</th>
                <th scope="col">Dataset</th>
                <th scope="col">Policies</th>
                <th scope="col">Best learner saving</th>
                <th scope="col">Best compute saving</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => {
                const { result, name } = record;
                return (
                  <tr key={record.id} data-testid="saved-run" data-run-id={record.id}>
                    <td>
                      <time dateTime={record.savedAt}>{formatSavedAt(new Date(record.savedAt))}</time>
                    </td>
                    <th scope="row">{name}</th>
                    <td>{result.config.dataset}</td>
                    <td>{result.config.policies.join(', ')}</td>
                    <SavingCell comparisons={result.comparisons} kind="learnerSaving" />
                    <SavingCell comparisons={result.comparisons} kind="computeSaving" />
                    <td className="runs-actions">
                      {onResume && resumable?.has(record.id) && (
                        <button
                          type="button"
                          className="runs-resume"
                          onClick={() => onResume(record.id)}
                          disabled={resumeBlocked !== null}
                          title={resumeBlocked ?? 'Continue training from the last checkpoint'}
                          aria-label={`Resume ${name} from its last checkpoint`}
                        >
                          Resume
                        </button>
                      )}
                      <button type="button" onClick={() => onOpen(record.id)} aria-label={`Open ${name}`}>
                        Open
                      </button>
                      <button type="button" onClick={() => onExport(record.id)} aria-label={`Export JSON of ${name}`}>
                        Export JSON
                      </button>
                      <button
                        type="button"
                        className="runs-delete"
                        onClick={() => {
                          if (window.confirm(`Delete the saved run “${name}”? This cannot be undone.`)) onDelete(record.id);
                        }}
                        aria-label={`Delete ${name}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
