/**
 * The four phases a training step's cost and wall time are split into (docs/architecture.md,
 * "FLOP ledger"): the learner's update, scoring the super-batch, the online student's update and
 * the online reference's update. Every per-phase record in the lab is a `PhaseRecord`.
 */
export const PHASES = ['learner', 'scoring', 'online', 'reference'] as const;
export type Phase = (typeof PHASES)[number];
export type PhaseRecord<T> = Record<Phase, T>;

/** A record with one value per phase, computed from the phase name. */
export function phaseRecord<T>(valueOf: (phase: Phase) => T): PhaseRecord<T> {
  return Object.fromEntries(PHASES.map((phase) => [phase, valueOf(phase)])) as PhaseRecord<T>;
}

/** The sum over phases, added in PHASES order (learner + scoring + online + reference). */
export function sumPhases(record: PhaseRecord<number>): number {
  return PHASES.reduce((sum, phase) => sum + record[phase], 0);
}
