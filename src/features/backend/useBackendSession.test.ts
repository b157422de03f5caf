import { describe, expect, it } from 'vitest';
import { BACKEND_ORDER } from '../../core/backend/backendNames';
import { backendAfterFailure } from './useBackendSession';

describe('backendAfterFailure', () => {
  it('steps one backend down after a lost GPU device, and stays on the last one', () => {
    const [first, second] = BACKEND_ORDER;
    expect(backendAfterFailure(first!, 'device-lost')).toBe(second);
    expect(backendAfterFailure(BACKEND_ORDER.at(-1)!, 'device-lost')).toBe(BACKEND_ORDER.at(-1));
  });

  it('restarts on the same backend after a plain worker crash (whatever its message says)', () => {
    expect(backendAfterFailure(BACKEND_ORDER[0]!, 'worker-crash')).toBe(BACKEND_ORDER[0]);
  });
});
