"""Scores, the policy table and the Gumbel-top-k sampler (src/core/selection/): higher score = more
likely picked; losses are per-example cross-entropy without label smoothing."""
import math

import numpy as np

from .rng import Rng, shuffle_in_place

# name -> the models whose losses the score reads (the lab's POLICIES registry, in its order)
POLICY_MODELS = {
    "uniform": [],
    "hard": ["learner"],
    "easy": ["reference"],
    "learnability": ["online", "reference"],
    "rho": ["learner", "reference"],
    "shuffled": ["online", "reference"],
}


def _float32(values) -> list[float]:
    """The lab keeps losses and scores in Float32Arrays: round the same way, so near-ties break alike."""
    return np.asarray(values, dtype=np.float32).astype(np.float64).tolist()


def score(policy: str, losses: dict, rng: Rng) -> list[float]:
    losses = {model: _float32(values) for model, values in losses.items()}
    return _float32(_score(policy, losses, rng))


def _score(policy: str, losses: dict, rng: Rng) -> list[float]:
    if policy == "hard":
        return list(losses["learner"])
    if policy == "easy":
        return [-l for l in losses["reference"]]
    if policy == "learnability":
        return [o - r for o, r in zip(losses["online"], losses["reference"])]
    if policy == "rho":
        return [o - r for o, r in zip(losses["learner"], losses["reference"])]
    if policy == "shuffled":
        return shuffle_in_place([o - r for o, r in zip(losses["online"], losses["reference"])], rng)
    raise ValueError(f"policy {policy} has no score")


def gumbel_top_k(scores: list[float], k: int, temperature: float, rng: Rng) -> list[int]:
    """k of n without replacement, probabilities proportional to exp(score / tau) at each draw:
    keep the k largest score/tau + Gumbel(0, 1); tau = 0 is top-k, ties to the lower index.
    One Gumbel draw per score, in order, from the run's selection stream (as the lab)."""
    n = len(scores)
    if k < 0 or k > n:
        raise ValueError(f"gumbel_top_k: cannot pick {k} of {n}")
    keys = []
    for i, s in enumerate(scores):
        if not math.isfinite(s):
            raise FloatingPointError(f"selection: score {i} of the super-batch is not finite")
        if temperature == 0:
            keys.append(s)
        else:
            u = min(max(rng.next(), 1e-12), 1 - 1e-12)
            keys.append(s / temperature - math.log(-math.log(u)))
    order = sorted(range(n), key=lambda i: (-keys[i], i))
    return order[:k]
