import { describe, expect, it } from 'vitest';
import { configFromSearch } from './urlConfig';

describe('configFromSearch with an inherited name as preset', () => {
  it('a URL naming an inherited preset gets an error and the default preset', () => {
    const { errors, preset } = configFromSearch('?preset=toString');
    expect(errors).toEqual([
      { field: 'preset', message: expect.stringContaining('preset: "toString" is not a preset; allowed values: noisy-labels') },
    ]);
    expect(preset).toBeNull();
  });
});
