import { describe, expect, it } from 'vitest';
import { POLICY_NAMES } from '../../core/config/experimentConfig';
import { POLICY_STYLES, runLabel, runLineStyles } from './policyStyles';

describe('policy colours', () => {
  it('gives every policy its own colour, with IID grey and dashed', () => {
    const colours = POLICY_NAMES.map((p) => POLICY_STYLES[p].color);
    expect(new Set(colours).size).toBe(POLICY_NAMES.length);
    expect(POLICY_STYLES.uniform.dash).toBeDefined();
  });

  it('tells apart several runs of one policy by dash, keeping the colour', () => {
    const styles = runLineStyles([
      { id: 'uniform', policy: 'uniform' },
      { id: 'learnability@A', policy: 'learnability' },
      { id: 'learnability@B', policy: 'learnability' },
    ]);
    expect(styles.get('learnability@A')).toEqual(POLICY_STYLES.learnability);
    expect(styles.get('learnability@B')?.color).toBe(POLICY_STYLES.learnability.color);
    expect(styles.get('learnability@B')?.dash).toBeDefined();
  });

  it('labels runs like their ids', () => {
    expect(runLabel('uniform', null)).toBe('uniform');
    expect(runLabel('learnability', 'ViT-Mi/8')).toBe('learnability@ViT-Mi/8');
  });
});
