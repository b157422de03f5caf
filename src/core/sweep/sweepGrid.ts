import type { ExperimentConfig, PolicyName } from '../config/experimentConfig';
import { validateConfig } from '../config/validateConfig';
import type { Parsed, SweepAxis, SweepKey, SweepValue } from './sweepSpec';

/** One cell of a sweep: the values of its axes and the full config it runs. */
export interface SweepCell {
  /** e.g. `rho=2 tau=0.1`. */
  id: string;
  values: Partial<Record<SweepKey, SweepValue>>;
  config: ExperimentConfig;
  /** The IID run this cell is compared with (shared with every cell of the same baseline). */
  baselineId: string;
}

/** One IID run and the cells compared with it. */
export interface SharedBaseline {
  id: string;
  cellIds: string[];
  /** Sweep keys whose values differ among these cells (the IID run does not depend on them). */
  sharedAcross: SweepKey[];
}

export interface SweepPlan {
  base: ExperimentConfig;
  axes: SweepAxis[];
  /** The active policy every cell compares with IID. */
  policy: PolicyName;
  cells: SweepCell[];
  sharedBaselines: SharedBaseline[];
}

/**
 * Sweep keys the IID run does not depend on: it scores nothing, so τ (the sampler's temperature) and
 * the scorer never touch it. ρ does: the super-batch B = ρ·b is drawn from the epoch order and IID
 * trains on its first b, so another ρ is another data stream. steps changes its budget and schedule.
 */
export const IID_INDEPENDENT_KEYS: readonly SweepKey[] = ['tau', 'scorer'];

/** What the IID run of a config depends on: everything but τ, the scorer and the policy list. */
function baselineKey(config: ExperimentConfig): string {
  const rest: Partial<ExperimentConfig> = { ...config };
  delete rest.temperature;
  delete rest.scorer;
  delete rest.policies;
  return JSON.stringify(rest);
}

/** Every combination of the axes (first axis slowest), each validated as a whole config. */
export function planSweep(base: ExperimentConfig, axes: readonly SweepAxis[]): Parsed<SweepPlan> {
  const policy = base.policies.find((p) => p !== 'uniform');
  if (!policy)
    return {
      ok: false,
      message: 'sweep: policies lists only uniform; a sweep compares an active policy with IID, e.g. --policies uniform,learnability',
    };
  let combos: Partial<Record<SweepKey, SweepValue>>[] = [{}];
  for (const axis of axes) combos = combos.flatMap((c) => axis.values.map((v) => ({ ...c, [axis.key]: v })));
  const cells: SweepCell[] = [];
  const groups = new Map<string, SweepCell[]>();
  for (const values of combos) {
    const id = axes.map((a) => `${a.key}=${String(values[a.key])}`).join(' ');
    const overrides = Object.fromEntries(axes.map((a) => [a.field, values[a.key]]));
    const validated = validateConfig({ ...base, ...overrides, policies: ['uniform', policy] });
    if (!validated.ok) return { ok: false, message: `sweep: cell ${id}: ${validated.errors.map((e) => e.message).join('; ')}` };
    const key = baselineKey(validated.config);
    const group = groups.get(key) ?? [];
    const baselineIds = [...groups.keys()];
    const baselineId = `iid-${(group.length > 0 ? baselineIds.indexOf(key) : baselineIds.length) + 1}`;
    const cell: SweepCell = { id, values, config: validated.config, baselineId };
    group.push(cell);
    groups.set(key, group);
    cells.push(cell);
  }
  const sharedBaselines = [...groups.values()].map((group) => ({
    id: (group[0] as SweepCell).baselineId,
    cellIds: group.map((c) => c.id),
    sharedAcross: axes.filter((a) => new Set(group.map((c) => c.values[a.key])).size > 1).map((a) => a.key),
  }));
  return { ok: true, value: { base, axes: [...axes], policy, cells, sharedBaselines } };
}

/** One sentence for grid.json and the CLI: what is shared, and why not more. */
export function sharingNote(plan: SweepPlan): string {
  const n = plan.sharedBaselines.length;
  const across = [...new Set(plan.sharedBaselines.flatMap((b) => b.sharedAcross))];
  const shared =
    across.length > 0
      ? `cells differing only in ${across.join(', ')} share one IID run (IID scores nothing, so τ and the scorer never reach it)`
      : 'no two cells share an IID run';
  return (
    `${n} IID run${n === 1 ? '' : 's'} for ${plan.cells.length} cells: ${shared}; ` +
    'each ρ draws super-batches of B = ρ·b and IID trains on the first b of each, so each ρ (and each step budget) has its own IID run; ' +
    'the held-out reference is pretrained once per scorer and reused by every cell (it depends on neither ρ, τ nor steps)'
  );
}
