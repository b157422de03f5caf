/** The record a panel was drawing when it failed, and what the user can do with it. */
export interface OffendingRecord {
  name: string;
  onExport: () => void;
  /** Absent when the record is not saved (nothing to delete). */
  onDelete?: () => void;
}

interface Props {
  /** The panel's title ("Savings"). */
  panel: string;
  error: Error;
  retry: () => void;
  record: OffendingRecord | null;
  /** Said when no single record can be named (a chart over every saved run). */
  hint?: string;
}

/** In place of a panel that threw: what failed, and Export / Delete of the record it was drawing. */
export function PanelFallback({ panel, error, retry, record, hint }: Props) {
  return (
    <section className="panel" role="alert" data-testid="panel-error" data-panel={panel}>
      <h2>{panel}</h2>
      <p className="notice notice-error">
        The {panel} panel could not be drawn{record ? ` for “${record.name}”` : ''}: {error.message || error.name}. The rest of the lab
        keeps working.
        {hint ? ` ${hint}` : ''}
      </p>
      <div className="run-controls">
        {record && (
          <button type="button" onClick={record.onExport}>
            Export JSON of the record
          </button>
        )}
        {record?.onDelete && (
          <button type="button" className="runs-delete" onClick={record.onDelete}>
            Delete the saved record
          </button>
        )}
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    </section>
  );
}
