import { describe, expect, it } from 'vitest';
import { corruptionLabel, countsText, decodeGreyscale, greyToRgba, lossPairs, selectionCounts, thumbnailInfos } from './selectionView';

const b64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('thumbnail pixels', () => {
  it('decodes base64 greyscale bytes of an imageSize² thumbnail', () => {
    expect([...decodeGreyscale(b64([0, 128, 255, 7]), 2)]).toEqual([0, 128, 255, 7]);
    expect(() => decodeGreyscale(b64([1, 2, 3]), 2)).toThrow(/expected 4 bytes/);
  });

  it('expands grey to opaque RGBA', () => {
    expect([...greyToRgba(new Uint8Array([10, 200]))]).toEqual([10, 10, 10, 255, 200, 200, 200, 255]);
  });
});

describe('selection view', () => {
  const sample = {
    superBatch: [40, 41, 42, 43],
    selected: [0, 2],
    labels: [3, 1, 4, 1],
    trueLabels: [5, 1, 4, 1],
    corruption: [1, 3, 0, 2],
  };

  it('describes each example with label, truth, corruption and selection', () => {
    const infos = thumbnailInfos(sample);
    expect(infos.map((t) => t.description)).toEqual([
      'label 3 (true 5) — noisy label, selected',
      'label 1 — unlearnable, not selected',
      'label 4 — clean, selected',
      'label 1 — duplicate, not selected',
    ]);
    expect(infos.map((t) => t.selected)).toEqual([true, false, true, false]);
    expect(corruptionLabel(9)).toBe('corruption 9');
  });

  it('names image–caption examples by their caption, and label noise as a mismatched caption', () => {
    const captionTexts = ['c0', 'bright cross top-left', 'c2', 'dark disc top-right', 'c4', 'bright ring bottom-left'];
    const infos = thumbnailInfos({ ...sample, captionTexts });
    expect(infos.map((t) => t.description)).toEqual([
      'caption “dark disc top-right” (true “bright ring bottom-left”) — mismatched caption, selected',
      'caption “bright cross top-left” — unlearnable, not selected',
      'caption “c4” — clean, selected',
      'caption “bright cross top-left” — duplicate, not selected',
    ]);
  });

  it('counts picked and corrupted examples', () => {
    const counts = selectionCounts(thumbnailInfos(sample));
    expect(counts).toEqual({ superBatch: 4, picked: 2, corruptedPicked: 1, corruptedInSuperBatch: 3 });
    expect(countsText(counts)).toBe('picked 2 of 4; corrupted among picked: 1 of 2 (50.0%); in the whole super-batch: 3 of 4 (75.0%)');
  });

  it('pairs online and reference losses only when both exist', () => {
    expect(lossPairs({ selected: [1], losses: { online: [2, 1], reference: [0.5, 0.25] } })).toEqual([
      { online: 2, reference: 0.5, selected: false },
      { online: 1, reference: 0.25, selected: true },
    ]);
    expect(lossPairs({ selected: [], losses: { learner: [1] } })).toBeNull();
    expect(lossPairs({ selected: [], losses: { online: [1], reference: [1, 2] } })).toBeNull();
  });
});
