"""Does TupleInfoNCE make the model rely on a weak modality? (issue 6, item 5)

On synthetic MOSI-shaped data whose vision carries a low-amplitude cue that no other modality has
(``configs/weak_modality.yaml``), each seed trains two models through ``deepspeed launch/train.py``:

* **TupleInfoNCE**: contrastive pre-training with k-disturbed negatives for every modality
  (``alpha_default=1``), then fine-tuning on the label;
* **plain tuple contrast**: the same with no disturbed negatives (``alpha_default=0``): only the other
  samples' tuples are negatives.

Each selected model is evaluated on the test split with every modality, and with the weak one removed
(``launch/eval.py --drop-modality vision``: its representation replaced by its test-split mean). The
cost of removing it (MAE up, Corr and Acc-2 down) is reported per seed and as mean and standard
deviation over seeds, as JSON and as a Markdown table.

    python bench/weak_modality.py --seeds 1 2 3 --out bench/results/weak_modality

Overrides after the options apply to every run. The README's main table freezes the encoders for
fine-tuning and makes the positive a time crop, so frame noise cannot identify a sample:

    python bench/weak_modality.py objective.tuple_infonce.finetune=head objective.tuple_infonce.beta=0.5 \
        "objective.tuple_infonce.augmentations=[time_crop]" --seeds 1 2 3 --out bench/results/weak_modality_crop
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VARIANTS = {"tuple_infonce": ["objective.tuple_infonce.alpha_default=1.0"],
            "plain_tuple": ["objective.tuple_infonce.alpha_default=0.0"]}
METRICS = ("mae", "corr", "acc2_non0")


def run(command: list[str], log: Path) -> str:
    """Run ``command`` in the repository, its output to ``log``; return the output, or fail loudly."""
    result = subprocess.run(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    log.write_text(result.stdout)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed with {result.returncode}; see {log}")
    return result.stdout


def last_json(output: str) -> dict:
    """The last top-level JSON object a command printed."""
    start = output.rindex("\n{") + 1 if "\n{" in output else output.index("{")
    return json.loads(output[start:output.index("\n}", start) + 2])


def train_and_evaluate(config: str, variant: str, seed: int, procs: int, port: int, weak: str, out: Path,
                       overrides: list[str]) -> dict:
    name = f"{out.name}_{variant}_s{seed}"  # one run directory per study, variant and seed
    launcher = [str(Path(sys.executable).with_name("deepspeed")), "--num_gpus", str(procs), "--master_port", str(port)]
    run([*launcher, "launch/train.py", "--config", config, f"run.name={name}", f"run.seed={seed}",
         *VARIANTS[variant], *overrides], out / f"{name}.train.log")
    model = REPO / "runs" / name / "best_model.pt"
    evaluate = [sys.executable, "launch/eval.py", "--model", str(model), "--split", "test"]
    full = last_json(run(evaluate, out / f"{name}.eval.log"))
    without = last_json(run([*evaluate, "--drop-modality", weak], out / f"{name}.eval_without_{weak}.log"))
    return {"variant": variant, "seed": seed, "all": {k: full[k] for k in METRICS},
            "without_weak": {k: without[k] for k in METRICS},
            "cost": {"mae": without["mae"] - full["mae"], "corr": full["corr"] - without["corr"],
                     "acc2_non0": full["acc2_non0"] - without["acc2_non0"]}}


def summarise(rows: list[dict]) -> dict:
    """Mean and sample standard deviation over seeds of every reported number, per variant."""
    summary = {}
    for variant in VARIANTS:
        mine = [r for r in rows if r["variant"] == variant]
        summary[variant] = {
            group: {k: (statistics.mean(r[group][k] for r in mine),
                        statistics.stdev(r[group][k] for r in mine) if len(mine) > 1 else 0.0) for k in METRICS}
            for group in ("all", "without_weak", "cost")}
    return summary


def markdown(summary: dict, seeds: list[int], weak: str) -> str:
    def cell(pair):
        return f"{pair[0]:.3f} ± {pair[1]:.3f}"

    lines = [f"Test split, mean ± standard deviation over seeds {seeds}. Cost = the loss from removing {weak} "
             "(MAE up; Corr and Acc-2 down).", "",
             "| pre-training | MAE | Corr | Acc-2 | MAE without " + weak + " | Corr without " + weak
             + " | cost: MAE | cost: Corr | cost: Acc-2 |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    names = {"tuple_infonce": "TupleInfoNCE (disturbed negatives)", "plain_tuple": "plain tuple contrast"}
    for variant, numbers in summary.items():
        lines.append(f"| {names[variant]} | {cell(numbers['all']['mae'])} | {cell(numbers['all']['corr'])} | "
                     f"{cell(numbers['all']['acc2_non0'])} | {cell(numbers['without_weak']['mae'])} | "
                     f"{cell(numbers['without_weak']['corr'])} | {cell(numbers['cost']['mae'])} | "
                     f"{cell(numbers['cost']['corr'])} | {cell(numbers['cost']['acc2_non0'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="configs/weak_modality.yaml")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--procs", type=int, default=1, help="ranks per run (deepspeed --num_gpus)")
    parser.add_argument("--port", type=int, default=29640)
    parser.add_argument("--weak", default="vision", help="the weak modality to remove at test time")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "weak_modality")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides for every run")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for seed in args.seeds:
        for variant in VARIANTS:
            rows.append(train_and_evaluate(args.config, variant, seed, args.procs, args.port, args.weak, args.out,
                                           args.overrides))
            print(json.dumps(rows[-1]), flush=True)
    summary = summarise(rows)
    (args.out / "results.json").write_text(json.dumps({"config": args.config, "overrides": args.overrides,
                                                       "seeds": args.seeds, "runs": rows, "summary": summary},
                                                      indent=1))
    table = markdown(summary, args.seeds, args.weak)
    (args.out / "table.md").write_text(table)
    print(table)


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
