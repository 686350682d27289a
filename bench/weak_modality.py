"""Does TupleInfoNCE make the model rely on a weak modality? (issue 6, item 5)

On synthetic MOSI-shaped data whose vision carries a low-amplitude cue that no other modality has
(``configs/weak_modality.yaml``), each seed trains two models through ``deepspeed launch/train.py``:

* **TupleInfoNCE**: contrastive pre-training with k-disturbed negatives for every modality
  (``alpha_default=1``), then fine-tuning on the label;
* **plain tuple contrast**: the same with no disturbed negatives (``alpha_default=0``): only the other
  samples' tuples are negatives.

Each selected model is evaluated on the test split with every modality, and with the weak one removed
(``launch/eval.py --drop-modality vision``: its representation replaced by its test-split mean). The
cost of removing it (MAE up, Corr and Acc-2 down) is reported per seed, as mean and standard
deviation over seeds, and paired by seed (TupleInfoNCE's cost minus plain's, with a one-sided paired
t-test and Wilcoxon signed-rank test in the claim's direction), as JSON and as a Markdown table.

    python bench/weak_modality.py --seeds 1 2 3 --out bench/results/weak_modality

Overrides after the options apply to every run. The README's main setting (frozen pretrained MiniLM
text features computed at sharding time, a noise-free three-factor weak modality, a 16-wide
representation, a converged linear probe), two runs at once on two CPU cores, about four minutes a
seed (82 min for twenty seeds):

    python bench/weak_modality.py --config configs/weak_modality_features.yaml --seeds $(seq 1 20) --jobs 2 \
        --out bench/results/weak_modality_features

The same data with the frozen MiniLM run inside the model in every step, ten runs at once on one GPU
(215 s for five seeds):

    python bench/weak_modality.py --config configs/weak_modality_minilm.yaml --seeds 1 2 3 4 5 --jobs 10 \
        --out bench/results/weak_modality_minilm
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import scipy.stats

REPO = Path(__file__).resolve().parents[1]
VARIANTS = {"tuple_infonce": ["objective.tuple_infonce.alpha_default=1.0"],
            "plain_tuple": ["objective.tuple_infonce.alpha_default=0.0"]}
METRICS = ("mae", "corr", "acc2_non0")
METRIC_LABELS = ("MAE", "Corr", "Acc-2")


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
    # The deepspeed launcher as a module of this interpreter: no dependence on which bin/ is on PATH.
    launcher = [sys.executable, "-m", "deepspeed.launcher.runner", "--num_gpus", str(procs), "--master_port", str(port)]
    # --resume auto: a rerun of an interrupted study continues its unfinished runs and keeps finished ones.
    run([*launcher, "launch/train.py", "--config", config, "--resume", "auto", f"run.name={name}", f"run.seed={seed}",
         *VARIANTS[variant], *overrides], out / f"{name}.train.log")
    model = REPO / "runs" / name / "best_model"
    evaluate = [sys.executable, "launch/eval.py", "--model", str(model), "--split", "test"]
    full = last_json(run(evaluate, out / f"{name}.eval.log"))
    without = last_json(run([*evaluate, "--drop-modality", weak], out / f"{name}.eval_without_{weak}.log"))
    return {"variant": variant, "seed": seed, "all": {k: full[k] for k in METRICS},
            "without_weak": {k: without[k] for k in METRICS},
            "cost": {"mae": without["mae"] - full["mae"], "corr": full["corr"] - without["corr"],
                     "acc2_non0": full["acc2_non0"] - without["acc2_non0"]}}


def mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and sample standard deviation (0 for a single value)."""
    return statistics.mean(values), statistics.stdev(values) if len(values) > 1 else 0.0


def paired_test(differences: list[float]) -> dict:
    """Mean ± sd of per-seed differences, how many are positive, and one-sided tests that they are
    positive (the claim's direction): the paired t-test and the Wilcoxon signed-rank test."""
    summary = {"mean_sd": mean_sd(differences), "tuple_infonce_higher": sum(x > 0 for x in differences),
               "seeds": len(differences), "t": None, "t_test_p": None, "wilcoxon_p": None}
    if len(differences) > 2 and statistics.stdev(differences) > 0:
        t_test = scipy.stats.ttest_1samp(differences, 0.0, alternative="greater")
        summary.update(t=float(t_test.statistic), t_test_p=float(t_test.pvalue),
                       wilcoxon_p=float(scipy.stats.wilcoxon(differences, alternative="greater").pvalue))
    return summary


def summarise(rows: list[dict]) -> dict:
    """Mean and sample standard deviation over seeds of every reported number, per variant, and the
    paired difference: per seed, TupleInfoNCE's cost minus plain tuple contrast's (both variants of a
    seed share its data order and initial weights, so the pairs cancel most of the seed noise), with
    one-sided tests that it is positive. ``paired_overall`` pairs the metrics with every modality the
    same way, as TupleInfoNCE's advantage (plain's MAE minus TupleInfoNCE's; TupleInfoNCE's Corr and
    Acc-2 minus plain's)."""
    summary = {}
    for variant in VARIANTS:
        mine = [r for r in rows if r["variant"] == variant]
        summary[variant] = {group: {k: mean_sd([r[group][k] for r in mine]) for k in METRICS}
                            for group in ("all", "without_weak", "cost")}
    by_run = {(r["variant"], r["seed"]): r for r in rows}
    seeds = sorted({r["seed"] for r in rows})

    def paired(group: str, metric: str, sign: float = 1.0) -> dict:
        return paired_test([sign * (by_run["tuple_infonce", s][group][metric]
                                    - by_run["plain_tuple", s][group][metric]) for s in seeds])

    summary["paired_difference"] = {k: paired("cost", k) for k in METRICS}
    summary["paired_overall"] = {k: paired("all", k, -1.0 if k == "mae" else 1.0) for k in METRICS}
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
    for variant in VARIANTS:
        numbers = summary[variant]
        lines.append(f"| {names[variant]} | {cell(numbers['all']['mae'])} | {cell(numbers['all']['corr'])} | "
                     f"{cell(numbers['all']['acc2_non0'])} | {cell(numbers['without_weak']['mae'])} | "
                     f"{cell(numbers['without_weak']['corr'])} | {cell(numbers['cost']['mae'])} | "
                     f"{cell(numbers['cost']['corr'])} | {cell(numbers['cost']['acc2_non0'])} |")

    def number(value, spec):
        return "–" if value is None else format(value, spec)

    lines += ["", "Paired by seed: TupleInfoNCE's cost minus plain tuple contrast's, and TupleInfoNCE's advantage "
                  "with every modality (lower MAE, higher Corr and Acc-2); one-sided p-values for a positive "
                  "difference (paired t-test, Wilcoxon signed-rank):", "",
              "| paired difference | mean ± sd | seeds where it is positive | t | p (t-test) | p (Wilcoxon) |",
              "| --- | --- | --- | --- | --- | --- |"]
    for group, what in (("paired_difference", "cost"), ("paired_overall", "advantage")):
        for k, label in zip(METRICS, METRIC_LABELS):
            test = summary[group][k]
            lines.append(f"| {what}: {label} | {cell(test['mean_sd'])} | {test['tuple_infonce_higher']} of "
                         f"{test['seeds']} | {number(test['t'], '.2f')} | {number(test['t_test_p'], '.2g')} | "
                         f"{number(test['wilcoxon_p'], '.2g')} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="configs/weak_modality.yaml")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--procs", type=int, default=1, help="ranks per run (deepspeed --num_gpus)")
    parser.add_argument("--port", type=int, default=29640, help="master port of the first run; run i "
                                                                    "uses port + i")
    parser.add_argument("--jobs", type=int, default=1, help="runs at once (on one GPU, or spare CPU cores)")
    parser.add_argument("--weak", default="vision", help="the weak modality to remove at test time")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "weak_modality")
    parser.add_argument("--render", type=Path, metavar="RESULTS_JSON",
                        help="only re-summarise the runs of an existing results.json (one copied back from a GPU "
                             "machine, say) into its table.md beside it")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides for every run")
    args = parser.parse_args()
    if args.render:
        results = json.loads(args.render.read_text())
        write_results(args.render.parent, results["config"], results.get("overrides", []), results["seeds"],
                      results["runs"], args.weak)
        return
    args.out.mkdir(parents=True, exist_ok=True)
    runs = list(itertools.product(args.seeds, VARIANTS))

    def one(index: int) -> dict:
        seed, variant = runs[index]
        row = train_and_evaluate(args.config, variant, seed, args.procs, args.port + index, args.weak,
                                 args.out, args.overrides)
        print(json.dumps(row), flush=True)
        return row

    # Concurrent runs share the data preparation safely (prepare_data holds a file lock while it builds).
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        rows = list(pool.map(one, range(len(runs))))
    write_results(args.out, args.config, args.overrides, args.seeds, rows, args.weak)


def write_results(out: Path, config: str, overrides: list[str], seeds: list[int], rows: list[dict],
                  weak: str) -> None:
    """``results.json`` (every run and the summary) and ``table.md`` in ``out``; the table is printed."""
    summary = summarise(rows)
    (out / "results.json").write_text(json.dumps({"config": config, "overrides": overrides, "seeds": seeds,
                                                  "runs": rows, "summary": summary}, indent=1))
    table = markdown(summary, seeds, weak)
    (out / "table.md").write_text(table)
    print(table)


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    main()
