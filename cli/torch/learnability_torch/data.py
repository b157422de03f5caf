"""Reads the exported data (data/header.json + raw little-endian binaries) and checks the header
against the files: every problem names the field and what is allowed."""
import json
import os

import numpy as np
import torch

from .config import ConfigError

DATA_FORMAT = "learnability-lab-torch-data"
DTYPES = {"float32": "<f4", "uint8": "u1", "int32": "<i4"}
SPLITS = ("train", "heldOut", "test")
ARRAYS = {"images": ("float32", "uint8"), "labels": ("int32",), "trueLabels": ("int32",), "corruption": ("uint8",)}


def _int(value, field, low, high):
    if not isinstance(value, int) or isinstance(value, bool) or value < low or value > high:
        raise ConfigError(f"data/header.json: {field}: {json.dumps(value)} is not allowed; expected an integer from {low} to {high}")
    return value


class Split:
    def __init__(self, images: torch.Tensor, labels: torch.Tensor, true_labels: np.ndarray, corruption: np.ndarray):
        self.images, self.labels = images, labels
        self.true_labels, self.corruption = true_labels, corruption
        self.labels_np = labels.numpy()
        self.count = labels.shape[0]

    def batch(self, indices):
        index = torch.as_tensor(indices, dtype=torch.long)
        return self.images.index_select(0, index), self.labels.index_select(0, index)


def read_header(folder: str) -> dict:
    path = os.path.join(folder, "data", "header.json")
    try:
        with open(path, encoding="utf-8") as f:
            header = json.load(f)
    except FileNotFoundError:
        raise ConfigError(f"{path}: not found; run train.py in the exported folder (or pass --folder)") from None
    except json.JSONDecodeError as error:
        raise ConfigError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(header, dict) or header.get("format") != DATA_FORMAT:
        raise ConfigError(f'data/header.json: format: expected "{DATA_FORMAT}"')
    _int(header.get("version"), "version", 1, 1)
    _int(header.get("imageSize"), "imageSize", 2, 1024)
    _int(header.get("channels"), "channels", 1, 1)
    classes = _int(header.get("numClasses"), "numClasses", 2, 1000)
    names = header.get("classNames")
    if not isinstance(names, list) or len(names) != classes or not all(isinstance(n, str) for n in names):
        raise ConfigError(f"data/header.json: classNames: expected {classes} strings (numClasses)")
    hard = header.get("hardClasses", [])
    if not isinstance(hard, list) or not all(isinstance(c, int) and 0 <= c < classes for c in hard):
        raise ConfigError(f"data/header.json: hardClasses: expected a list of class indices from 0 to {classes - 1}")
    if not isinstance(header.get("splits"), dict):
        raise ConfigError("data/header.json: splits: expected an object with train, heldOut and test")
    return header


def _array(folder: str, header: dict, split: str, name: str, count: int, per_example: int):
    field = f"splits.{split}.{name}"
    entry = header["splits"][split].get(name)
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
        raise ConfigError(f"data/header.json: {field}: expected {{file, dtype}}")
    if entry.get("dtype") not in ARRAYS[name]:
        raise ConfigError(f"data/header.json: {field}.dtype: {json.dumps(entry.get('dtype'))} is not allowed; expected one of {', '.join(ARRAYS[name])}")
    file = os.path.join(folder, "data", os.path.basename(entry["file"]))
    dtype = np.dtype(DTYPES[entry["dtype"]])
    expected = count * per_example * dtype.itemsize
    size = os.path.getsize(file) if os.path.exists(file) else -1
    if size != expected:
        found = "missing" if size < 0 else f"{size} bytes"
        raise ConfigError(f"data/{entry['file']}: {found}; expected {expected} bytes ({count} x {per_example} {entry['dtype']}, {field})")
    values = np.fromfile(file, dtype=dtype).reshape(count, per_example) if per_example > 1 else np.fromfile(file, dtype=dtype)
    return values, entry["dtype"]


def load_splits(folder: str, header: dict) -> dict:
    pixels = header["imageSize"] ** 2 * header["channels"]
    classes = header["numClasses"]
    splits = {}
    for split in SPLITS:
        entry = header["splits"].get(split)
        if not isinstance(entry, dict):
            raise ConfigError(f"data/header.json: splits.{split}: missing")
        count = _int(entry.get("count"), f"splits.{split}.count", 0, 10_000_000)
        images, dtype = _array(folder, header, split, "images", count, pixels)
        images = images.astype(np.float32) / 255.0 if dtype == "uint8" else images.astype(np.float32)
        labels, _ = _array(folder, header, split, "labels", count, 1)
        true_labels, _ = _array(folder, header, split, "trueLabels", count, 1)
        corruption, _ = _array(folder, header, split, "corruption", count, 1)
        for name, values in (("labels", labels), ("trueLabels", true_labels)):
            if count and (values.min() < 0 or values.max() >= classes):
                raise ConfigError(f"data/header.json: splits.{split}.{name}: a label outside 0..{classes - 1} (numClasses {classes})")
        splits[split] = Split(torch.from_numpy(images), torch.from_numpy(labels.astype(np.int64)), true_labels, corruption)
    return splits
