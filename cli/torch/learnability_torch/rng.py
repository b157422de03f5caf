"""The lab's seeded generator (Mulberry32), seed derivation and epoch sampler, bit for bit
(src/core/random/rng.ts, src/core/data/epochSampler.ts): the same seed gives the same data order,
initial weights and Gumbel noise as the lab."""
import math

_M32 = 0xFFFFFFFF


def _imul(a: int, b: int) -> int:
    """Math.imul: the low 32 bits of a*b, as unsigned."""
    return (a * b) & _M32


class Rng:
    def __init__(self, seed: int):
        self.s = (int(math.floor(seed)) ^ 0x9E3779B9) & _M32
        self.spare = None

    def next(self) -> float:
        """Uniform in [0, 1)."""
        self.s = (self.s + 0x6D2B79F5) & _M32
        t = self.s
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _M32
        return ((t ^ (t >> 14)) & _M32) / 4294967296.0

    def int(self, n: int) -> int:
        return int(math.floor(self.next() * n))

    def normal(self) -> float:
        """Standard normal (Box-Muller, the second value cached), as the lab draws it."""
        if self.spare is not None:
            z, self.spare = self.spare, None
            return z
        u = 1 - self.next()
        v = self.next()
        r = math.sqrt(-2 * math.log(u))
        self.spare = r * math.sin(2 * math.pi * v)
        return r * math.cos(2 * math.pi * v)


def derive_seed(seed: int, purpose: str) -> int:
    """FNV-1a style: an independent stream for a named purpose ("order", "select", "learner", ...)."""
    h = (2166136261 ^ int(math.floor(seed))) & _M32
    for ch in purpose:
        h = _imul(h ^ ord(ch), 16777619)
    return h


def shuffle_in_place(items, rng: Rng):
    """Fisher-Yates, the lab's order of draws."""
    for i in range(len(items) - 1, 0, -1):
        j = rng.int(i + 1)
        items[i], items[j] = items[j], items[i]
    return items


class EpochSampler:
    """Uniform batches without replacement within an epoch; a short tail is topped up from the next
    epoch's permutation, skipping indices already in the batch."""

    def __init__(self, size: int, seed: int):
        if size <= 0:
            raise ValueError("EpochSampler: the split is empty")
        self.size = size
        self.rng = Rng(seed)
        self.order: list[int] = []
        self.cursor = 0
        self._reshuffle()

    def _reshuffle(self):
        self.order = shuffle_in_place(list(range(self.size)), self.rng)
        self.cursor = 0

    def next(self, batch_size: int) -> list[int]:
        if batch_size > self.size:
            raise ValueError(f"EpochSampler: batch of {batch_size} from a split of {self.size}")
        batch: list[int] = []
        taken = set()
        while len(batch) < batch_size:
            if self.cursor >= len(self.order):
                self._reshuffle()
            index = self.order[self.cursor]
            self.cursor += 1
            if index in taken:
                continue
            taken.add(index)
            batch.append(index)
        return batch
