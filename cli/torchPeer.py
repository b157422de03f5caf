"""Peer benchmark: the lab's default learner (ViT-S/4 on 16x16, width 48, depth 3, 4 heads, MLP x2)
train step in PyTorch CPU, same shapes as cli/bench.ts. Prints one line of JSON: the median ms per
step, the torch version and its thread count. Run by `npm run bench` only where a python with torch
is found ($PYTHON, or the first python3 on PATH that imports torch); nothing installs it."""
import json
import sys
import time

import torch
import torch.nn as nn

batch = int(sys.argv[1]) if len(sys.argv) > 1 else 64
torch.manual_seed(0)
D, depth, heads, patch, K = 48, 3, 4, 4, 10
T = (16 // patch) ** 2


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.ln1, self.ln2 = nn.LayerNorm(D), nn.LayerNorm(D)
        self.attn = nn.MultiheadAttention(D, heads, batch_first=True)
        self.mlp = nn.Sequential(nn.Linear(D, 2 * D), nn.GELU(approximate="tanh"), nn.Linear(2 * D, D))

    def forward(self, x):
        h = self.ln1(x)
        x = x + self.attn(h, h, h, need_weights=False)[0]
        return x + self.mlp(self.ln2(x))


class ViT(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(patch * patch, D)
        self.cls = nn.Parameter(torch.zeros(1, 1, D))
        self.pos = nn.Parameter(torch.zeros(1, T + 1, D))
        self.blocks = nn.Sequential(*[Block() for _ in range(depth)])
        self.ln, self.head = nn.LayerNorm(D), nn.Linear(D, K)

    def forward(self, images):
        b = images.shape[0]
        p = images.view(b, 4, patch, 4, patch).permute(0, 1, 3, 2, 4).reshape(b, T, patch * patch)
        x = torch.cat([self.cls.expand(b, 1, D), self.embed(p)], 1) + self.pos
        return self.head(self.ln(self.blocks(x))[:, 0])


model = ViT()
opt = torch.optim.AdamW(model.parameters(), lr=1e-4, weight_decay=1e-4)
x, y = torch.randn(batch, 256), torch.randint(0, K, (batch,))
loss_fn = nn.CrossEntropyLoss(label_smoothing=0.1)
times = []
for i in range(25):
    start = time.perf_counter()
    opt.zero_grad()
    loss_fn(model(x), y).backward()
    opt.step()
    if i >= 5:
        times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"ms": round(times[len(times) // 2], 3), "torch": torch.__version__, "threads": torch.get_num_threads()}))
