"""The configuration's keys described from its pydantic models: every key's dotted name, type, default
and description (the generated page ``docs/config_reference.md``, which a test keeps equal to what this
module renders), and the nearest valid key for a mistyped one.

It reads the models of config.py; it never validates a config or decides a default itself.

    python -m dist_mmfuse.config_reference > docs/config_reference.md   # regenerate the page
"""

from __future__ import annotations

import dataclasses
import difflib
import enum
import json
import sys
import types
import typing
from pathlib import Path
from typing import Any, Iterator

import annotated_types
from pydantic import BaseModel
from pydantic.fields import FieldInfo

REFERENCE_PAGE = Path("docs") / "config_reference.md"
ANY_NAME = "<name>"  # the key of a mapping from names to a section (model.encoder_sizes.<name>.hidden)


@dataclasses.dataclass(frozen=True)
class Key:
    dotted: str
    type: str
    default: str
    description: str


def _sections(annotation: Any) -> tuple[list[type[BaseModel]], bool]:
    """The pydantic models an annotation holds directly, and whether it is a mapping of names to one."""
    origin = typing.get_origin(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation], False
    if origin is dict:
        _, value = typing.get_args(annotation)
        models, _ = _sections(value)
        return models, bool(models)
    if origin in (typing.Union, types.UnionType):
        models = [m for arg in typing.get_args(annotation) for m in _sections(arg)[0]]
        return models, False
    return [], False


def type_name(annotation: Any) -> str:
    """A readable type: ``int``, ``"a" | "b"``, ``list[str] | null``, ``dict[str, float >= 0]``."""
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if annotation is type(None):
        return "null"
    if origin is typing.Literal:
        return " | ".join(json.dumps(value) for value in args)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(type_name(arg) for arg in args)
    if origin is typing.Annotated:
        return type_name(args[0]) + "".join(_constraint(item) for item in args[1:])
    if origin in (list, tuple, dict):
        inner = ", ".join("..." if arg is Ellipsis else type_name(arg) for arg in args)
        return f"{origin.__name__}[{inner}]"
    if annotation is Any:
        return "any"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "section"
    if isinstance(annotation, type) and issubclass(annotation, Path):
        return "path"
    if isinstance(annotation, FieldInfo):
        return "".join(_constraint(item) for item in annotation.metadata)
    return getattr(annotation, "__name__", str(annotation))


def _constraint(item: Any) -> str:
    for kind, sign, bound in ((annotated_types.Gt, ">", "gt"), (annotated_types.Ge, ">=", "ge"),
                              (annotated_types.Lt, "<", "lt"), (annotated_types.Le, "<=", "le")):
        if isinstance(item, kind):
            return f" {sign} {getattr(item, bound)}"
    if isinstance(item, annotated_types.MinLen):
        return f" (at least {item.min_length})"
    if isinstance(item, FieldInfo):
        return "".join(_constraint(inner) for inner in item.metadata)
    return ""


def _default(field: FieldInfo) -> str:
    if field.is_required():
        return "required"
    value = field.get_default(call_default_factory=True)
    if isinstance(value, BaseModel):
        return "section"
    return json.dumps(_plain(value))


def _plain(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def config_keys(model: type[BaseModel] | None = None, prefix: str = "") -> Iterator[Key]:
    """Every leaf key of ``model`` (default: the run config), depth first, in the models' order."""
    if model is None:
        from .config import Config

        model = Config
    for name, field in model.model_fields.items():
        dotted = f"{prefix}{name}"
        sections, mapping = _sections(field.annotation)
        if sections:
            for section in sections:
                yield from config_keys(section, f"{dotted}.{ANY_NAME}." if mapping else f"{dotted}.")
            continue
        constraints = "".join(_constraint(item) for item in field.metadata)
        yield Key(dotted, type_name(field.annotation) + constraints, _default(field), field.description or "")


def section_docs(model: type[BaseModel] | None = None, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(dotted section, the first paragraph of its model's docstring) for every section."""
    if model is None:
        from .config import Config

        model = Config
    for name, field in model.model_fields.items():
        sections, mapping = _sections(field.annotation)
        for section in sections:
            dotted = f"{prefix}{name}" + (f".{ANY_NAME}" if mapping else "")
            doc = (section.__doc__ or "").strip().split("\n\n")[0]
            optional = not field.is_required() and field.get_default(call_default_factory=True) is None
            note = " Optional: absent unless set." if optional else ""
            yield dotted, " ".join(doc.replace("``", "`").split()) + note
            yield from section_docs(section, dotted + ".")


def render_reference() -> str:
    """The page ``docs/config_reference.md``: one table per section."""
    docs = dict(section_docs())
    by_section: dict[str, list[Key]] = {}
    for key in config_keys():
        by_section.setdefault(key.dotted.rpartition(".")[0], []).append(key)
    lines = ["# Configuration reference", "",
             "Every key of a run config (`launch/train.py --config`), generated from the pydantic models in",
             "[`dist_mmfuse/config.py`](../dist_mmfuse/config.py) by `python -m dist_mmfuse.config_reference`;",
             "`tests/test_config.py` fails when this page and the models differ. How configs, overrides and",
             "recipes work is in [configuration](configuration.md). Set any key on the command line as",
             "`key.sub=value`; `launch/train.py --config FILE [overrides] --print-config` prints the resolved",
             "config and exits.", ""]
    for section, keys in by_section.items():
        lines += [f"## `{section}`", ""]
        if docs.get(section):
            lines += [docs[section], ""]
        lines += ["| key | type | default | description |", "|---|---|---|---|"]
        for key in keys:
            cells = [f"`{key.dotted.rpartition('.')[2]}`", _cell(key.type), _cell(key.default),
                     _cell(key.description)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") or " "


def suggest_key(dotted: str, model: type[BaseModel] | None = None) -> str | None:
    """The valid key of ``model`` (default: the run config) nearest to a mistyped ``dotted`` key: a close
    spelling in the same section, else the same name in another section (``trainer.batch_size`` ->
    ``data.batch_size``)."""
    keys = [key.dotted for key in config_keys(model)]
    sections = {key.rpartition(".")[0] for key in keys} | {""}
    section, _, name = dotted.rpartition(".")
    # A mapping's entry (model.encoder_sizes.audio) is documented under its placeholder.
    known_parts = {part for key in keys for part in key.split(".")}
    generic = ".".join(part if part in known_parts else ANY_NAME for part in section.split(".")) if section else ""
    for where in (section, generic):
        siblings = {k.rpartition(".")[2] for k in keys if k.rpartition(".")[0] == where}
        siblings |= {s.rpartition(".")[2] for s in sections if s and s.rpartition(".")[0] == where}
        close = difflib.get_close_matches(name, sorted(siblings), n=1, cutoff=0.7)
        if close:
            return f"{section}.{close[0]}" if section else close[0]
    elsewhere = [k for k in keys if k.rpartition(".")[2] == name and ANY_NAME not in k]
    return elsewhere[0] if len(elsewhere) == 1 else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv:
        print("usage: python -m dist_mmfuse.config_reference > docs/config_reference.md", file=sys.stderr)
        return 2
    sys.stdout.write(render_reference())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
