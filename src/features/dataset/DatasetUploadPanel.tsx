import { useEffect, useRef, useState } from 'react';
import { LAB_IMAGE_SIZE } from '../../core/data/labImage';
import { UPLOAD_LIMITS, formatBytes } from '../../core/data/upload/uploadLimits';
import { parseSizeText, summaryLine, thumbnails, type Thumbnail } from './uploadSummary';
import type { UploadedDatasetApi } from './useUploadedDataset';

export interface DatasetUploadPanelProps {
  upload: UploadedDatasetApi;
  /** The dataset the settings train on now (named when an upload is refused: it stays selected). */
  selectedDataset: string;
  /** Switch the settings (back) to the uploaded dataset. */
  onUse: () => void;
  disabled: boolean;
}

const SCALE = 3;

function ThumbnailCanvas({ thumbnail }: { thumbnail: Thumbnail }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const rgba = new Uint8ClampedArray(thumbnail.pixels.length * 4);
    thumbnail.pixels.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
    ctx.putImageData(new ImageData(rgba, LAB_IMAGE_SIZE, LAB_IMAGE_SIZE), 0, 0);
  }, [thumbnail]);
  const size = LAB_IMAGE_SIZE * SCALE;
  return (
    <canvas
      ref={canvas}
      width={LAB_IMAGE_SIZE}
      height={LAB_IMAGE_SIZE}
      role="img"
      aria-label={`an example of class ${thumbnail.className}`}
      style={{ width: size, height: size, imageRendering: 'pixelated' }}
    />
  );
}

/**
 * Bring your own dataset: a CSV (label, pixels…) or a folder with one subfolder of images per class.
 * Shows what was read (examples, classes, counts, thumbnails) or, inline, why it was refused.
 */
export function DatasetUploadPanel({ upload, selectedDataset, onUse, disabled }: DatasetUploadPanelProps) {
  const [sizeText, setSizeText] = useState('');
  const size = parseSizeText(sizeText);
  const current = upload.current;
  const busy = disabled || upload.reading !== null;
  const folderAttributes = { webkitdirectory: '', directory: '' } as Record<string, string>;

  return (
    <section className="panel upload-panel" aria-labelledby="upload-title" data-testid="upload-panel">
      <h2 id="upload-title">Your dataset</h2>
      <p className="controls-help" id="upload-help">
        CSV: one row per image, <code>label,p0,p1,…</code> (header optional; labels 0–{UPLOAD_LIMITS.maxClasses - 1}; pixels 0–255 or 0–1;
        square images unless a size is given). Folder: one subfolder per class of same-size .png/.jpg images. {UPLOAD_LIMITS.minClasses}–
        {UPLOAD_LIMITS.maxClasses} classes, at least {UPLOAD_LIMITS.minPerClass} examples each, at most{' '}
        {formatBytes(UPLOAD_LIMITS.maxBytes)}. Images are fitted to 16×16; the file stays in this browser tab.
      </p>
      <div className="controls-field">
        <label htmlFor="upload-csv">Upload a CSV file</label>
        <input
          id="upload-csv"
          type="file"
          accept=".csv,text/csv"
          data-testid="upload-csv"
          aria-describedby="upload-help"
          disabled={busy}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            input.value = ''; // the same file can be picked again after fixing it
            if (!file) return;
            if (!size.ok) upload.refuse(size.message);
            else void upload.uploadCsv(file, size.size);
          }}
        />
      </div>
      <div className="controls-field">
        <label htmlFor="upload-size">Image size of non-square CSV rows (optional)</label>
        <input
          id="upload-size"
          type="text"
          placeholder="e.g. 28x20"
          value={sizeText}
          onChange={(e) => setSizeText(e.target.value)}
          disabled={busy}
          aria-invalid={!size.ok || undefined}
          aria-describedby={size.ok ? undefined : 'upload-size-error'}
        />
        {!size.ok && (
          <span id="upload-size-error" role="alert" className="controls-error">
            {size.message}
          </span>
        )}
      </div>
      <div className="controls-field">
        <label htmlFor="upload-folder">Upload an image folder (one subfolder per class)</label>
        <input
          id="upload-folder"
          type="file"
          multiple
          data-testid="upload-folder"
          aria-describedby="upload-help"
          disabled={busy}
          {...folderAttributes}
          onChange={(e) => {
            const input = e.currentTarget;
            const files = Array.from(input.files ?? []);
            input.value = '';
            if (files.length > 0) void upload.uploadFolder(files);
          }}
        />
      </div>
      {upload.reading !== null && (
        <p role="status" data-testid="upload-reading">
          Reading {upload.reading}…
        </p>
      )}
      {upload.error !== null && (
        <div role="alert" className="notice notice-error" data-testid="upload-error">
          {upload.error}. Nothing changed: the lab still trains on{' '}
          {selectedDataset === 'custom' && current ? current.set.info.fileName : selectedDataset}.
        </div>
      )}
      {current && (
        <div data-testid="upload-summary" aria-live="polite">
          <p>
            <strong>{summaryLine(current.set.info)}</strong>
            {current.skipped > 0 && ` · ${current.skipped} non-image ${current.skipped === 1 ? 'file' : 'files'} skipped`}
          </p>
          <table className="upload-counts">
            <caption>Examples per class</caption>
            <thead>
              <tr>
                <th scope="col">class</th>
                <th scope="col">examples</th>
              </tr>
            </thead>
            <tbody>
              {current.set.info.classNames.map((name, c) => (
                <tr key={name}>
                  <td>{name}</td>
                  <td>{current.set.info.classCounts[c]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="upload-thumbs" aria-label="Examples, two per class">
            {thumbnails(current.set).map((t, i) => (
              <li key={i}>
                <ThumbnailCanvas thumbnail={t} />
              </li>
            ))}
          </ul>
          {selectedDataset === 'custom' ? (
            <p data-testid="upload-in-use">Selected: the settings train on this dataset (dataset “custom”).</p>
          ) : (
            <button type="button" onClick={onUse} disabled={disabled}>
              Train on {current.set.info.fileName}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
