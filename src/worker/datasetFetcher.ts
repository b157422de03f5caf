import type { DatasetFileReader } from '../core/data/datasetRegistry';

/** Reads bundled dataset binaries over HTTP from the app's own origin (public/datasets). */
export const fetchDatasetFile: DatasetFileReader = async (dataset, file) => {
  const url = `${import.meta.env.BASE_URL}datasets/${dataset}/${file}`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`dataset file ${url} could not be loaded (HTTP ${response.status}); was \`npm run datasets\` run?`);
  return new Uint8Array(await response.arrayBuffer());
};
