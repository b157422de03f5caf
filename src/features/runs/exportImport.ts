import { POLICY_NAMES } from '../../core/config/experimentConfig';
import { readEarlyStop, STOP_REASONS, upgradeSavedResult } from '../../core/experiment/earlyStop';
import { validateConfig } from '../../core/config/validateConfig';
import type { ExperimentResult } from '../../core/experiment/resultTypes';

/** result.json: 2-space JSON plus a newline; the same result always gives the same bytes. */
export function resultToJson(result: ExperimentResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}

export type ParsedResult = { ok: true; result: ExperimentResult } | { ok: false; message: string };

/** Thrown inside the checker; carries "path: expected …, got …". */
class ShapeError extends Error {}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new ShapeError(`${path}: expected ${expected}, got ${shown(value)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): Record<string, unknown> {
  if (!isObject(value)) fail(path, 'an object', value);
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array', value);
  return value;
}

function string(value: unknown, path: string): void {
  if (typeof value !== 'string') fail(path, 'a string', value);
}

function number(value: unknown, path: string, min = 0, max = Number.POSITIVE_INFINITY, integer = false): void {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  if (ok) return;
  const kind = integer ? 'an integer' : 'a number';
  fail(path, max === Number.POSITIVE_INFINITY ? `${kind} ≥ ${min}` : `${kind} from ${min} to ${max}`, value);
}

function numberOrNull(value: unknown, path: string): void {
  if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) fail(path, 'a number or null', value);
}

function stringOrNull(value: unknown, path: string): void {
  if (value !== null && typeof value !== 'string') fail(path, 'a string or null', value);
}

function policy(value: unknown, path: string): void {
  if (typeof value !== 'string' || !(POLICY_NAMES as readonly string[]).includes(value)) fail(path, `one of ${POLICY_NAMES.join(', ')}`, value);
}

function checkRun(value: unknown, path: string): void {
  const run = object(value, path);
  string(run.id, `${path}.id`);
  policy(run.policy, `${path}.policy`);
  if ('scorer' in run) stringOrNull(run.scorer, `${path}.scorer`);
  const final = object(run.final, `${path}.final`);
  number(final.testAccuracy, `${path}.final.testAccuracy`, 0, 1);
  number(final.steps, `${path}.final.steps`, 0, Number.POSITIVE_INFINITY, true);
  number(final.flops, `${path}.final.flops`);
  number(final.wallMs, `${path}.final.wallMs`);
  array(run.curve, `${path}.curve`).forEach((p, i) => {
    const at = `${path}.curve[${i}]`;
    const point = object(p, at);
    number(point.step, `${at}.step`, 0, Number.POSITIVE_INFINITY, true);
    number(point.testAccuracy, `${at}.testAccuracy`, 0, 1);
    number(point.flops, `${at}.flops`);
    number(point.wallMs, `${at}.wallMs`);
    if ('trainLoss' in point) numberOrNull(point.trainLoss, `${at}.trainLoss`);
    if ('noisySelectedFraction' in point) numberOrNull(point.noisySelectedFraction, `${at}.noisySelectedFraction`);
  });
  if ('stoppedEarly' in run && readEarlyStop(run.stoppedEarly) === null) {
    fail(`${path}.stoppedEarly`, `{ reason: ${STOP_REASONS.join(' | ')}, detail: text } or a saved sentence ("stopped by the user", "diverged at step N", "unfinished: …")`, run.stoppedEarly);
  }
}

function checkComparison(value: unknown, path: string): void {
  const c = object(value, path);
  policy(c.policy, `${path}.policy`);
  if ('scorer' in c) stringOrNull(c.scorer, `${path}.scorer`);
  for (const key of ['learnerSaving', 'computeSaving'] as const) numberOrNull(c[key], `${path}.${key}`);
}

/** The upload a custom-dataset result names: its name, size and content hash. */
function checkUploadedDataset(value: unknown): void {
  const upload = object(value, 'uploadedDataset');
  string(upload.fileName, 'uploadedDataset.fileName');
  number(upload.examples, 'uploadedDataset.examples', 1, Number.POSITIVE_INFINITY, true);
  if (typeof upload.contentHash !== 'string' || !/^[0-9a-f]{16}$/.test(upload.contentHash)) fail('uploadedDataset.contentHash', '16 hex digits', upload.contentHash);
  array(upload.classNames, 'uploadedDataset.classNames');
}

/**
 * Reads a result.json back. Checks what the UI relies on: config (through validateConfig), backend,
 * every run's id/policy/final/curve and every comparison's policy and savings. Each message names
 * the path of the first problem, e.g. `runs[1].curve[3].testAccuracy: expected a number from 0 to 1, got "x"`.
 */
export function parseResultJson(text: string): ParsedResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    if (!isObject(data)) fail('(result)', 'an object with config, backend, runs and comparisons', data);
    for (const key of ['config', 'backend', 'runs', 'comparisons']) {
      if (!(key in data)) throw new ShapeError(`${key}: missing; a result has config, backend, runs and comparisons`);
    }
    const config = validateConfig(data.config);
    if (!config.ok) {
      const messages = config.errors.map((e) => (e.field === '(config)' ? e.message : `config.${e.message}`));
      throw new ShapeError(messages.join('; '));
    }
    string(data.backend, 'backend');
    array(data.runs, 'runs').forEach((run, i) => checkRun(run, `runs[${i}]`));
    array(data.comparisons, 'comparisons').forEach((c, i) => checkComparison(c, `comparisons[${i}]`));
    if ('uploadedDataset' in data) checkUploadedDataset(data.uploadedDataset);
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, result: upgradeSavedResult(data as unknown as ExperimentResult) };
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
