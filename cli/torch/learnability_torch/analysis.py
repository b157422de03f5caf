"""a*, crossings and savings against IID (src/core/analysis/targetCrossing.ts, savings.ts)."""

SMOOTHING_WINDOW = 3


def target_accuracy(curve, k=SMOOTHING_WINDOW):
    tail = curve[-k:]
    return sum(p["testAccuracy"] for p in tail) / len(tail)


def smoothed_accuracy(curve, k=SMOOTHING_WINDOW):
    out = []
    for i in range(len(curve)):
        window = curve[max(0, i - k + 1) : i + 1]
        out.append(sum(p["testAccuracy"] for p in window) / len(window))
    return out


def crossing_point(curve, target, axis, k=SMOOTHING_WINDOW):
    smooth = smoothed_accuracy(curve, k)
    goal = target - 1e-12
    for i, s in enumerate(smooth):
        if s < goal:
            continue
        here = curve[i][axis]
        if i == 0:
            return here
        prev_s, prev_x = smooth[i - 1], curve[i - 1][axis]
        fraction = 1 if s == prev_s else (goal - prev_s) / (s - prev_s)
        return prev_x + min(1, max(0, fraction)) * (here - prev_x)
    return None


def saving(active, iid):
    if active is None or iid is None or iid <= 0:
        return None
    return 1 - active / iid


def compare_with_iid(iid, active):
    target = target_accuracy(iid["curve"])
    steps = crossing_point(active["curve"], target, "step")
    iid_steps = crossing_point(iid["curve"], target, "step")
    fl = crossing_point(active["curve"], target, "flops")
    iid_fl = crossing_point(iid["curve"], target, "flops")
    compute = saving(fl, iid_fl)
    phases = active["phaseFlops"]
    overhead = (phases["scoring"] + phases["online"] + phases["reference"]) / phases["learner"] if phases["learner"] > 0 else 0
    scorer = active["modelFlops"]["scorer"]
    return {
        "policy": active["policy"],
        "scorer": active["scorer"],
        "targetAccuracy": target,
        "stepsToTarget": steps,
        "iidStepsToTarget": iid_steps,
        "learnerSaving": saving(steps, iid_steps),
        "computeSaving": compute,
        "wallSaving": saving(crossing_point(active["curve"], target, "wallMs"), crossing_point(iid["curve"], target, "wallMs")),
        "computePositive": None if compute is None else compute > 0,
        "computeSavingWithPretraining": None if fl is None else saving(fl + active["referencePretrainFlops"], iid_fl),
        "overheadRatio": overhead,
        "scorerFlopRatio": None if scorer is None else scorer / active["modelFlops"]["learner"],
    }


def compare_runs(runs):
    """Every finished non-IID run against the first IID run."""
    comparable = [r for r in runs if "stoppedEarly" not in r or r["stoppedEarly"]["reason"] == "user"]
    iid = next((r for r in comparable if r["policy"] == "uniform"), None)
    if iid is None:
        return []
    return [compare_with_iid(iid, r) for r in comparable if r is not iid]
