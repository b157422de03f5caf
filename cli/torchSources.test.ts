import { describe, expect, it } from 'vitest';
import { TORCH_SOURCES } from '../src/core/export/torchSources.generated';
import { readTorchSources } from '../scripts/torchSources';

describe('torchSources.generated.ts', () => {
  it('carries exactly the Python files under cli/torch (run `npm run torch:sources` after editing them)', () => {
    const onDisk = readTorchSources();
    expect(Object.keys(onDisk)).toContain('train.py');
    expect(Object.keys(TORCH_SOURCES)).toEqual(Object.keys(onDisk));
    for (const [path, text] of Object.entries(onDisk)) expect(TORCH_SOURCES[path], `${path} differs: run npm run torch:sources`).toBe(text);
  });
});
