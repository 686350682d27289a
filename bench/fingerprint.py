"""Fingerprint what training produces, to show that a change of structure changes no number.

Runs a fixed set of short trainings through the real entry points (the quick start itself with every
step logged; one run per objective; feature-cache accumulation under ZeRO-2; a resume; a resume on
another world size; a sample search; evaluation with a modality removed; a prediction file) and writes,
for each, what it computed: every logged loss term per step, the validation and test records, the
selected epoch's test metrics, and the sha256 of the exported weights and of prediction files. Times,
throughputs and paths are left out: they differ between any two runs.

    python bench/fingerprint.py --out /tmp/fp_before             # on the commit before a change
    python bench/fingerprint.py --out /tmp/fp_after              # on the commit after it
    python bench/fingerprint.py --compare /tmp/fp_before /tmp/fp_after

``--compare`` prints each scenario as identical or names the first difference, and exits 1 if any differs.
Run both on the same machine: floating-point results may differ between CPUs. About 12 minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent
# Fields of metrics.jsonl records that measure the machine, not the computation.
UNSTABLE = {"time", "samples_per_s"}
SHORT = ["trainer.max_steps_per_pass=6", "trainer.log_every=1", "trainer.progress_bar=false"]


def scenarios(out: Path) -> list[tuple[str, list[str]]]:
    """(name, command) of each run, in order (later ones read the data and runs of earlier ones)."""
    runs = out / "runs"
    base = ["--config", "configs/quickstart.yaml", f"run.output_dir={runs}"]
    train = [str(VENV_BIN / "dist-mmfuse-train"), *base]
    deepspeed = [str(VENV_BIN / "deepspeed"), "--log_level", "error", "--num_gpus", "2", "launch/train.py", *base]
    self_mm = ["objective.name=self_mm", "model.fusion_head=self_mm", "model.init=default"]
    return [
        ("quickstart", ["bash", "launch/quickstart.sh", f"run.output_dir={runs}", "run.name=quickstart",
                        "trainer.log_every=1", "trainer.progress_bar=false"]),
        ("late_fusion", [*train, "run.name=late_fusion", "objective.name=late_fusion", "trainer.epochs=2", *SHORT]),
        ("self_mm", [*train, "run.name=self_mm", *self_mm, "trainer.epochs=2", *SHORT]),
        ("self_mi", [*train, "run.name=self_mi", *self_mm[1:], "objective.name=self_mi", "trainer.epochs=2", *SHORT]),
        ("tuple_infonce_search", [*train, "run.name=tuple_infonce_search", "objective.name=tuple_infonce",
                                  "objective.tuple_infonce.pretrain_epochs=1", "trainer.epochs=2",
                                  "objective.tuple_infonce.search.enabled=true",
                                  "objective.tuple_infonce.search.candidates=2",
                                  "objective.tuple_infonce.search.inner_epochs=1", *SHORT]),
        ("feature_cache_zero2", [*train, "run.name=feature_cache_zero2", "trainer.accumulation=feature_cache",
                                 "trainer.gradient_accumulation_steps=2", "trainer.epochs=2", *SHORT]),
        ("resume_first", [*train, "run.name=resume", "trainer.epochs=1", *SHORT]),
        ("resume_rest", [*train, "run.name=resume", "trainer.epochs=2", *SHORT, "--resume", "latest"]),
        ("elastic_first", [*deepspeed, "run.name=elastic", "trainer.epochs=1", *SHORT]),
        ("elastic_rest", [*train, "run.name=elastic", "trainer.epochs=2", *SHORT, "--resume", "latest"]),
        ("eval_drop_audio", [str(VENV_BIN / "dist-mmfuse-eval"), "--model", str(runs / "quickstart" / "best_model"),
                             "--split", "test", "--drop-modality", "audio",
                             "--predictions", str(out / "eval_drop_audio.csv")]),
        ("predict", [str(VENV_BIN / "dist-mmfuse-predict"), "--model", str(runs / "quickstart" / "best_model"),
                     "--input", "data/quickstart", "--split", "valid", "--out", str(out / "predict.csv")]),
    ]


def sha256(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def run_record(run_dir: Path) -> dict:
    """What a run computed: its metrics.jsonl without the machine's timings, and its export's digest."""
    records = []
    for line in (run_dir / "metrics.jsonl").read_text().splitlines():
        record = json.loads(line)
        records.append({k: v for k, v in record.items() if k not in UNSTABLE})
    return {"metrics": records, "best_model_sha256": sha256(run_dir / "best_model" / "model.safetensors")}


def last_json(text: str) -> dict | None:
    """The JSON object a command printed last (the result: training's test metrics, eval's report)."""
    start = text.rfind("\n{")
    start = 0 if start < 0 and text.startswith("{") else start
    try:
        return json.loads(text[start:]) if start >= 0 else None
    except json.JSONDecodeError:
        return None


def fingerprint(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=False)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "DS_ACCELERATOR": "cpu",
           "TORCH_EXTENSIONS_DIR": os.environ.get("TORCH_EXTENSIONS_DIR", str(ROOT / ".venv" / "torch_extensions"))}
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip())
    result = {"commit": commit, "uncommitted_changes": dirty, "scenarios": {}}
    for name, command in scenarios(out):
        print(f"fingerprint: {name}", flush=True)
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        (out / f"{name}.log").write_text(done.stdout + "\n--- stderr ---\n" + done.stderr)
        if done.returncode != 0:
            raise SystemExit(f"fingerprint: {name} exited {done.returncode}; see {out / (name + '.log')}")
        entry = {"result": last_json(done.stdout)}
        if name.startswith(("eval", "predict")):
            entry["file_sha256"] = sha256(out / f"{name}.csv")
            entry["result"] = {k: v for k, v in (entry["result"] or {}).items() if k != "predictions"}
        result["scenarios"][name] = entry
    for run_dir in sorted(p for p in (out / "runs").iterdir() if (p / "metrics.jsonl").is_file()):
        result["scenarios"].setdefault(f"run:{run_dir.name}", {}).update(run_record(run_dir))
    (out / "fingerprint.json").write_text(json.dumps(result, indent=1) + "\n")
    print(f"fingerprint: wrote {out / 'fingerprint.json'}")


def first_difference(a, b, where: str = "") -> str | None:
    if type(a) is not type(b):
        return f"{where}: {a!r} vs {b!r}"
    if isinstance(a, dict):
        for key in list(a) + [k for k in b if k not in a]:
            if key not in a or key not in b:
                return f"{where}.{key}: only in {'the second' if key not in a else 'the first'}"
            found = first_difference(a[key], b[key], f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{where}: {len(a)} vs {len(b)} entries"
        for index, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{where}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{where}: {a!r} vs {b!r}"


def compare(first: Path, second: Path) -> int:
    a, b = (json.loads((p / "fingerprint.json").read_text()) for p in (first, second))
    print(f"{first}: commit {a['commit'][:10]}{' (+ changes)' if a['uncommitted_changes'] else ''}; "
          f"{second}: commit {b['commit'][:10]}{' (+ changes)' if b['uncommitted_changes'] else ''}")
    differ = 0
    for name in sorted(set(a["scenarios"]) | set(b["scenarios"])):
        x, y = a["scenarios"].get(name), b["scenarios"].get(name)
        found = "missing on one side" if x is None or y is None else first_difference(x, y)
        steps = sum(r["kind"] == "train" for r in (x or {}).get("metrics", []))
        detail = f" ({steps} logged steps, weights {x['best_model_sha256'][:12]})" if steps and x.get(
            "best_model_sha256") else ""
        print(f"{name:28s} {'identical' + detail if found is None else 'DIFFERS: ' + found}")
        differ += found is not None
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path, help="a new directory for the runs and fingerprint.json")
    group.add_argument("--compare", type=Path, nargs=2, metavar=("FIRST", "SECOND"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    fingerprint(args.out.absolute())
    return 0


if __name__ == "__main__":
    sys.exit(main())
