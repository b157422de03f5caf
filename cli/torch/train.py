"""Runs an experiment exported by learnability-lab and writes result.json in the lab's schema
(import it in the lab's Saved runs, or `npm run lab` reads it alongside). docs: README.md here.

    python3 train.py                          # one process (CPU, or one GPU when torch sees one)
    python3 train.py --nproc 2                # many processes on this machine (torch.multiprocessing)
    torchrun --nproc_per_node 2 train.py      # the same under torchrun (one node or many)

With several processes each super-batch is sharded across ranks, every rank scores its share, the
scores are gathered and every rank draws the same global Gumbel-top-k; the learner trains under
DistributedDataParallel on its share of the picks (docs/pytorch-export.md, "Many GPUs").
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from learnability_torch.config import ConfigError, validate_config  # noqa: E402
from learnability_torch.data import load_splits, read_header  # noqa: E402


def parse_args(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--folder", default=here, help="the exported folder (config.json, schema.json, data/); default: beside train.py")
    p.add_argument("--out", default=None, help="where result.json goes (default: FOLDER/result.json)")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--backend", choices=["gloo", "nccl"], default=None, help="process-group backend under torchrun (default: nccl with GPUs, else gloo)")
    p.add_argument("--nproc", type=int, default=1, help="start this many local processes (gloo on CPU, nccl on GPUs); torchrun's alternative")
    p.add_argument("--trace", default=None, help="also write each run's picked train indices per step to this JSON file (tests)")
    p.add_argument("--quiet", action="store_true")
    return p.parse_args(argv)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: not found; run train.py in the exported folder (or pass --folder)") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not valid JSON ({error})") from None


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _spawned(rank: int, world: int, port: int, argv):
    os.environ.update(RANK=str(rank), LOCAL_RANK=str(rank), WORLD_SIZE=str(world), MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    code = main(argv)
    if code != 0:
        sys.exit(code)


def main(argv) -> int:
    args = parse_args(argv)
    import torch

    if args.nproc < 1 or args.nproc > 1024:
        print(f"train.py: --nproc: {args.nproc} is not allowed; expected an integer from 1 to 1024", file=sys.stderr)
        return 2
    if args.nproc > 1 and "WORLD_SIZE" not in os.environ:
        import torch.multiprocessing as mp

        try:
            mp.spawn(_spawned, args=(args.nproc, free_port(), argv), nprocs=args.nproc)
        except mp.ProcessExitedException as error:
            return error.exit_code if error.exit_code and error.exit_code > 0 else 1
        return 0

    from learnability_torch.distributed import Ranks
    from learnability_torch.experiment import Experiment

    if args.threads > 0:
        torch.set_num_threads(args.threads)
    world = int(os.environ.get("WORLD_SIZE", "1"))
    try:
        schema = load_json(os.path.join(args.folder, "schema.json"))
        config = validate_config(load_json(os.path.join(args.folder, "config.json")), schema, world)
        header = read_header(args.folder)
        splits = load_splits(args.folder, header)
    except ConfigError as error:
        print(f"train.py: {error}", file=sys.stderr)
        return 2
    ranks = Ranks(args.backend)
    log = (lambda *a: None) if args.quiet or ranks.rank != 0 else (lambda m: print(m, file=sys.stderr, flush=True))
    trace = {} if args.trace else None
    device = "cuda" if ranks.device.type == "cuda" else "cpu"
    backend = f"pytorch {torch.__version__} {device}" + (f" x{ranks.world} ranks" if ranks.distributed else "")
    started = time.perf_counter()
    result = Experiment(config, header, splits, ranks, log, trace).run(backend)
    if ranks.rank == 0:
        out = args.out or os.path.join(args.folder, "result.json")
        with open(out, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
            f.write("\n")
        if trace is not None:
            with open(args.trace, "w", encoding="utf-8") as f:
                json.dump(trace, f)
        for c in result["comparisons"]:
            saving = c["learnerSaving"]
            log(f"{c['policy']:<14} learner saving {'n.r.' if saving is None else f'{100 * saving:.1f}%'}")
        log(f"{backend} · {time.perf_counter() - started:.1f}s · wrote {out}")
    ranks.close()
    if "failure" in result:
        print(f"train.py: {result['failure']['message']} (the runs so far are in result.json)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
