/**
 * The two savings' colours, the same in every chart that shows both (the Pareto frontier, the budget
 * sweep): learner saving (fewer updates) and compute saving (every FLOP). Neither is a policy's colour,
 * so a saving is never read as a policy; both keep ≥ 4.5:1 contrast on white.
 */
export const SAVING_COLORS = {
  learner: '#1f3a93',
  compute: '#a04a00',
} as const;
