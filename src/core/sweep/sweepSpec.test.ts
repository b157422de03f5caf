import { describe, expect, it } from 'vitest';
import { MAX_GRID_CELLS, parseSweepSpec, parseSweepSpecs } from './sweepSpec';

const message = (raws: string[]) => {
  const parsed = parseSweepSpecs(raws);
  return parsed.ok ? null : parsed.message;
};

describe('sweep specs', () => {
  it('parses each key into its config field with typed values', () => {
    expect(parseSweepSpec('rho=1.5,2,4')).toEqual({ ok: true, value: { key: 'rho', field: 'filterRatio', values: [1.5, 2, 4] } });
    expect(parseSweepSpec(' tau = 0, 0.1 ,1')).toEqual({ ok: true, value: { key: 'tau', field: 'temperature', values: [0, 0.1, 1] } });
    expect(parseSweepSpec('steps=200,400')).toEqual({ ok: true, value: { key: 'steps', field: 'steps', values: [200, 400] } });
    expect(parseSweepSpec('scorer=ViT-Mi/4,ViT-Mu/8')).toEqual({
      ok: true,
      value: { key: 'scorer', field: 'scorer', values: ['ViT-Mi/4', 'ViT-Mu/8'] },
    });
  });

  it('orders axes rho, tau, steps, scorer whatever the order given', () => {
    const parsed = parseSweepSpecs(['tau=0,1', 'steps=10', 'rho=2']);
    expect(parsed.ok && parsed.value.map((a) => a.key)).toEqual(['rho', 'tau', 'steps']);
  });

  it.each([
    [
      ['lr=1,2'],
      'sweep: "lr=1,2" is not a sweep; expected KEY=V1,V2,… with KEY one of rho (filterRatio), tau (temperature), steps, scorer, e.g. rho=1.5,2,4',
    ],
    [['rho'], 'sweep: "rho" is not a sweep; expected KEY=V1,V2,…'],
    [['constructor=1'], 'sweep: "constructor=1" is not a sweep'],
    [['rho=20'], 'sweep: rho (filterRatio): "20" is not allowed; expected a number from 1 to 16'],
    [['tau=-1'], 'sweep: tau (temperature): "-1" is not allowed; expected a number from 0 to 100'],
    [['steps=0.5'], 'sweep: steps: "0.5" is not allowed; expected an integer from 1 to 100000'],
    [['steps=0x10'], 'sweep: steps: "0x10" is not allowed; expected an integer from 1 to 100000 written as a decimal number'],
    [['scorer=ViT-X/8'], 'sweep: scorer: "ViT-X/8": unknown size "X"'],
    [['rho=1.5,,2'], 'sweep: rho needs a comma-separated list of values with none empty, e.g. rho=1.5,2,4'],
    [['rho='], 'sweep: rho needs a comma-separated list of values'],
    [['tau=0.1,0.10'], 'sweep: tau lists 0.1 twice; give each value once'],
    [['rho=2', 'rho=4'], 'sweep: rho is given twice; give each key once with all its values, e.g. --sweep rho=1.5,2,4'],
  ])('refuses %j with a message naming the key and what is allowed', (raws, expected) => {
    expect(message(raws)).toContain(expected);
  });

  it(`refuses a grid over ${MAX_GRID_CELLS} cells, naming the limit, and accepts one at it`, () => {
    const values = (n: number, from: number) => Array.from({ length: n }, (_, i) => from + i).join(',');
    const side = Math.sqrt(MAX_GRID_CELLS);
    expect(message([`tau=${values(side, 0)}`, `steps=${values(side, 1)}`])).toBeNull();
    const over = message([`tau=${values(side, 0)}`, `steps=${values(side + 1, 1)}`]);
    expect(over).toBe(
      `sweep: the grid has ${side} tau × ${side + 1} steps = ${side * (side + 1)} cells; at most ${MAX_GRID_CELLS} are allowed, give fewer values`,
    );
  });
});
