"""Validates config.json against the lab's schema (schema.json, written by the export from
src/core/config/configSchema.ts): each problem names the field, the value given and what is allowed."""
import json
import math


class ConfigError(ValueError):
    """Bad config or data header: the message names the field and the allowed range."""


def _shown(value):
    return f'"{value}"' if isinstance(value, str) else json.dumps(value)


def allowed_text(spec: dict) -> str:
    kind = spec["kind"]
    if kind == "int":
        if spec.get("multipleOf"):
            return f"a multiple of {spec['multipleOf']} from {spec['min']} to {spec['max']}"
        return f"an integer from {spec['min']} to {spec['max']}"
    if kind == "number":
        return f"a number from {spec['min']} to {spec['max']}"
    if kind == "enum":
        return "one of " + ", ".join(spec["values"])
    if kind == "enum-list":
        return "a list of " + ", ".join(spec["values"])
    if kind == "boolean":
        return "true or false"
    return "a model variant such as ViT-S/4"


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_field(key: str, value, spec: dict) -> str | None:
    bad = f"{key}: {_shown(value)} is not allowed; expected {allowed_text(spec)}"
    kind = spec["kind"]
    if kind in ("int", "number"):
        if not _is_number(value):
            return bad
        if kind == "int" and (value != int(value) or (spec.get("multipleOf") and value % spec["multipleOf"] != 0)):
            return bad
        return bad if value < spec["min"] or value > spec["max"] else None
    if kind == "enum":
        return None if isinstance(value, str) and value in spec["values"] else bad
    if kind == "enum-list":
        if not isinstance(value, list) or not value or len(set(map(str, value))) != len(value):
            return bad
        return None if all(isinstance(v, str) and v in spec["values"] for v in value) else bad
    if kind == "boolean":
        return None if isinstance(value, bool) else bad
    from .vit import parse_variant  # model

    try:
        parse_variant(value)
        return None
    except ValueError as error:
        return f"{key}: {error}"


def validate_config(config, schema: dict, world_size: int = 1) -> dict:
    """The config (every key of the schema, nothing else), or ConfigError listing every problem."""
    if not isinstance(config, dict):
        raise ConfigError(f"config.json: expected an object of settings, got {type(config).__name__}")
    problems = [f"{key}: unknown setting; known settings: {', '.join(schema)}" for key in config if key not in schema]
    problems += [f"{key}: missing; expected {allowed_text(spec)}" for key, spec in schema.items() if key not in config]
    problems += [p for key, spec in schema.items() if key in config for p in [check_field(key, config[key], spec)] if p]
    if problems:
        raise ConfigError("config.json: " + "; ".join(problems))
    c = config
    b, B = c["batchSize"], round(c["batchSize"] * c["filterRatio"])
    if abs(c["batchSize"] * c["filterRatio"] - B) > 1e-9:
        problems.append(f"filterRatio: {c['filterRatio']} x batchSize {b} is not a whole super-batch; choose rho so that b*rho is an integer")
    if c["dataset"] == "captioned-shapes":
        problems.append("dataset: captioned-shapes (image-caption pairs) is not exported; allowed: synthetic, mnist, fashion-mnist, custom")
    if c["evalEvery"] > c["steps"]:
        problems.append(f"evalEvery: {c['evalEvery']} exceeds steps {c['steps']}; allowed 1-{c['steps']}")
    if world_size > 1:
        for name, size in (("batchSize", b), ("super-batch B = b*rho", B), ("online reference batch", b * c["referenceBatchFactor"])):
            if size % world_size != 0:
                problems.append(f"{name}: {size} is not a multiple of the {world_size} ranks; allowed: a multiple of --nproc_per_node")
    if problems:
        raise ConfigError("config.json: " + "; ".join(problems))
    return c
