import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, CONFIG_SCHEMA } from '../../core/config/configSchema';
import { FIELD_LABELS, FORM_GROUPS, errorsByField, fieldIds, helpText, togglePolicy } from './formFields';

describe('config form fields', () => {
  it('groups every config key exactly once', () => {
    const keys = FORM_GROUPS.flatMap((g) => g.keys);
    expect([...keys].sort()).toEqual([...CONFIG_KEYS].sort());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('labels carry the symbols ρ, τ and b', () => {
    expect(FIELD_LABELS.filterRatio).toContain('ρ');
    expect(FIELD_LABELS.temperature).toContain('τ');
    expect(FIELD_LABELS.batchSize).toMatch(/\bb$/);
  });

  it('ids and help text', () => {
    expect(fieldIds('steps')).toEqual({ input: 'cfg-steps', help: 'cfg-steps-help', error: 'cfg-steps-error' });
    expect(helpText(CONFIG_SCHEMA.batchSize)).toBe('b: examples per learner update (an integer from 2 to 1024)');
    expect(helpText(CONFIG_SCHEMA.dataset)).toBe('dataset to train on');
  });

  it('sorts errors by field; unknown fields go to the summary', () => {
    const map = errorsByField([
      { field: 'steps', message: 'a' },
      { field: 'foo', message: 'b' },
      { field: 'steps', message: 'c' },
      { field: 'toString', message: 'd' },
    ]);
    expect(map.get('steps')).toEqual(['a', 'c']);
    expect(map.get('')).toEqual(['b', 'd']);
  });

  it('toggles policies keeping the click order', () => {
    expect(togglePolicy(['uniform', 'hard'], 'rho', true)).toEqual(['uniform', 'hard', 'rho']);
    expect(togglePolicy(['uniform', 'hard'], 'uniform', false)).toEqual(['hard']);
    expect(togglePolicy(['uniform'], 'uniform', true)).toEqual(['uniform']);
  });
});
