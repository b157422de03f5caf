import { upgradeSavedResult } from '../../core/experiment/earlyStop';
import type { ExperimentResult } from '../../core/experiment/resultTypes';
import { checkResult, type CheckedResult } from './resultSchema';

/** result.json: 2-space JSON plus a newline; the same result always gives the same bytes. */
export function resultToJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export type ParsedResult = CheckedResult;

/** The largest result.json the lab imports (each evaluation point takes about 150 bytes of it). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const tooLargeMessage = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(1)} MB is too large to import; a result.json may be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB`;

/**
 * Reads a result.json back and checks it against the full result schema (resultSchema.ts): every
 * field the UI reads. Each message names the path of the first problem, e.g.
 * `runs[1].curve[3].testAccuracy: expected a number from 0 to 1, got "x"`.
 */
export function parseResultJson(text: string): ParsedResult {
  // Characters, not bytes: a cheap bound before parsing (the file size is checked before reading).
  if (text.length > MAX_IMPORT_BYTES) return { ok: false, message: tooLargeMessage(text.length) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const checked = checkResult(data);
  return checked.ok ? { ok: true, result: upgradeSavedResult(checked.result) } : checked;
}

/** Saves `blob` as a download named `filename`. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadText(filename: string, text: string, mime = 'application/json'): void {
  downloadBlob(filename, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Draws an SVG (e.g. a chart) on a white canvas at `scale`× and downloads it as a PNG. */
export async function exportSvgAsPng(svg: SVGSVGElement, filename: string, scale = 2): Promise<void> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number.parseFloat(svg.getAttribute('width') ?? '') || 600));
  const height = Math.max(1, Math.round(box.height || Number.parseFloat(svg.getAttribute('height') ?? '') || 400));
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Styles from stylesheets do not travel with the markup: carry the font at least.
  const style = getComputedStyle(svg);
  clone.style.fontFamily = style.fontFamily;
  clone.style.fontSize = style.fontSize;
  const markup = new XMLSerializer().serializeToString(clone);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be encoded'))), 'image/png');
    });
    downloadBlob(filename, png);
  } finally {
    URL.revokeObjectURL(url);
  }
}
