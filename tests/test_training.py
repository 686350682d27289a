"""Training through the real DeepSpeed engine on CPU (gloo): stages, equivalence, resume, the launcher."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from safetensors.torch import load_file

from dist_mmfuse.data.loader import iter_split_samples
from dist_mmfuse.distributed import free_port

from . import dist_worker
from .conftest import REPO, TINY_TEXT_CONFIG, train_env, write_train_config
from .equivalence import CASES, GLOBAL_BATCH, launch

# Every test here trains through the DeepSpeed engine (or shares the equivalence runs): the slow tier.
pytestmark = pytest.mark.slow

TRAIN = [sys.executable, str(REPO / "launch" / "train.py")]


def run_ranks(world_size, config, overrides, phases, out_dir):
    """One job on ``world_size`` worker processes (tests/dist_worker.py); its per-rank results."""
    return launch(world_size, [{"name": "job", "config": str(config), "overrides": overrides, "phases": phases}],
                  out_dir)["job"]


def records(run_dir, kind="train"):
    lines = (run_dir / "metrics.jsonl").read_text().splitlines()
    return [r for r in map(json.loads, lines) if r["kind"] == kind]


def gradient_errors(grads: dict[str, torch.Tensor], exact: dict[str, torch.Tensor]) -> dict[str, float]:
    """Each parameter's gradient error relative to the norm of its exact gradient. Norms under 1e-7 of
    the whole model's gradient are rounding noise (attention key biases: softmax makes their gradient
    exactly 0), so they are measured in units of that floor instead."""
    floor = 1e-7 * float(torch.stack([g.norm() for g in exact.values()]).norm())
    return {n: float((grads[n].double() - g).norm()) / max(float(g.norm()), floor) for n, g in exact.items()}


@pytest.mark.parametrize("case", [c for c in CASES if c.objective == "mmim"], ids=lambda c: c.name)
def test_global_batch_loss_and_gradients_equal_the_one_device_reference(equivalence_runs, case):
    """W ranks x K micro-batches of B = 32/(W*K) under DeepSpeed (ZeRO-2; one case ZeRO-0) give, at every
    step, the loss and every parameter's gradient of plain torch on the whole batch of 32 in one
    process: CPC rows see all 32 fusion predictions (also contrasted 5 rows at a time), the entropy
    spans them and the memory, and feature-cache accumulation sums its K micro-steps to the big-batch
    gradient.

    The reference runs in fp64 at the run's own parameters before each step. The run (fp32) must be
    within 1e-5 relative of it, or, for the few parameters whose gradient fp32 cannot resolve to 1e-5
    (CPC heads on near-identical random-BERT features cancel most of it), within 10x the error of the
    one-process fp32 computation of the same batch. A missing gather gradient is off by 1/W or more."""
    configs, results = equivalence_runs
    config, ranks = str(configs[case.objective]), results[case.name]
    for result in ranks[1:]:
        for name, value in ranks[0]["params"][-1].items():
            assert torch.equal(result["params"][-1][name], value), name  # the ranks stay in lockstep
    trajectory = ranks[0]["params"][:-1]
    exact = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float64)
    single = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float32)
    assert exact["terms"][-1]["entropy_skipped"] == 0 and exact["terms"][-1]["nce"] > 0
    # Each rank's loss and terms cover its own rows (the batch-level H is the same global value on every
    # rank), so their mean over ranks is the one-device value.
    for key in exact["terms"][0].keys() | exact["terms"][-1].keys():
        steps = [i for i, t in enumerate(exact["terms"]) if key in t]
        mean = np.mean([[r["terms"][i][key] for i in steps] for r in ranks], axis=0)
        np.testing.assert_allclose(mean, [exact["terms"][i][key] for i in steps], rtol=1e-5, atol=1e-7, err_msg=key)
    for result in ranks:
        assert result["terms"][-1]["entropy"] == pytest.approx(exact["terms"][-1]["entropy"], rel=1e-5)
    assert_gradients_match(ranks, exact, single)


def assert_gradients_match(ranks: list[dict], exact: dict, single: dict) -> None:
    """Every rank's every gradient at every step within max(1e-5, 10x the one-process fp32 error) of
    the fp64 reference (see gradient_errors)."""
    for rank, result in enumerate(ranks):
        for step, (grads, truth, fp32) in enumerate(zip(result["grads"], exact["grads"], single["grads"])):
            assert grads.keys() == truth.keys()
            errors, fp32_errors = gradient_errors(grads, truth), gradient_errors(fp32, truth)
            for name, error in errors.items():
                assert error < max(1e-5, 10 * fp32_errors[name]), (rank, step, name, error, fp32_errors[name])


def test_summed_accumulation_gives_k_times_the_averaged_gradient(equivalence_runs):
    """accumulation=sum (Self-MM's update_epochs) adds the K micro-batch gradients where DeepSpeed's
    default averages them: from the same parameters, the first step's gradients differ by exactly K."""
    _, results = equivalence_runs
    (average,), (summed,) = results["late_fusion-w1-avg2"], results["late_fusion-w1-sum2"]
    assert all(torch.equal(average["params"][0][n], p) for n, p in summed["params"][0].items())
    for name, grad in average["grads"][0].items():
        torch.testing.assert_close(summed["grads"][0][name], 2 * grad, rtol=1e-6, atol=1e-9, msg=name)
    assert sum(float(g.norm()) for g in average["grads"][0].values()) > 0


def test_stages_step_only_their_own_parameters(small_shards, tmp_path):
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    # Parameters before each of the 4 steps, then the final ones.
    before, _, after0, _, after1 = run_ranks(1, config, [], "mmilb:2,main:2", tmp_path / "stages")[0]["params"]
    changed0 = {n for n in before if not torch.equal(before[n], after0[n])}
    assert changed0 and all(n.startswith("objective.mmilb.") for n in changed0)
    assert any("mlp_mu" in n for n in changed0) and any("mlp_logvar" in n for n in changed0)
    changed1 = {n for n in before if not torch.equal(after0[n], after1[n])}
    assert not any(n.startswith("objective.mmilb.") for n in changed1)
    assert any(n.startswith("model.encoders.text.") for n in changed1)
    assert any(n.startswith("objective.cpc.") for n in changed1) and any(n.startswith("model.fusion.") for n in changed1)
    # entropy_prj is not stepped in epoch 1 (officially its gradient is still None in stage 0).
    projections = [n for n in before if "entropy_prj" in n]
    assert projections and all(torch.equal(before[n], after1[n]) for n in projections)
    # The unused BERT pooler gets a zero gradient from DeepSpeed but is never stepped (no weight decay).
    pooler = [n for n in before if n.startswith("model.encoders.text.") and ".pooler." in n]
    assert pooler and all(torch.equal(before[n], after1[n]) for n in pooler)


@pytest.mark.parametrize("world", [1, 2])
def test_entropy_prj_decays_by_adam_on_zero_gradients_under_every_zero_stage(small_shards, tmp_path, world):
    """objective.mmim.entropy_prj=decayed through the DeepSpeed engine with ZeRO 0, 1 and 2: unchanged through
    epoch 1 (its MMILB and main passes), then each MMILB step of epoch 2 is Adam with L2 decay on a zero
    gradient, from where epoch 2 started (the fp64 recursion of tests/test_mmim_terms.py, to fp32 rounding).
    With entropy_prj=frozen it never moves."""
    from .equivalence import launch
    from .test_mmim_terms import adam_on_decay_alone

    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    phases = "mmilb:1:0,main:3:0,mmilb:3:1"
    ds = REPO / "configs" / "deepspeed"
    jobs = [{"name": f"zero{z}", "config": str(config), "phases": phases,
             "overrides": [f"trainer.deepspeed_config={ds / f'zero{z}_fp32.json'}"]} for z in (0, 1, 2)]
    jobs.append({"name": "frozen", "config": str(config), "phases": phases,
                 "overrides": [f"trainer.deepspeed_config={ds / 'zero2_fp32.json'}",
                               "objective.mmim.entropy_prj=frozen"]})
    results = launch(world, jobs, tmp_path / "decay")
    for name, ranks in results.items():
        params = ranks[0]["params"]  # before each of the 7 steps, then the final values
        projections = [n for n in params[0] if ".entropy_prj." in n]
        assert len(projections) == 4
        for step in range(1, 5):
            assert all(torch.equal(params[step][n], params[0][n]) for n in projections), (name, step)
        for step in (5, 6, 7):
            for n in projections:
                if name == "frozen":
                    assert torch.equal(params[step][n], params[0][n]), (name, step, n)
                else:
                    expected = adam_on_decay_alone(params[4][n].double().numpy(), step - 4)
                    np.testing.assert_allclose(params[step][n].double().numpy(), expected, rtol=1e-6, atol=1e-9,
                                               err_msg=f"{name}, step {step}, {n}")
                    assert not torch.equal(params[step][n], params[step - 1][n])
        for rank in ranks[1:]:
            assert all(torch.equal(rank["params"][-1][n], params[-1][n]) for n in projections)


def test_a_frozen_text_encoder_stays_fixed_while_the_rest_trains(small_shards, tmp_path):
    """model.freeze_text: the text model gets no gradient and no optimizer slot, so DeepSpeed steps
    leave it bit-identical while the other encoders and the fusion head learn."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    result = run_ranks(1, config, ["model.freeze_text=true"], "main:2", tmp_path / "frozen")[0]
    before, after = result["params"][0], result["params"][-1]
    text = [n for n in before if n.startswith("model.encoders.text.")]
    assert text and all(torch.equal(before[n], after[n]) for n in text)
    assert not any(n.startswith("model.encoders.text.") for g in result["grads"] for n in g)
    changed = {n for n in before if not torch.equal(before[n], after[n])}
    assert any(n.startswith("model.encoders.audio.") for n in changed)
    assert any(n.startswith("model.fusion.") for n in changed)


@pytest.mark.parametrize("objective, extra", [
    ("mmim", {}),
    ("self_mi", {"model": {"text_random_init": True, "text_config": dict(TINY_TEXT_CONFIG), "fusion": "self_mm"}}),
], ids=["mmim", "self_mi"])
def test_resume_continues_exactly(small_shards, tmp_path, objective, extra):
    """Resuming from a mid-epoch checkpoint replays the rest of training exactly: the same losses and
    terms at every later step, the same test result, and (Self-MI, whose checkpoint falls in epoch 2
    where labels are generated) the same label banks at the end. The run resumes in its own directory,
    as after a crash: its log is rewound to the checkpoint, so every record appears once."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", objective=objective, extra={
        **extra, "trainer": {"checkpoint_every_steps": 9 if objective == "mmim" else 15, "keep_checkpoints": 10}})
    full = subprocess.run(TRAIN + ["--config", str(config)], env=train_env(), capture_output=True, text=True,
                          timeout=900)
    assert full.returncode == 0, full.stderr[-3000:]
    # 12 steps per pass: MMIM resumes in epoch 1's first pass, Self-MI in epoch 2 (its second pass) at step 3.
    tag, where = ("step00000009", "epoch 1 of 2, stage mmilb, step 9") if objective == "mmim" else \
        ("step00000015", "epoch 2 of 2, stage main, step 3")
    run = tmp_path / "run"
    checkpoint = run / "checkpoints" / tag
    assert checkpoint.is_dir() and (run / "checkpoints" / "latest").read_text().strip() == "epoch0002"
    full_log = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    full_banks = torch.load(run / "checkpoints" / "epoch0002" / "rank0.pt", weights_only=True)["objective"]
    resume_started = time.time()
    resumed = subprocess.run(TRAIN + ["--config", str(config), "--resume", str(checkpoint)],
                             env=train_env(), capture_output=True, text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr[-3000:]
    assert f"resumed from {tag}: {where}" in resumed.stdout
    log = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    first = int(tag[4:]) + 1
    # Records up to the checkpoint are kept as they were; everything after it is logged anew, once.
    kept = sum(r["time"] < resume_started for r in log)
    assert kept == sum(r["step"] < first for r in full_log) and log[:kept] == full_log[:kept]
    assert [(r["kind"], r["step"], r.get("epoch")) for r in log] == \
        [(r["kind"], r["step"], r.get("epoch")) for r in full_log]
    full_train = {r["step"]: r for r in full_log if r["kind"] == "train"}
    resumed_train = {r["step"]: r for r in log if r["kind"] == "train" and r["step"] >= first}
    assert min(resumed_train) == first and set(resumed_train) == {s for s in full_train if s >= first}
    compared = [k for k in full_train[first] if k.split("_")[0] in ("loss", "task", "nce", "lld", "entropy", "label")]
    assert "loss" in compared and (objective == "mmim" or "label_gap_audio" in compared)
    for step, record in resumed_train.items():
        for key in compared:
            assert record[key] == pytest.approx(full_train[step][key], rel=1e-6, abs=1e-7), (step, key)
    final, full_final = ([r for r in records if r["kind"] == "final"] for records in (log, full_log))
    assert len(final) == 1 and final[0]["test_mae"] == pytest.approx(full_final[0]["test_mae"], rel=1e-6)
    if objective == "self_mi":
        banks = [full_banks["banks"], torch.load(run / "checkpoints" / "epoch0002" / "rank0.pt",
                                                 weights_only=True)["objective"]["banks"]]
        for mode, labels in banks[0]["labels"].items():
            np.testing.assert_allclose(banks[1]["labels"][mode].numpy(), labels.numpy(), rtol=1e-6, atol=1e-7)
            np.testing.assert_allclose(banks[1]["features"][mode].numpy(), banks[0]["features"][mode].numpy(),
                                       rtol=1e-6, atol=1e-7)
        assert (banks[0]["labels"]["audio"] != banks[0]["labels"]["fusion"]).any()


def test_two_ranks_through_the_deepspeed_launcher_learn(tmp_path):
    """A smaller quick start: the real launcher, 2 CPU ranks, MMIM; the loss falls and the test metrics
    beat the best constant prediction."""
    shards = tmp_path / "data"
    config = write_train_config(tmp_path / "c.yaml", shards, tmp_path / "run", extra={
        "data": {"prepare": {"source": "synthetic", "shard_size": 64,
                             "options": {"preset": "mosi", "seed": 1, "max_frames": 50,
                                         "sizes": {"train": 512, "valid": 128, "test": 128}}}},
        # A randomly initialised text encoder learns at the main rate, not the pretrained-model rate.
        "trainer": {"epochs": 4, "lr_text": 1e-3,
                    "deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")}})
    port = free_port()
    launcher = str(Path(sys.executable).parent / "deepspeed")
    result = subprocess.run([launcher, "--num_gpus", "2", "--master_port", str(port), str(REPO / "launch" / "train.py"),
                             "--config", str(config)], env=train_env(), capture_output=True, text=True, timeout=900,
                            cwd=tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    assert "world 2 (torch), micro-batch 16, global batch 32" in result.stdout
    train = records(tmp_path / "run")
    main = [r for r in train if r["stage"] == "main"]
    assert main[0]["global_batch"] == 32 and main[0]["negatives_per_row"] == 31
    first, last = np.mean([r["task"] for r in main[:8]]), np.mean([r["task"] for r in main[-8:]])
    assert last < 0.9 * first, (first, last)
    final = records(tmp_path / "run", "final")[0]
    labels = np.array([s.label for s in iter_split_samples(shards, "test")])
    constant_mae = np.mean(np.abs(labels - np.median(labels)))
    assert final["test_mae"] < 0.95 * constant_mae and final["test_corr"] > 0.3, (final, constant_mae)
    assert final["test_samples"] == 128
    assert any((tmp_path / "run" / "tensorboard").iterdir())

    # launch/eval.py on the exported best model reproduces the selected epoch's test metrics, and the
    # consolidated fp32 export of the last (ZeRO-2) checkpoint reproduces the last epoch's.
    def evaluate(*args):
        out = subprocess.run([sys.executable, str(REPO / "launch" / "eval.py"), *args], env=train_env(),
                             capture_output=True, text=True, timeout=300, cwd=tmp_path)
        assert out.returncode == 0, out.stderr[-3000:]
        return json.loads(out.stdout[out.stdout.index("{"):])

    best = evaluate("--model", str(tmp_path / "run" / "best_model"))
    assert best["mae"] == pytest.approx(final["test_mae"], rel=1e-6)
    exported = tmp_path / "last"
    export = subprocess.run([sys.executable, str(REPO / "launch" / "export.py"), "--checkpoint",
                             str(tmp_path / "run" / "checkpoints" / "latest"), "--out", str(exported)],
                            env=train_env(), capture_output=True, text=True, timeout=300)
    assert export.returncode == 0, export.stderr[-3000:]
    last_test = records(tmp_path / "run", "test")[-1]
    assert evaluate("--model", str(exported))["mae"] == pytest.approx(last_test["mae"], rel=1e-6)


def test_errors_bad_deepspeed_config_and_missing_checkpoint(small_shards, tmp_path):
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    # A relative path on the command line is taken from the working directory.
    missing = subprocess.run(TRAIN + ["--config", str(config), "trainer.deepspeed_config=nowhere.json"],
                             env=train_env(), capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert missing.returncode == 2
    assert f"trainer.deepspeed_config: {tmp_path / 'nowhere.json'} not found" in missing.stderr
    ds = tmp_path / "ds.json"
    ds.write_text(json.dumps({"train_batch_size": 64, "zero_optimization": {"stage": 0}}))
    clash = subprocess.run(TRAIN + ["--config", str(config), f"trainer.deepspeed_config={ds}"],
                           env=train_env(), capture_output=True, text=True, timeout=300)
    assert clash.returncode != 0 and "['train_batch_size'] are set from the run config" in clash.stderr
    no_ckpt = subprocess.run(TRAIN + ["--config", str(config), "--resume", "latest"], env=train_env(),
                             capture_output=True, text=True, timeout=300)
    assert no_ckpt.returncode == 2 and "no checkpoint to resume from" in no_ckpt.stderr
    # TupleInfoNCE's default 10 pre-training epochs leave none to fine-tune in this config's 2.
    no_finetune = subprocess.run(TRAIN + ["--config", str(config), "objective.name=tuple_infonce"],
                                 env=train_env(), capture_output=True, text=True, timeout=300)
    assert no_finetune.returncode == 2 and "pretrain_epochs=10 leaves no fine-tuning epoch" in no_finetune.stderr


def test_zero3_with_feature_cache_accumulation_trains_and_exports(small_shards, tmp_path):
    """ZeRO-3 partitions the parameters; both stages still step with feature-cache accumulation (whose
    loss pass runs outside the engine's forward), the contrast spans both micro-batches, and the
    best-model export gathers the weights."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={
        "data": {"batch_size": 8},
        "trainer": {"deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero3_fp32.json"), "epochs": 1,
                    "max_steps_per_pass": 3, "gradient_accumulation_steps": 2, "accumulation": "feature_cache"}})
    result = subprocess.run(TRAIN + ["--config", str(config)], env=train_env(), capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "global batch 16" in result.stdout and "negatives per row 15 (accumulation: feature_cache)" in result.stdout
    train = records(tmp_path / "run")
    assert [r["stage"] for r in train] == ["mmilb"] * 3 + ["main"] * 3
    main = train[-1]
    assert main["negatives_per_row"] == 15 and main["global_batch"] == 16 and main["samples_seen"] == 6 * 16
    assert all(np.isfinite(r["loss"]) for r in train)
    best = load_file(tmp_path / "run" / "best_model" / "model.safetensors")
    assert all(v.numel() > 0 for v in best.values())
    assert best["model.fusion.linear_3.weight"].shape == (1, 128)
    final = records(tmp_path / "run", "final")[0]
    assert final["test_samples"] == 30 and np.isfinite(final["test_mae"])


def test_epochs_are_numbered_from_one_and_the_run_says_only_what_helps(small_shards, tmp_path):
    """One short ZeRO-2 run through launch/train.py, with the progress bar on and DeepSpeed left to detect
    the accelerator. Epochs are numbered from 1 everywhere a user sees one: metrics.jsonl, the checkpoint
    tags (epochNNNN after epoch NNNN), best_epoch in the final record, the printed result and a finished
    run's summary, and the progress lines, one per epoch left on screen with the run's ETA. What says
    nothing to act on is not printed: DeepSpeed's accelerator guess, its untested-optimizer banner, its op
    build line, torch's all_gather_into_tensor FutureWarning, transformers' loading bar, zero_to_fp32's
    chatter in eval and export."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={"trainer": {
        "epochs": 2, "max_steps_per_pass": 2, "progress_bar": True,
        "deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")}})
    env = {k: v for k, v in train_env().items() if k != "DS_ACCELERATOR"}
    noise = ("Setting accelerator", "untested optimizer", "built successfully", "FutureWarning", "Loading weights",
             "Processing zero checkpoint", "Loading checkpoint shards", "Reconstructed", "Traceback")

    def run(*args, script="train.py"):
        result = subprocess.run([sys.executable, str(REPO / "launch" / script), *args], env=env, capture_output=True,
                                timeout=600, cwd=tmp_path)  # bytes: text mode would turn each \r into a newline
        result.stdout, result.stderr = result.stdout.decode(), result.stderr.decode()
        assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
        said = [word for word in noise if word in result.stdout + result.stderr]
        assert not said, (said, (result.stdout + result.stderr)[-3000:])
        return result

    trained = run("--config", str(config))
    run_dir = tmp_path / "run"
    log = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert sorted({r["epoch"] for r in log if r["kind"] == "train"}) == [1, 2]
    valid = [r for r in log if r["kind"] == "valid"]
    assert [r["epoch"] for r in valid] == [r["epoch"] for r in log if r["kind"] == "test"] == [1, 2]
    assert sorted(p.name for p in (run_dir / "checkpoints").iterdir() if p.is_dir()) == ["epoch0001", "epoch0002"]
    for tag in ("epoch0001", "epoch0002"):  # the tag's number: the epochs done when it was saved
        saved = json.loads((run_dir / "checkpoints" / tag / "checkpoint.json").read_text())["train_state"]
        assert saved["epoch"] == int(tag[5:])
        assert saved["global_step"] == max(r["step"] for r in valid if r["epoch"] == int(tag[5:]))
    best = 1 + int(np.argmin([r["loss"] for r in valid]))
    final = [r for r in log if r["kind"] == "final"]
    assert len(final) == 1 and final[0]["best_epoch"] == best
    printed = json.loads(trained.stdout[trained.stdout.index("{"):])
    assert printed["best_epoch"] == best
    assert printed["test"]["mae"] == pytest.approx(next(r for r in log if r["kind"] == "test" and
                                                        r["epoch"] == best)["mae"])
    assert "[valid] step 4: epoch=1 " in trained.stdout and "[valid] step 8: epoch=2 " in trained.stdout
    assert "; on cpu" in trained.stdout
    # The progress: one line per epoch that stays on screen (carriage returns redraw it; what a terminal
    # shows of each line is its last redraw).
    ends = [line.split("\r")[-1] for line in trained.stderr.split("\n")]
    ends = [line for line in ends if line.strip()]
    assert [line.split(":")[0] for line in ends] == ["epoch 1/2", "epoch 2/2"], trained.stderr[-2000:]
    assert all("100%" in line and "4/4" in line and "main, loss" in line and "ETA" in line for line in ends), ends

    finished = run("--config", str(config), "--resume", "auto")
    assert f"{run_dir}: the run is finished (2 epochs, trainer.epochs=2)" in finished.stdout
    assert json.loads(finished.stdout[finished.stdout.index("{"):])["best_epoch"] == best

    evaluated = run("--checkpoint", str(run_dir), script="eval.py")
    assert json.loads(evaluated.stdout)["samples"] == 30 and not evaluated.stderr.strip()
    exported = run("--checkpoint", str(run_dir), "--out", str(tmp_path / "export"), script="export.py")
    assert exported.stdout.startswith(f"wrote {tmp_path / 'export'} from checkpoint {run_dir / 'checkpoints'}/epoch")
    assert len(exported.stdout.splitlines()) == 1
    assert not exported.stderr.strip()


@pytest.mark.parametrize("rank0, progress_bar", [(True, True), (True, False), (False, True)])
def test_progress_lines_only_on_rank_0_and_when_asked(tmp_path, capsys, rank0, progress_bar):
    """The run's progress (one line per epoch, with the run's ETA) is shown by rank 0 alone, and not at all
    with trainer.progress_bar=false."""
    from dist_mmfuse.runlog import RunLogger

    logger = RunLogger(tmp_path / "run", enabled=rank0, progress_bar=progress_bar)
    logger.plan_run([2, 3])
    for epoch, steps in ((1, 2), (2, 3)):
        logger.start_epoch(epoch)
        logger.start_pass("main")
        logger.advance(steps, {"loss": 0.5, "samples/s": 10})
        logger.end_epoch()
    logger.close()
    err = capsys.readouterr().err
    if rank0 and progress_bar:
        shown = [line.split("\r")[-1] for line in err.split("\n") if line.strip()]
        assert [line.split(":")[0] for line in shown] == ["epoch 1/2", "epoch 2/2"], err
        assert "2/2 [" in shown[0] and "3/3 [" in shown[1] and "main, loss 0.5, samples/s 10, run 0:00" in shown[1]
    else:
        assert err == ""
