import type { Comparison } from '../../core/experiment/resultTypes';
import { ErrorBoundary } from '../errors/ErrorBoundary';
import { runLabel } from '../experiment/policyStyles';
import { formatSaving } from '../experiment/formatters';
import { bestSaving, formatSavedAt, type SavedRecord } from './runRecords';
import type { BrokenRecord } from './savedRecordCheck';

export interface RunsTableProps {
  records: SavedRecord[];
  /** False: the store is in memory only, so say that saved runs will not survive a reload. */
  persistent: boolean;
  onOpen: (id: string) => void;
  onDelete: (id: string) => void;
  onExport: (id: string) => void;
  /** Downloads the record as a runnable PyTorch project (absent: no button). */
  onExportTorch?: (id: string) => void;
  /** Ids of unfinished records with a checkpoint, and how to resume one (absent: no Resume buttons). */
  resumable?: ReadonlySet<string>;
  onResume?: (id: string) => void;
  /** Why Resume is unavailable right now (an experiment is running, the backend is starting). */
  resumeBlocked?: string | null;
  /** Stored records that fail the result schema: listed with their problem, Export and Delete only. */
  broken?: readonly BrokenRecord[];
  onExportBroken?: (record: BrokenRecord) => void;
  /** Why Open is unavailable right now (an experiment is running). */
  openBlocked?: string | null;
  /** The record the running experiment saves into: not deletable while it trains. */
  liveId?: string | null;
}

function Actions({
  id,
  name,
  onExport,
  onDelete,
  deleteBlocked = null,
}: {
  id: string;
  name: string;
  onExport: () => void;
  onDelete: (id: string) => void;
  deleteBlocked?: string | null;
}) {
  return (
    <>
      <button type="button" onClick={onExport} aria-label={`Export JSON of ${name}`}>
        Export JSON
      </button>
      <button
        type="button"
        className="runs-delete"
        disabled={deleteBlocked !== null}
        title={deleteBlocked ?? undefined}
        onClick={() => {
          if (window.confirm(`Delete the saved run “${name}”? This cannot be undone.`)) onDelete(id);
        }}
        aria-label={`Delete ${name}`}
      >
        Delete
      </button>
    </>
  );
}

/** A record that cannot be drawn: what is wrong with it, and Export / Delete. */
function BrokenRow({
  id,
  name,
  savedAt,
  problem,
  onExport,
  onDelete,
}: {
  id: string;
  name: string;
  savedAt: string;
  problem: string;
  onExport: () => void;
  onDelete: (id: string) => void;
}) {
  return (
    <tr data-testid="broken-run" data-run-id={id}>
      <td>
        <time dateTime={savedAt}>{formatSavedAt(new Date(savedAt))}</time>
      </td>
      <th scope="row">{name}</th>
      <td colSpan={4} className="notice-error" role="note">
        Cannot be shown: {problem}. Export it to inspect or repair it, or delete it.
      </td>
      <td className="runs-actions">
        <Actions id={id} name={name} onExport={onExport} onDelete={onDelete} />
      </td>
    </tr>
  );
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
export function RunsTable(props: RunsTableProps) {
  const {
    records,
    persistent,
    onOpen,
    onDelete,
    onExport,
    onExportTorch,
    resumable,
    onResume,
    resumeBlocked = null,
    broken = [],
    onExportBroken,
    openBlocked = null,
    liveId = null,
  } = props;
  return (
    <div className="runs" data-testid="saved-runs">
      {!persistent && (
        <p className="notice runs-volatile" role="note" data-testid="runs-not-persistent">
          Saved runs won't survive a reload in this browser (its storage is unavailable).
        </p>
      )}
      {records.length === 0 && broken.length === 0 ? (
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
              {broken.map((record) => (
                <BrokenRow key={record.id} {...record} onExport={() => onExportBroken?.(record)} onDelete={onDelete} />
              ))}
              {records.map((record) => {
                const { result, name } = record;
                // A record that passed the schema should draw; if it still throws, only its row is replaced.
                const fallback = (error: Error) => (
                  <BrokenRow
                    id={record.id}
                    name={name}
                    savedAt={record.savedAt}
                    problem={`it failed to draw (${error.message})`}
                    onExport={() => onExport(record.id)}
                    onDelete={onDelete}
                  />
                );
                return (
                  <ErrorBoundary key={record.id} fallback={fallback} resetKey={record}>
                    <tr data-testid="saved-run" data-run-id={record.id}>
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
                        <button
                          type="button"
                          onClick={() => onOpen(record.id)}
                          disabled={openBlocked !== null}
                          title={openBlocked ?? undefined}
                          aria-label={`Open ${name}`}
                        >
                          Open
                        </button>
                        {onExportTorch && (
                          <button
                            type="button"
                            onClick={() => onExportTorch(record.id)}
                            title="Download a folder (.tar) with the config, the exact data and a PyTorch train.py that reruns this experiment"
                            aria-label={`Export ${name} as PyTorch`}
                          >
                            Export as PyTorch
                          </button>
                        )}
                        <Actions
                          id={record.id}
                          name={name}
                          onExport={() => onExport(record.id)}
                          onDelete={onDelete}
                          deleteBlocked={record.id === liveId ? 'This experiment is training and saves here; stop it first.' : null}
                        />
                      </td>
                    </tr>
                  </ErrorBoundary>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
