"""learnability_torch: the learnability lab's experiment in PyTorch (docs/pytorch-export.md).

The same ViT ladder, scores, Gumbel-top-k sampler, online and reference models, learning-rate
schedule, AdamW settings and FLOP ledger as the lab, seeded by the lab's own generator so one seed
draws the same data order, initial weights and Gumbel noise. Python >= 3.10, torch >= 1.13, numpy.
"""

FORMAT_VERSION = 1
