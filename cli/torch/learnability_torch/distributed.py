"""Many processes (torchrun): which rank this is, its share of a batch, and the gathers
(docs/pytorch-export.md, "Many GPUs"). One process: every helper is the identity."""
import os

import torch
import torch.distributed as dist


class Ranks:
    def __init__(self, backend: str | None = None):
        self.world = int(os.environ.get("WORLD_SIZE", "1"))
        self.rank = int(os.environ.get("RANK", "0"))
        self.device = torch.device("cpu")
        if self.world > 1:
            use_cuda = torch.cuda.is_available() and backend != "gloo"
            if use_cuda:
                local = int(os.environ.get("LOCAL_RANK", "0"))
                torch.cuda.set_device(local)
                self.device = torch.device("cuda", local)
            dist.init_process_group(backend or ("nccl" if use_cuda else "gloo"))
        elif torch.cuda.is_available() and backend != "gloo":
            self.device = torch.device("cuda")

    @property
    def distributed(self) -> bool:
        return self.world > 1

    def shard(self, items):
        """This rank's contiguous share (sizes are multiples of the world size: config.py checks)."""
        n = len(items) // self.world
        return items[self.rank * n : (self.rank + 1) * n]

    def gather(self, local: torch.Tensor) -> torch.Tensor:
        """Concatenates every rank's equal-sized 1-D tensor in rank order."""
        if not self.distributed:
            return local
        parts = [torch.empty_like(local) for _ in range(self.world)]
        dist.all_gather(parts, local.contiguous())
        return torch.cat(parts)

    def sum(self, value: torch.Tensor) -> torch.Tensor:
        if self.distributed:
            dist.all_reduce(value)
        return value

    def mean(self, value: float) -> float:
        if not self.distributed:
            return value
        t = torch.tensor([value], dtype=torch.float64)
        dist.all_reduce(t)
        return float(t.item()) / self.world

    def close(self):
        if self.distributed:
            dist.destroy_process_group()
