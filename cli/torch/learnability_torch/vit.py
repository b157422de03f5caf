"""The lab's ViT ladder (src/core/models/vit.ts, vitVariants.ts): patchify -> linear embed + learned
position embedding + class token -> depth x pre-norm blocks [LN -> MHSA -> +, LN -> MLP(GELU tanh) -> +]
-> LN -> linear head (zero init). Weights are drawn from the lab's generator in the lab's order, so a
seed gives the lab's initial weights (dense layers LeCun normal, position embedding N(0, 0.02^2))."""
import math
import re

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from .rng import Rng

VIT_SIZES = {
    "B": dict(width=96, depth=4, heads=4, mlp_ratio=2),
    "S": dict(width=48, depth=3, heads=4, mlp_ratio=2),
    "Ti": dict(width=32, depth=2, heads=2, mlp_ratio=2),
    "Mi": dict(width=16, depth=1, heads=2, mlp_ratio=2),
    "Mu": dict(width=4, depth=1, heads=1, mlp_ratio=2),
}
PATCHES = (2, 4, 8, 16)
LAYER_NORM_EPSILON = 1e-6


def parse_variant(variant: str) -> dict:
    """"ViT-S/4" -> its spec; anything else -> ValueError naming what is allowed."""
    match = re.fullmatch(r"ViT-([A-Za-z]+)/(\d+)", variant.strip()) if isinstance(variant, str) else None
    sizes = ", ".join(VIT_SIZES)
    if not match:
        raise ValueError(f'"{variant}" is not a ViT variant; expected ViT-<size>/<patch> with size one of {sizes}, e.g. ViT-S/4')
    size, patch = match.group(1), int(match.group(2))
    if size not in VIT_SIZES:
        raise ValueError(f'"{variant}": unknown size "{size}"; allowed sizes: {sizes}')
    if patch not in PATCHES:
        raise ValueError(f'"{variant}": patch {patch} not allowed; allowed patch sizes: 2, 4, 8, 16')
    return dict(name=f"ViT-{size}/{patch}", size=size, patch=patch, **VIT_SIZES[size])


def _normal(shape, std: float, rng: Rng) -> torch.Tensor:
    size = int(np.prod(shape))
    values = np.fromiter((std * rng.normal() for _ in range(size)), dtype=np.float64, count=size)
    return torch.from_numpy(values.astype(np.float32).reshape(shape))


class Dense(nn.Module):
    """x [N, in] @ w [in, out] + b: the lab's layout, so its draws land in the same places."""

    def __init__(self, fan_in: int, fan_out: int, rng: Rng, std: float | None = None):
        super().__init__()
        self.w = nn.Parameter(_normal([fan_in, fan_out], 1 / math.sqrt(fan_in) if std is None else std, rng))
        self.b = nn.Parameter(torch.zeros(fan_out))

    def forward(self, x):
        return x @ self.w + self.b


class LayerNorm(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(width))
        self.bias = nn.Parameter(torch.zeros(width))

    def forward(self, x):
        return F.layer_norm(x, (x.shape[-1],), self.scale, self.bias, LAYER_NORM_EPSILON)


class Block(nn.Module):
    def __init__(self, D: int, heads: int, mlp_ratio: int, rng: Rng):
        super().__init__()
        self.heads = heads
        self.ln1 = LayerNorm(D)
        self.qkv = Dense(D, 3 * D, rng)
        self.out = Dense(D, D, rng)
        self.ln2 = LayerNorm(D)
        self.mlp1 = Dense(D, mlp_ratio * D, rng)
        self.mlp2 = Dense(mlp_ratio * D, D, rng)

    def forward(self, x):  # x [B, T', D]
        B, T, D = x.shape
        H, dh = self.heads, D // self.heads
        # [B, T', 3D] -> [B, T', 3H, dh] -> [B, 3H, T', dh]: heads 0..H-1 are q, then k, then v (the lab's split)
        qkv = self.qkv(self.ln1(x)).reshape(B, T, 3 * H, dh).permute(0, 2, 1, 3)
        q, k, v = qkv[:, :H], qkv[:, H : 2 * H], qkv[:, 2 * H :]
        attention = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(dh), dim=-1)
        x = x + self.out((attention @ v).permute(0, 2, 1, 3).reshape(B, T, D))
        return x + self.mlp2(F.gelu(self.mlp1(self.ln2(x)), approximate="tanh"))


class VisionTransformer(nn.Module):
    def __init__(self, variant: str, image_size: int, channels: int, num_classes: int, seed: int):
        super().__init__()
        spec = parse_variant(variant)
        if channels != 1:
            raise ValueError(f"ViT: only 1-channel images are supported (got {channels})")
        if image_size % spec["patch"] != 0:
            raise ValueError(f"ViT: image size {image_size} is not a multiple of patch {spec['patch']}")
        self.spec, self.image_size = spec, image_size
        D, P = spec["width"], spec["patch"]
        self.n = image_size // P
        tokens = self.n * self.n + 1
        rng = Rng(seed)
        # Parameter order and draws as in the lab: embed, pos, cls, blocks, final LN, head.
        self.embed = Dense(P * P * channels, D, rng)
        self.pos = nn.Parameter(_normal([tokens, D], 0.02, rng))
        self.cls = nn.Parameter(torch.zeros(1, D))
        self.blocks = nn.ModuleList(Block(D, spec["heads"], spec["mlp_ratio"], rng) for _ in range(spec["depth"]))
        self.final_ln = LayerNorm(D)
        self.head = Dense(D, num_classes, rng, std=0.0)  # zero-init classifier head (big_vision)

    def forward(self, images):  # images [B, H*W] -> logits [B, K]
        B = images.shape[0]
        P, n, D = self.spec["patch"], self.n, self.spec["width"]
        patches = images.reshape(B * n, P, n, P).permute(0, 2, 1, 3).reshape(B, n * n, P * P)
        x = torch.cat([self.cls.expand(B, 1, D), self.embed(patches)], dim=1) + self.pos
        for block in self.blocks:
            x = block(x)
        return self.head(self.final_ln(x)[:, 0])


def forward_flops(variant: str, image_size: int, channels: int, num_classes: int) -> float:
    """F: forward FLOPs per example = 2 x MACs, term by term as src/core/accounting/vitFlops.ts."""
    spec = parse_variant(variant)
    D, P = spec["width"], spec["patch"]
    T = (image_size // P) ** 2
    tokens = T + 1
    patch_embed = T * P * P * channels * D
    per_block = 3 * tokens * D * D + 2 * tokens * tokens * D + tokens * D * D + 2 * spec["mlp_ratio"] * tokens * D * D
    head = D * num_classes
    return float(2 * (patch_embed + spec["depth"] * per_block + head))
