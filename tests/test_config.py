"""Config loading: every kind of bad value fails early, naming the file and the key."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import re

import pytest
import yaml

from dist_mmfuse.config import ConfigError, load_config, write_resolved_config


def write(tmp_path, text: str):
    path = tmp_path / "run.yaml"
    path.write_text(textwrap.dedent(text))
    return path


@pytest.fixture
def good(tmp_path, small_shards):
    return write(tmp_path, f"""
        run: {{name: t, output_dir: {tmp_path / 'runs'}}}
        data: {{shard_dir: {small_shards}, batch_size: 8}}
        objective: {{name: mmim}}
    """)


def test_valid_config_loads_and_resolved_config_round_trips(good, tmp_path):
    config = load_config(good, ["data.num_workers=0", "run.seed=7"])
    assert config.data.batch_size == 8 and config.data.num_workers == 0 and config.run.seed == 7
    written = write_resolved_config(config, config.run_dir())
    assert written == tmp_path / "runs" / "t" / "config.yaml"
    again = load_config(written)
    assert again == config


@pytest.mark.parametrize("override, key, words", [
    ("data.batch_size=-4", "data.batch_size", "greater than 0"),
    ("data.batch_size=abc", "data.batch_size", "valid integer"),
    ("data.bad_samples=ignore", "data.bad_samples", "'error' or 'skip'"),
    ("objective.name=clip", "objective.name", "mmim"),
    ("data.shuffle_bufer=3", "data.shuffle_bufer", "unknown key"),
])
def test_bad_values_name_file_key_and_override(good, override, key, words):
    with pytest.raises(ConfigError) as info:
        load_config(good, [override])
    message = str(info.value)
    assert f"{good}: {key}:" in message and words in message and f"from override {override!r}" in message


def test_unknown_key_in_file(tmp_path, small_shards):
    path = write(tmp_path, f"""
        data: {{shard_dir: {small_shards}}}
        optimiser: {{lr: 3}}
    """)
    with pytest.raises(ConfigError, match=rf"{path}: optimiser: unknown key"):
        load_config(path)


@pytest.mark.parametrize("override, nearest", [
    ("trainer.epoch=3", "trainer.epochs"),  # a close spelling in the same section
    ("data.shuffle_bufer=3", "data.shuffle_buffer"),
    ("trainer.batch_size=8", "data.batch_size"),  # the same name in another section
    ("model.encoder_sizes.audio.hiden=8", "model.encoder_sizes.audio.hidden"),  # inside a mapping of sections
    ("objective.tuple_infonce.search.enabeld=true", "objective.tuple_infonce.search.enabled"),
    ("trainr.epochs=3", "trainer"),  # a section: the error is at its name
])
def test_an_unknown_key_names_the_nearest_valid_one(good, override, nearest):
    key = override.partition("=")[0].replace("trainr.epochs", "trainr")
    with pytest.raises(ConfigError) as info:
        load_config(good, [override])
    assert f"{key}: unknown key; did you mean {nearest}? (from override {override!r})" in str(info.value)


def test_an_unknown_key_with_nothing_near_says_only_that(good):
    with pytest.raises(ConfigError) as info:
        load_config(good, ["trainer.zzzz=1"])
    assert str(info.value).endswith("trainer.zzzz: unknown key (from override 'trainer.zzzz=1')"), str(info.value)


def test_the_config_reference_page_is_the_one_the_models_generate():
    """docs/config_reference.md lists every key with its type, default and a description, and equals what
    `python -m dist_mmfuse.config_reference` renders now (regenerate it after changing a model)."""
    from dist_mmfuse.config import Config
    from dist_mmfuse.config_reference import REFERENCE_PAGE, config_keys, render_reference

    repo = Path(__file__).resolve().parents[1]
    page = (repo / REFERENCE_PAGE).read_text()
    assert page == render_reference(), ("docs/config_reference.md is stale: python -m dist_mmfuse.config_reference "
                                        "> docs/config_reference.md")
    keys = list(config_keys())
    assert len(keys) > 150 and all(key.description for key in keys), [k.dotted for k in keys if not k.description]
    defaults = Config.model_validate({"data": {"shard_dir": "x"}}).model_dump(mode="json")
    for key in keys:
        if "<name>" in key.dotted or key.dotted.startswith("data.prepare."):
            continue
        value = defaults
        for part in key.dotted.split("."):
            value = value[part]
        assert key.default == ("required" if key.dotted == "data.shard_dir" else json.dumps(value)), key
    section, _, name = keys[0].dotted.rpartition(".")
    assert f"## `{section}`" in page and f"| `{name}` |" in page


def test_print_config_prints_the_resolved_config_and_exits(good, tmp_path):
    """--print-config: the file with its overrides and every default, as YAML, without touching the run
    directory (it may hold a run)."""
    import subprocess
    import sys

    from .conftest import REPO, train_env

    run_dir = tmp_path / "runs" / "t"
    run_dir.mkdir(parents=True)
    (run_dir / "metrics.jsonl").write_text("")  # a run is there: training would refuse it
    result = subprocess.run([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(good),
                             "trainer.epochs=7", "--print-config"], env=train_env(), capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    printed = yaml.safe_load(result.stdout)
    assert printed == load_config(good, ["trainer.epochs=7"]).model_dump(mode="json")
    assert printed["trainer"]["epochs"] == 7 and printed["trainer"]["patience"] == 10
    assert sorted(p.name for p in run_dir.iterdir()) == ["metrics.jsonl"]


def test_missing_shard_dir_without_prepare(tmp_path):
    path = write(tmp_path, f"data: {{shard_dir: {tmp_path / 'nowhere'}}}\n")
    with pytest.raises(ConfigError, match=r"data.shard_dir: .*nowhere does not exist"):
        load_config(path)


def test_missing_shard_dir_with_prepare_is_fine(tmp_path):
    path = write(tmp_path, f"""
        data:
          shard_dir: {tmp_path / 'later'}
          prepare: {{source: synthetic, options: {{preset: sims}}}}
    """)
    assert load_config(path).data.prepare.source == "synthetic"


def test_unknown_modality_and_split(good):
    with pytest.raises(ConfigError, match=r"data.modalities: unknown modality name\(s\) \['smell'\]"):
        load_config(good, ["data.modalities=[text, smell]"])
    with pytest.raises(ConfigError, match=r"data.valid_split: split 'dev' not in"):
        load_config(good, ["data.valid_split=dev"])
    for key in ("objective.tuple_infonce.search.primary=smell", "objective.tuple_infonce.augment_modalities=[smell]"):
        with pytest.raises(ConfigError, match=rf"{key.split('=')[0]}: unknown modality name\(s\) \['smell'\]"):
            load_config(good, ["objective.name=tuple_infonce", key])
    assert load_config(good, ["objective.tuple_infonce.search.primary=audio"]).objective.tuple_infonce.search.primary \
        == "audio"


def test_a_sample_search_that_could_not_act_is_refused(good):
    """The search sets alpha itself (from search.alpha_init), and beta must change what it is scored on:
    the primary modality needs an augmentation of its kind."""
    search = ["objective.name=tuple_infonce", "objective.tuple_infonce.pretrain_epochs=1", "trainer.epochs=2",
              "objective.tuple_infonce.search.enabled=true"]
    with pytest.raises(ConfigError, match="alpha and alpha_default are what the sample search sets.*alpha_init"):
        load_config(good, [*search, "objective.tuple_infonce.alpha_default=0"])
    with pytest.raises(ConfigError, match=r"primary modality 'text' \(tokens\) has no augmentation among \['noise'\]"):
        load_config(good, [*search, "objective.tuple_infonce.augmentations=[noise]"])
    config = load_config(good, [*search, "objective.tuple_infonce.augmentations=[noise]",
                                "objective.tuple_infonce.search.primary=audio"])
    assert config.objective.tuple_infonce.search.primary == "audio"


def test_unknown_source_and_source_option(tmp_path):
    path = write(tmp_path, f"""
        data:
          shard_dir: {tmp_path / 'x'}
          prepare: {{source: synthetic, options: {{preset: mosi, colour: red}}}}
    """)
    with pytest.raises(ConfigError, match=r"data.prepare.options: .*unknown option\(s\) \['colour'\]"):
        load_config(path)
    with pytest.raises(ConfigError, match=r"data.prepare.source"):
        load_config(path, ["data.prepare.source=imagenet"])


def test_not_yaml_and_not_a_mapping(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("data: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(bad)
    listy = tmp_path / "list.yaml"
    listy.write_text(yaml.safe_dump([1, 2]))
    with pytest.raises(ConfigError, match="mapping"):
        load_config(listy)


def test_malformed_override(good):
    with pytest.raises(ConfigError, match="expected key.sub=value"):
        load_config(good, ["data.batch_size"])
    with pytest.raises(ConfigError, match="is a value, not a section"):
        load_config(good, ["data.batch_size.x=1"])


def test_every_shipped_config_validates():
    """The configs in configs/ are typed and valid (their data need not exist here, nor the BERT that
    self_mm_sims names), DeepSpeed JSONs included."""
    from .conftest import REPO

    paths = sorted((REPO / "configs").glob("*.yaml"))
    assert len(paths) >= 9
    loaded = {p.stem: load_config(p, check_data=False, check_model=p.stem != "self_mm_sims") for p in paths}
    # Self-MM's per-dataset parameters (METHODS.md §2.5) where they differ between datasets.
    mosi, mosei, sims = (loaded[f"self_mm_{d}"] for d in ("mosi", "mosei", "sims"))
    assert (mosi.objective.self_mm.label_clamp, mosei.objective.self_mm.label_clamp,
            sims.objective.self_mm.label_clamp) == (3.0, 3.0, 1.0)
    assert [c.objective.self_mm.head_dims["text"] for c in (mosi, mosei, sims)] == [64, 32, 64]
    assert [c.objective.self_mm.encoder_lr["audio"] for c in (mosi, mosei, sims)] == [1e-3, 5e-3, 5e-3]
    assert [c.model.encoder_sizes["audio"].hidden for c in (mosi, mosei, sims)] == [32, 32, 16]
    assert all(c.trainer.gradient_accumulation_steps == 4 and c.trainer.accumulation == "sum" and
               c.trainer.lr_schedule == "none" and c.trainer.patience == 8 for c in (mosi, mosei, sims))


def test_the_baselines_recipes_carry_mmsa_hyperparameters():
    """configs/baselines: TFN, LMF, MulT and MISA for MMSA's MOSI, MOSEI and SIMS pickles, each with MMSA's
    per-dataset values (config_regression.json) where they differ between datasets."""
    from .conftest import REPO

    loaded = {p.stem: load_config(p, check_data=False, check_model=not p.stem.endswith("sims"))
              for p in sorted((REPO / "configs" / "baselines").glob("*.yaml"))}
    assert sorted(loaded) == sorted(f"{m}_{d}" for m in ("tfn", "lmf", "mult", "misa") for d in ("mosi", "mosei", "sims"))
    assert all(c.model.fusion == name.split("_")[0] for name, c in loaded.items())
    assert [loaded[f"tfn_{d}"].model.tfn.text_out for d in ("mosi", "mosei", "sims")] == [32, 128, 256]
    assert [loaded[f"lmf_{d}"].model.lmf.rank for d in ("mosi", "mosei", "sims")] == [3, 4, 4]
    assert [loaded[f"mult_{d}"].model.mult.conv_kernels["audio"] for d in ("mosi", "mosei", "sims")] == [5, 1, 1]
    assert [loaded[f"misa_{d}"].objective.misa.sim_weight for d in ("mosi", "mosei", "sims")] == [0.3, 0.8, 1.0]
    # MMSA feeds TFN, LMF and MulT fixed BERT features (frozen, no dropout); MISA fine-tunes BERT. All read
    # MMSA's fixed lengths.
    for name, config in loaded.items():
        fixed = not name.startswith("misa")
        assert config.model.freeze_text == fixed and config.data.pad_to_max_len, name
        assert (config.model.text_config.get("hidden_dropout_prob") == 0.0) == fixed, name


def test_self_mm_needs_its_fusion_head_and_known_modalities(good):
    with pytest.raises(ConfigError, match=rf"{good}: Value error, objective self_mi .* set model.fusion=self_mm"):
        load_config(good, ["objective.name=self_mi"])
    with pytest.raises(ConfigError, match=r"objective.self_mm.head_dims: unknown modality name\(s\) \['smell'\]"):
        load_config(good, ["objective.name=self_mm", "model.fusion=self_mm", "objective.self_mm.head_dims={smell: 4}"])


def test_the_old_name_of_model_fusion_still_works_and_says_so(good, tmp_path, capsys, monkeypatch):
    """model.fusion_head (before the fusions became plug-ins) reads as model.fusion, in a file or an override,
    with a note naming the file; both names with different values are refused; saved configs that hold the
    old name (checkpoints, exports, study records) load silently."""
    from dist_mmfuse import config as config_module
    from dist_mmfuse.config import Config, migrate_renamed_keys

    monkeypatch.setattr(config_module, "_NOTED_RENAMES", set())  # said once per process: this test's first
    base = good.read_text()

    def config_file(name: str, model: str) -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(base + f"model: {model}\n")
        return path

    config = load_config(good, ["objective.name=self_mm", "model.fusion_head=self_mm"])
    assert config.model.fusion == "self_mm" and "fusion_head" not in config.model_dump()["model"]
    note = capsys.readouterr().err
    assert f"{good}: model.fusion_head is deprecated: it is now model.fusion" in note
    old_name = config_file("old_name", "{fusion_head: self_mm}")
    assert load_config(old_name, ["objective.name=self_mi"]).model.fusion == "self_mm"
    # An override wins over the file, whichever name either uses; a bad value names the override.
    assert load_config(old_name, ["model.fusion=mmim"]).model.fusion == "mmim"
    assert load_config(config_file("new_name", "{fusion: self_mm}"), ["model.fusion_head=mmim"]).model.fusion == "mmim"
    with pytest.raises(ConfigError, match=r"model.fusion: Input should be .* \(from override 'model.fusion_head=tensor'\)"):
        load_config(good, ["model.fusion_head=tensor"])
    with pytest.raises(ConfigError, match=r"model.fusion_head \(the old name of model.fusion\) is 'self_mm' and "
                                          r"model.fusion is 'mmim'; set model.fusion only"):
        load_config(config_file("both", "{fusion_head: self_mm, fusion: mmim}"))
    saved = yaml.safe_load(write_resolved_config(config, tmp_path / "saved").read_text())
    saved["model"]["fusion_head"] = saved["model"].pop("fusion")
    kept = yaml.safe_load(yaml.safe_dump(saved))
    assert Config.model_validate(saved) == config and saved == kept  # the caller's dict is left as it was
    assert migrate_renamed_keys(saved) == ["model.fusion_head"] and saved["model"]["fusion"] == "self_mm"
    assert capsys.readouterr().err == ""


def test_a_text_model_that_is_not_available_offline_fails_at_config_time():
    """configs/self_mm_sims.yaml names a local bert-base-chinese that nothing ships: the config fails to
    load, naming the key and saying how to supply the model (not a Hugging Face traceback on every rank)."""
    from .conftest import REPO

    with pytest.raises(ConfigError) as info:
        load_config(REPO / "configs" / "self_mm_sims.yaml", check_data=False)
    message = str(info.value)
    assert f"self_mm_sims.yaml: model.text_model: {REPO / 'pretrained' / 'bert-base-chinese'} does not exist" in message
    assert "never downloaded at run time" in message and "huggingface-cli download" in message


@pytest.mark.parametrize("text_config, words", [
    ("{num_hidden_layerz: 1}", r"model.text_config: unknown key\(s\) \['num_hidden_layerz'\]"),
    ("{num_hidden_layers: 1, hidden_dropout_prob: 0.2}", None),
])
def test_text_config_keys_must_be_known_to_the_models_config_class(good, text_config, words):
    if words is None:
        assert load_config(good, [f"model.text_config={text_config}"]).model.text_config["num_hidden_layers"] == 1
    else:
        with pytest.raises(ConfigError, match=rf"{good}: {words}"):
            load_config(good, [f"model.text_config={text_config}"])


@pytest.mark.parametrize("content, words", [
    ('{"zero_optimization": {"stage": 2}', "not valid JSON"),
    ('{"zero_optimisation": {"stage": 2}}', r"unknown key\(s\) \['zero_optimisation'\]"),
    ('{"zero_optimization": {"stage": 7}}', "zero_optimization.stage: Input should be 0, 1, 2, 3"),
    ('{"zero_optimization": {"stagee": 2}}', "zero_optimization.stagee: unknown key"),
    ('{"bf16": {"enabledd": true}}', "bf16.enabledd: unknown key"),
    ('{"train_batch_size": 64}', r"\['train_batch_size'\] are set from the run config"),
])
def test_deepspeed_json_is_validated_by_deepspeed_and_unknown_keys_refused(good, tmp_path, content, words):
    ds = tmp_path / "ds.json"
    ds.write_text(content)
    with pytest.raises(ConfigError, match=rf"{good}: trainer.deepspeed_config: {ds}: .*{words}"):
        load_config(good, [f"trainer.deepspeed_config={ds}"])


@pytest.mark.parametrize("url, message", [
    ("s3://AKIAKEY:SECRET@bucket/mosi", "credentials in the URL would be written into the run's config"),
    ("https://user:pw@example.org/mosi", "credentials in the URL"),
    ("https://example.org/mosi?X-Amz-Signature=abc", "no query or fragment"),
    ("nosuchproto://bucket/mosi", "unknown protocol 'nosuchproto'"),
    ("file://data/mosi", "a file:// URL names no host"),
])
def test_a_shard_dir_url_with_credentials_or_an_unknown_protocol_is_refused(tmp_path, monkeypatch, url, message):
    """A URL is a shard directory, kept as written (no local folder "s3:"); one that carries credentials
    or a signed query is refused, and the refusal does not repeat the secret."""
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, f"data: {{shard_dir: '{url}'}}\n")
    with pytest.raises(ConfigError, match=re.escape(message)) as raised:
        load_config(path)
    assert "SECRET" not in str(raised.value) and "pw@" not in str(raised.value) and "abc" not in str(raised.value)
    assert [p.name for p in tmp_path.iterdir()] == ["run.yaml"]


def test_a_secret_in_an_override_is_not_repeated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "data: {shard_dir: data}\n")
    with pytest.raises(ConfigError, match=r"credentials in the URL .*\(from override 'data.shard_dir=s3://\*\*\*@b/x'\)"
                       ) as raised:
        load_config(path, ["data.shard_dir=s3://AKIAKEY:SECRET@b/x"], check_data=False)
    assert "SECRET" not in str(raised.value) and "AKIAKEY" not in str(raised.value)


def test_a_url_shard_dir_stays_a_url(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, "data: {shard_dir: 's3://bucket/mosi/', cache_dir: cache}\n")
    config = load_config(path, check_data=False)
    assert config.data.shard_dir == "s3://bucket/mosi" and config.data.remote
    assert config.data.cache_dir == tmp_path / "cache"  # relative to the config file, like every path
    assert not (tmp_path / "s3:").exists()


@pytest.mark.parametrize("world, batch", [(1, 250), (2, 150)])
def test_a_batch_larger_than_the_training_split_fails_before_the_process_group(tmp_path, small_shards, world, batch):
    """launch/train.py with data.batch_size above what the training split gives each rank: one sentence
    naming the split, its samples, the batch size and the world size, exit code 2, before any process
    group (rank 0 of a 2-rank launch says so alone, without waiting for its peer)."""
    import subprocess
    import sys

    from .conftest import REPO, train_env, write_train_config

    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    env = {**train_env(), **({"RANK": "0", "WORLD_SIZE": "2", "LOCAL_RANK": "0"} if world == 2 else {})}
    result = subprocess.run([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(config),
                             f"data.batch_size={batch}"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "process group" not in result.stdout
    line = result.stderr.strip()
    assert len(line.splitlines()) == 1, line
    assert (f"data.batch_size={batch} is too large for the training split 'train': its 200 samples over world size "
            f"{world} x 1 loader worker(s) per rank leave {200 // world} per stream") in line, line
    assert line.endswith(f"lower data.batch_size to at most {200 // world}"), line


def test_relative_paths_in_a_config_file_are_taken_from_its_directory(small_shards, tmp_path, monkeypatch):
    """Written in the file: against the file's directory; given as an override: against the working
    directory; the resolved config holds absolute paths, whatever the working directory."""
    import shutil

    from .conftest import REPO

    project = tmp_path / "project"
    shutil.copytree(small_shards, project / "data" / "small")
    shutil.copy(REPO / "configs" / "deepspeed" / "zero0_fp32.json", project / "ds.json")
    (project / "configs").mkdir()
    config_path = project / "configs" / "c.yaml"
    config_path.write_text("run: {output_dir: ../runs}\n"
                           "data: {shard_dir: ../data/small}\n"
                           "trainer: {deepspeed_config: ../ds.json}\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    config = load_config(config_path)
    assert config.data.shard_dir == str(project / "data" / "small")
    assert config.trainer.deepspeed_config == project / "ds.json"
    assert config.run_dir() == project / "runs" / "run"
    overridden = load_config(config_path, ["run.output_dir=mine", "data.shard_dir=~/nowhere_at_all"],
                             check_data=False)
    assert overridden.run.output_dir == elsewhere / "mine"
    assert overridden.data.shard_dir == str(Path.home() / "nowhere_at_all")
    # Unset, the DeepSpeed settings are ZeRO-0 in fp32 (no file needed).
    default = load_config(config_path, ["trainer.deepspeed_config=null"])
    assert default.trainer.deepspeed_config is None
    from dist_mmfuse.config import deepspeed_settings, zero_stage

    settings = deepspeed_settings(default)
    assert zero_stage(settings) == 0 and not settings.get("bf16", {}).get("enabled")


@pytest.mark.parametrize("track, split", [("mosi_real_cpu", "std"), ("mosi_real_bclstm_cpu", "bclstm")])
def test_mosi_real_cpu_track_configs(track, split):
    """The CPU track of the real CMU-MOSI comparison (issue 23): one config per method recipe, all on the
    same text_features shards, each with its recipe's length, early stopping and batch on one rank; the
    study's arms are these configs."""
    import yaml

    from .conftest import REPO

    configs = {p.stem: load_config(p, check_data=False) for p in sorted((REPO / "configs" / track).glob("*.yaml"))}
    baselines = ("tfn", "lmf", "mult", "misa")
    assert sorted(configs) == sorted(["late_fusion", "mmim", "self_mi", "self_mm", "tuple_infonce", *baselines])
    data = {(c.data.shard_dir, c.data.train_split, c.data.valid_split, c.data.test_split,
             str(c.data.modalities), c.data.prepare.model_dump_json()) for c in configs.values()}
    assert len(data) == 1
    options = configs["mmim"].data.prepare.options
    assert options["split"] == split and options["text_features"] is True and options["text_pooling"] == "mean"
    assert options.get("features", ["audio"]) == (["audio"] if split == "std" else ["audio", "video"])
    assert {name: c.objective.name for name, c in configs.items() if name not in baselines} == \
        {name: name for name in configs if name not in baselines}
    # The baselines: their fusion, trained with MMSA's MOSI recipe (config_regression.json and its trainers).
    assert {name: (configs[name].model.fusion, configs[name].objective.name) for name in baselines} == {
        "tfn": ("tfn", "late_fusion"), "lmf": ("lmf", "late_fusion"), "mult": ("mult", "late_fusion"),
        "misa": ("misa", "misa")}
    recipe = {name: (configs[name].data.batch_size, configs[name].trainer.gradient_accumulation_steps,
                     configs[name].trainer.lr_main, configs[name].trainer.weight_decay_main,
                     configs[name].trainer.grad_clip_value, configs[name].trainer.lr_schedule,
                     configs[name].trainer.patience, configs[name].trainer.min_improvement) for name in baselines}
    assert recipe == {"tfn": (32, 1, 1e-3, 0.0, 0.0, "none", 8, 1e-6), "lmf": (64, 1, 1e-3, 0.005, 0.0, "none", 8, 1e-6),
                      "mult": (16, 8, 2e-3, 0.0, 0.6, "plateau", 8, 1e-6), "misa": (16, 2, 1e-4, 0.0, 0.8, "none", 8, 1e-6)}
    assert configs["mult"].trainer.accumulation == configs["misa"].trainer.accumulation == "sum"
    assert (configs["mult"].trainer.plateau_factor, configs["mult"].trainer.plateau_patience) == (0.1, 5)
    assert configs["misa"].trainer.select_on == "mse" and configs["lmf"].model.lmf.rank == 3
    assert configs["tfn"].model.tfn.post_fusion_dim == 64 and configs["mult"].model.mult.dim == 50
    for name in ("mmim", "late_fusion"):  # MMIM's recipe (METHODS.md §1.4-1.5)
        trainer = configs[name].trainer
        assert (configs[name].data.batch_size, trainer.epochs, trainer.patience, trainer.lr_schedule,
                trainer.plateau_patience, trainer.grad_clip, trainer.gradient_accumulation_steps) == \
            (32, 40, 10, "plateau", 20, 1.0, 1)
    for name in ("self_mm", "self_mi"):  # Self-MM's (METHODS.md §2.5): 32 x 4 summed batches on one rank
        trainer = configs[name].trainer
        assert (configs[name].data.batch_size, trainer.gradient_accumulation_steps, trainer.accumulation,
                trainer.patience, trainer.min_improvement, trainer.lr_schedule, trainer.grad_clip) == \
            (32, 4, "sum", 8, 1e-6, "none", 0.0)
        assert trainer.epochs >= 100
    tuple_config = configs["tuple_infonce"]
    tuple_cfg = tuple_config.objective.tuple_infonce
    assert (tuple_cfg.mode, tuple_cfg.pretrain_epochs, tuple_config.trainer.epochs - tuple_cfg.pretrain_epochs,
            tuple_config.trainer.patience) == ("pretrain_finetune", 20, 40, 10)
    study = yaml.safe_load((REPO / "configs" / "study" / f"{track}.yaml").read_text())
    arms = {name: (REPO / "configs" / "study" / arm["config"]).resolve() for name, arm in study["arms"].items()}
    assert arms == {"constant": REPO / "configs" / track / "mmim.yaml",
                    **{name: REPO / "configs" / track / f"{name}.yaml" for name in configs}}
    assert study["arms"]["constant"]["kind"] == "constant" and study["reference"] == "late_fusion"
    assert study["seeds"] == list(range(1, 11)) and study["trial"]["workers"] == 1
    assert study["comparisons"][0] == ["self_mi", "self_mm"]  # Self-MI is Self-MM plus its CPC terms
    # then MI methods against a baseline (the strongest of the study's, chosen after its runs)
    assert all(a in ("mmim", "self_mm", "self_mi", "tuple_infonce") and b in ("tfn", "lmf", "mult", "misa")
               for a, b in study["comparisons"][1:])
