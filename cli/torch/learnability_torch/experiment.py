"""One experiment: the IID baseline first, then each policy, with the same seed, data order and
learner update size (src/core/experiment/runExperiment.ts, runPolicy.ts, runStages.ts)."""
import math
import time

import numpy as np
import torch
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

from .analysis import compare_runs
from .distributed import Ranks
from .rng import EpochSampler, Rng, derive_seed
from .selection import POLICY_MODELS, gumbel_top_k, score
from .vit import VisionTransformer, forward_flops

PHASES = ("learner", "scoring", "online", "reference")


def learning_rate_at(step: int, total: int, base: float, warmup_fraction: float) -> float:
    """Linear warmup over warmupFraction * total, then cosine decay to 0 (src/core/train/schedule.ts)."""
    warmup = max(1, round(warmup_fraction * total))
    if step < warmup:
        return base * (step + 1) / warmup
    progress = min(1, (step - warmup) / max(1, total - warmup))
    return 0.5 * base * (1 + math.cos(math.pi * progress))


class Diverged(RuntimeError):
    pass


class Trainee:
    """A model with its AdamW (beta 0.9/0.999, eps 1e-8; decoupled decay on matrices only, as the lab)."""

    def __init__(self, variant: str, shape: dict, seed: int, weight_decay: float, ranks: Ranks):
        self.model = VisionTransformer(variant, shape["imageSize"], shape["channels"], shape["numClasses"], seed).to(ranks.device)
        params = list(self.model.parameters())
        groups = [
            {"params": [p for p in params if p.dim() >= 2], "weight_decay": weight_decay},
            {"params": [p for p in params if p.dim() < 2], "weight_decay": 0.0},
        ]
        self.optimizer = torch.optim.AdamW(groups, lr=0.0, betas=(0.9, 0.999), eps=1e-8)
        self.ranks = ranks
        self.trained = DistributedDataParallel(self.model) if ranks.distributed else self.model

    def train_on(self, images, labels, lr: float, smoothing: float) -> float:
        """One update on this rank's share of the batch; DDP averages the gradients, so the update is
        the full batch's mean-loss gradient. Returns the full batch's mean loss."""
        for group in self.optimizer.param_groups:
            group["lr"] = lr
        images, labels = self.ranks.shard(images), self.ranks.shard(labels)
        loss = F.cross_entropy(self.trained(images), labels, label_smoothing=smoothing)
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        self.optimizer.step()
        return self.ranks.mean(float(loss.item()))

    @torch.no_grad()
    def losses(self, images, labels) -> list[float]:
        """Per-example cross-entropy without smoothing; each rank scores its share, gathered in order."""
        local = F.cross_entropy(self.model(self.ranks.shard(images)), self.ranks.shard(labels), reduction="none")
        return self.ranks.gather(local).double().cpu().tolist()

    @torch.no_grad()
    def evaluate(self, split, num_classes: int, batch_size: int = 500):
        """Accuracy on a split and hits per class; ranks split the batches and sum."""
        hits = torch.zeros(num_classes, dtype=torch.float64)
        counts = torch.zeros(num_classes, dtype=torch.float64)
        starts = list(range(0, split.count, batch_size))
        for start in starts[self.ranks.rank :: self.ranks.world]:
            idx = list(range(start, min(split.count, start + batch_size)))
            images, labels = split.batch(idx)
            hit = (self.model(images.to(self.ranks.device)).argmax(1).cpu() == labels).double()
            hits.index_add_(0, labels, hit)
            counts.index_add_(0, labels, torch.ones_like(hit))
        hits, counts = self.ranks.sum(hits.to(self.ranks.device)).cpu(), self.ranks.sum(counts.to(self.ranks.device)).cpu()
        return float(hits.sum() / max(1, split.count)), hits.tolist(), counts.tolist()


class Recorder:
    """Per-step figures between evaluations, turned into curve points (src/core/experiment/curveRecorder.ts)."""

    def __init__(self, num_classes: int):
        self.points, self.k = [], num_classes
        self._reset()

    def _reset(self):
        self.loss_sum, self.loss_count, self.noisy, self.seen = 0.0, 0, 0, 0
        self.picks, self.true_picks = np.zeros(self.k), np.zeros(self.k)

    def add_step(self, loss, picked, split):
        self.loss_sum += loss
        self.loss_count += 1
        self.noisy += int(np.count_nonzero(split.corruption[picked]))
        self.seen += len(picked)
        np.add.at(self.picks, split.labels_np[picked], 1)
        np.add.at(self.true_picks, split.true_labels[picked], 1)

    def point(self, step, accuracy, flops, wall_ms, hits, counts):
        p = {
            "step": step,
            "testAccuracy": accuracy,
            "trainLoss": self.loss_sum / self.loss_count if self.loss_count else None,
            "flops": flops,
            "wallMs": wall_ms,
            "noisySelectedFraction": self.noisy / self.seen if self.seen else None,
        }
        if self.picks.sum() > 0:
            p["classPickShare"] = (self.picks / self.picks.sum()).tolist()
            p["trueClassPickShare"] = (self.true_picks / self.true_picks.sum()).tolist()
        per_class = [None if n == 0 else h / n for h, n in zip(hits, counts)]
        p["classAccuracy"] = per_class
        present = [a for a in per_class if a is not None]
        if present:
            p["worstClassAccuracy"] = min(present)
        self.points.append(p)
        self._reset()


def step_phase_flops(models, reference_mode, FL, FS, b, B, reference_batch):
    """One step's training FLOPs by phase (src/core/accounting/stepLedger.ts)."""
    forward = {"learner": FL, "online": FS, "reference": FS}
    return {
        "learner": 3 * FL * b,
        "scoring": sum(forward[m] for m in models) * B,
        "online": 3 * FS * b if "online" in models else 0,
        "reference": 3 * FS * reference_batch if "reference" in models and reference_mode == "online" else 0,
    }


class Experiment:
    def __init__(self, config: dict, header: dict, splits: dict, ranks: Ranks, log=print, trace=None):
        self.c, self.header, self.splits, self.ranks, self.log = config, header, splits, ranks, log
        self.shape = {k: header[k] for k in ("imageSize", "channels", "numClasses")}
        self.b = config["batchSize"]
        self.B = round(config["batchSize"] * config["filterRatio"])
        self.trace = trace  # optional dict run id -> per-step picks (tests)

    def flops_of(self, variant):
        return forward_flops(variant, **{"image_size": self.shape["imageSize"], "channels": self.shape["channels"], "num_classes": self.shape["numClasses"]})

    def trainee(self, variant, purpose):
        return Trainee(variant, self.shape, derive_seed(self.c["seed"], purpose), self.c["weightDecay"], self.ranks)

    def batch(self, split, indices):
        images, labels = self.splits[split].batch(indices)
        return images.to(self.ranks.device), labels.to(self.ranks.device)

    def pretrain_reference(self):
        """referencePretrainSteps batches of B held-out examples at 2x the learning rate, then frozen."""
        c = self.c
        t = self.trainee(c["scorer"], "reference")
        held_out = self.splits["heldOut"]
        batch = min(self.B, held_out.count)
        sampler = EpochSampler(held_out.count, derive_seed(c["seed"], "reference-order"))
        steps = c["referencePretrainSteps"]
        started = time.perf_counter()
        for step in range(steps):
            images, labels = self.batch("heldOut", sampler.next(batch))
            loss = t.train_on(images, labels, learning_rate_at(step, steps, 2 * c["learningRate"], c["warmupFraction"]), c["labelSmoothing"])
            if not math.isfinite(loss):
                raise Diverged(f"reference model loss became {loss} at pretraining step {step + 1}; lower learningRate (now {c['learningRate']}; the reference uses 2x)")
        accuracy = t.evaluate(self.splits["test"], self.shape["numClasses"])[0]
        self.log(f"reference {c['scorer']}: {100 * accuracy:.1f}% clean test accuracy ({time.perf_counter() - started:.1f}s)")
        return {"trainee": t, "flops": 3 * self.flops_of(c["scorer"]) * steps * batch, "testAccuracy": accuracy}

    def run_policy(self, policy: str, run_id: str, reference):
        c, b, B = self.c, self.b, self.B
        models = POLICY_MODELS[policy]
        uses_scorer = any(m != "learner" for m in models)
        learner = self.trainee(c["learner"], "learner")
        online = self.trainee(c["scorer"], "online") if "online" in models else None
        online_reference = self.trainee(c["scorer"], "reference") if "reference" in models and c["referenceMode"] == "online" else None
        scorers = {"learner": learner, "online": online, "reference": reference["trainee"] if reference else online_reference}
        sampler = EpochSampler(self.splits["train"].count, derive_seed(c["seed"], "order"))
        reference_sampler = EpochSampler(self.splits["train"].count, derive_seed(c["seed"], "online-reference-order")) if online_reference else None
        rng = Rng(derive_seed(c["seed"], "select"))
        FL = self.flops_of(c["learner"])
        FS = self.flops_of(c["scorer"]) if uses_scorer else 0.0
        per_step = step_phase_flops(models, c["referenceMode"], FL, FS, b, B, b * c["referenceBatchFactor"])
        phase_flops = {p: 0.0 for p in PHASES}
        wall = {p: 0.0 for p in PHASES}
        recorder = Recorder(self.shape["numClasses"])
        train = self.splits["train"]
        stopped = None
        online_accuracy = reference_accuracy = None

        def timed(phase, work):
            started = time.perf_counter()
            try:
                return work()
            finally:
                wall[phase] += 1000 * (time.perf_counter() - started)

        def evaluate(step):
            accuracy, hits, counts = learner.evaluate(self.splits["test"], self.shape["numClasses"])
            recorder.point(step, accuracy, sum(phase_flops.values()), sum(wall.values()), hits, counts)
            return accuracy

        evaluate(0)
        step = 0
        try:
            while step < c["steps"]:
                lr = learning_rate_at(step, c["steps"], c["learningRate"], c["warmupFraction"])
                super_batch = sampler.next(B)
                if not models:
                    picked = super_batch[:b]
                else:
                    images, labels = self.batch("train", super_batch)
                    losses = timed("scoring", lambda: {m: scorers[m].losses(images, labels) for m in models})
                    positions = gumbel_top_k(score(policy, losses, rng), b, c["temperature"], rng)
                    picked = [super_batch[p] for p in positions]
                if self.trace is not None:
                    self.trace.setdefault(run_id, []).append(picked)
                if online_reference:
                    images, labels = self.batch("train", reference_sampler.next(b * c["referenceBatchFactor"]))
                    loss = timed("reference", lambda: online_reference.train_on(images, labels, 2 * lr, c["labelSmoothing"]))
                    if not math.isfinite(loss):
                        raise Diverged(f"online reference loss became {loss} at step {step + 1} ({policy} run)")
                images, labels = self.batch("train", picked)
                loss = timed("learner", lambda: learner.train_on(images, labels, lr, c["labelSmoothing"]))
                if online:
                    online_loss = timed("online", lambda: online.train_on(images, labels, lr, c["labelSmoothing"]))
                    if not math.isfinite(online_loss):
                        raise Diverged(f"online model loss became {online_loss} at step {step + 1} ({policy} run)")
                if not math.isfinite(loss):
                    raise Diverged(f"learner loss became {loss} at step {step + 1} ({policy} run); lower learningRate (now {c['learningRate']})")
                step += 1
                for p in PHASES:
                    phase_flops[p] += per_step[p]
                recorder.add_step(loss, np.asarray(picked), train)
                if step % c["evalEvery"] == 0 or step == c["steps"]:
                    accuracy = evaluate(step)
                    self.log(f"{run_id:<22} step {step:5d}  test acc {100 * accuracy:.1f}%  {sum(wall.values()) / 1000:.1f}s")
        except (Diverged, FloatingPointError) as error:
            stopped = {"reason": "diverged", "detail": f"diverged at step {step + 1}", "message": str(error)}
        if online:
            online_accuracy = online.evaluate(self.splits["test"], self.shape["numClasses"])[0]
        if online_reference:
            reference_accuracy = online_reference.evaluate(self.splits["test"], self.shape["numClasses"])[0]
        run = {
            "id": run_id,
            "policy": policy,
            "scorer": c["scorer"] if uses_scorer else None,
            "final": {"testAccuracy": recorder.points[-1]["testAccuracy"], "steps": step, "flops": sum(phase_flops.values()), "wallMs": sum(wall.values())},
            "curve": recorder.points,
            "phaseFlops": phase_flops,
            "referencePretrainFlops": reference["flops"] if reference else 0,
            "modelFlops": {"learner": FL, "scorer": FS if uses_scorer else None},
            "phaseWallMs": wall,
            "referenceTestAccuracy": reference["testAccuracy"] if reference else reference_accuracy,
            "onlineTestAccuracy": online_accuracy,
        }
        if stopped:
            run["stoppedEarly"] = {"reason": stopped["reason"], "detail": stopped["detail"]}
        return run, (stopped["message"] if stopped else None)

    def run(self, backend: str) -> dict:
        c = self.c
        policies = ["uniform"] + [p for p in c["policies"] if p != "uniform"]
        runs, failure, reference = [], None, None
        for policy in policies:
            models = POLICY_MODELS[policy]
            run_id = f"{policy}@{c['scorer']}" if any(m != "learner" for m in models) else policy
            if "reference" in models and c["referenceMode"] == "held-out" and reference is None:
                try:
                    reference = self.pretrain_reference()
                except Diverged as error:
                    failure = {"runId": run_id, "message": str(error)}
                    break
            run, message = self.run_policy(policy, run_id, reference if "reference" in models and c["referenceMode"] == "held-out" else None)
            runs.append(run)
            if message:
                failure = {"runId": run_id, "message": message}
                break
        result = {"config": c, "backend": backend, "runs": runs, "comparisons": compare_runs(runs)}
        if failure:
            result["failure"] = failure
        if "uploadedDataset" in self.header:
            result["uploadedDataset"] = self.header["uploadedDataset"]
        result["classNames"] = list(self.header["classNames"])
        result["hardClasses"] = list(self.header.get("hardClasses", []))
        return result
