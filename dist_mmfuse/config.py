"""Typed, validated run configuration: YAML files in ``configs/`` plus ``key.sub=value`` overrides.

Everything that can be checked without building a process group or a model is checked at load time:
unknown keys, wrong types, impossible values, a shard directory that is missing (and not to be
built), modality and split names the dataset does not have, source options the converter does not
take, the DeepSpeed JSON (parsed and validated by DeepSpeed's own config classes, unknown keys
refused), and the text model (present offline, ``model.text_config`` keys known to its config class).
Errors name the file and the dotted key, and say when the value came from an override.

Relative paths written in a config file are taken from that file's directory, so a config works from any
working directory; relative paths given on the command line (overrides) are taken from the working
directory. The resolved config holds absolute paths.
"""

from __future__ import annotations

import copy
import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any, Callable, Literal

import yaml
from pydantic import (BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt, ValidationError, field_validator,
                      model_validator)

from .manifest import MANIFEST_NAME, Manifest, load_manifest
from .storage import check_location, is_url, redact_credentials

# The objectives this system implements; each is a plug-in chosen by name.
OBJECTIVE_NAMES = ("late_fusion", "mmim", "self_mm", "self_mi", "tuple_infonce", "misa")
# The fusion plug-ins (models/fusion/), chosen by model.fusion.
FUSION_NAMES = ("mmim", "self_mm", "tfn", "lmf", "mult", "misa")
# The baselines' fusions train with their own recipe: the objectives each allows (the task loss alone).
BASELINE_FUSIONS = {"tfn": ("late_fusion",), "lmf": ("late_fusion",), "mult": ("late_fusion",),
                    "misa": ("misa", "late_fusion")}
BATCH_NORM_FUSIONS = ("tfn", "lmf")  # their sub-networks normalise with batch statistics
# Keys that were renamed: (old dotted key, new dotted key). Configs, checkpoints and exports that use an old
# key still load (``migrate_renamed_keys``); a config file a user wrote says so once.
RENAMED_KEYS = (("model.fusion_head", "model.fusion"),)
SOURCE_NAMES = ("synthetic", "mmsa", "mult", "table", "mosi_real")
# DeepSpeed keys the trainer sets from the run config (data.batch_size, trainer.*).
RUN_CONFIG_KEYS = ("train_batch_size", "train_micro_batch_size_per_gpu", "gradient_accumulation_steps",
                   "gradient_clipping", "optimizer", "scheduler")
# Config keys that hold paths (besides the path options of data.prepare's source, Source.path_options).
PATH_KEYS = (("run", "output_dir"), ("data", "shard_dir"), ("data", "cache_dir"), ("trainer", "deepspeed_config"), ("model", "text_model"),
             ("model", "init_from"))
# trainer.deepspeed_config unset: ZeRO-0 in fp32 (configs/deepspeed/zero0_fp32.json says the same).
DEFAULT_DEEPSPEED = {"zero_optimization": {"stage": 0}, "zero_allow_untested_optimizer": True,
                     "wall_clock_breakdown": False}


class ConfigError(ValueError):
    """A configuration problem; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class RunConfig(_Strict):
    name: str = Field("run", min_length=1, description="run name; the run directory is output_dir/name")
    output_dir: Path = Field(Path("runs"), description="parent of run directories")
    seed: int = Field(1111, description="seed for model initialisation and data order")
    report_to: list[Literal["tensorboard", "wandb"]] = Field(
        default_factory=lambda: ["tensorboard"],
        description="where rank 0 logs the scalars besides metrics.jsonl: tensorboard (<run>/tensorboard), wandb "
                    "(Weights & Biases, <run>/wandb; WANDB_MODE=offline for a local run that `wandb sync` uploads "
                    "later); [] for metrics.jsonl only")
    wandb_project: str = Field("dist_mmfuse", min_length=1, description="the W&B project (run.report_to: wandb)")
    wandb_entity: str | None = Field(None, description="the W&B team or user; default: the account's default entity")
    wandb_tags: list[str] = Field(default_factory=list, description="tags of the W&B run")

    @field_validator("report_to", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        # `run.report_to=wandb` on the command line is a string; repeated names count once.
        value = [value] if isinstance(value, str) else value
        return list(dict.fromkeys(value)) if isinstance(value, list) else value


class PrepareConfig(_Strict):
    """How to build ``data.shard_dir`` when it has no manifest yet (the sharding tool's options)."""

    source: Literal[SOURCE_NAMES] = Field(  # type: ignore[valid-type]
        description="the sharding source that builds the directory (docs/data.md lists them)")
    options: dict[str, Any] = Field(default_factory=dict, description="keyword options of the source")
    shard_size: PositiveInt = Field(1000, description="samples per shard")
    feature_dtype: Literal["float16", "float32"] = Field("float16", description="dtype the features are stored in")
    procs: PositiveInt = Field(1, description="processes that build shards in parallel")
    modalities: list[str] | None = Field(None, description="keep only these modalities (default: all)")


class DataConfig(_Strict):
    shard_dir: str = Field(description="shard directory: a local path or a URL (http(s)://, s3://, gs://); a URL's "
                                       "shards are built beforehand (data.prepare builds local directories only)")
    cache_dir: Path | None = Field(None, description="local cache of shards read from a URL (by content digest)")
    cache_max_gb: float | None = Field(20.0, gt=0, description="cache size limit; least recently used shards go")
    retry_for_s: float = Field(600.0, gt=0, description="how long reads from a shard URL retry a transient failure "
                                                        "(a dropped connection, a timeout, HTTP 408/429/5xx) before "
                                                        "the run stops: an outage up to this long is survived")
    prepare: PrepareConfig | None = None
    train_split: str = Field("train", description="the split trained on")
    valid_split: str = Field(
        "valid", description="the split that selects the epoch, early-stops and drives the plateau schedule")
    test_split: str = Field("test", description="the split reported at the selected epoch")
    modalities: list[str] | None = Field(None, min_length=2, description="use only these modalities")
    batch_size: PositiveInt = Field(32, description="per-rank micro-batch size")
    eval_batch_size: PositiveInt | None = Field(
        None, description="per-rank batch size for validation and test; default: data.batch_size")
    num_workers: NonNegativeInt = Field(
        2, description="loader worker processes per rank (0: load in the rank's own process)")
    shuffle_buffer: NonNegativeInt = Field(
        1000, description="samples in each worker's shuffle buffer (0: no shuffling within shards; shard order is "
                          "still shuffled)")
    prefetch_factor: PositiveInt = Field(4, description="batches each worker prepares ahead")
    pad_to_max_len: bool = Field(False, description="pad to the schema's max_len (static shapes) not the batch max")
    bad_samples: Literal["error", "skip"] = Field(
        "error", description="a sample that fails its checks (NaN/Inf, shapes, labels): error stops the run naming it, "
                             "skip counts it and goes on")
    verify_checksums: bool = Field(True, description="check each shard's sha256 against the manifest before reading it")
    pin_memory: bool | Literal["auto"] = Field(
        "auto", description="pin batches in page-locked memory for faster copies to the GPU (auto: when a GPU is used)")

    @field_validator("shard_dir", mode="before")
    @classmethod
    def _location(cls, value: Any) -> Any:
        # Kept a string: Path("s3://bucket/x") would collapse to "s3:/bucket/x", a local folder named "s3:".
        if isinstance(value, Path):
            value = str(value)
        return check_location(value) if isinstance(value, str) else value

    @property
    def remote(self) -> bool:
        return is_url(self.shard_dir)


class EncoderSizes(_Strict):
    """One modality's encoder sizes, overriding the model-wide defaults."""

    hidden: PositiveInt | None = Field(
        None, description="hidden size of this modality's encoder (default: model.sequence_hidden or "
                          "model.vector_hidden)")
    out: PositiveInt | None = Field(
        None, description="output size of this modality's encoder (default: model.sequence_out or model.vector_out)")


Dropout = Annotated[float, Field(ge=0, lt=1)]


# The switches MMSA's sub-networks of TFN and LMF share.
def _time_mean_field():
    return Field("padded", description="a sequence's mean over time, the sub-network's input: padded = the sum over "
                                       "its frames divided by the dataset's fixed length max_len (official: MMSA "
                                       "averages the zero-padded arrays); valid = over its real frames")


def _text_lstm_field():
    return Field("padded", description="the text LSTM's final state: padded = after every position of the batch "
                                       "(official: it runs over padding; data.pad_to_max_len makes that the "
                                       "dataset's fixed length, as in MMSA); packed = after the last real token")


class TFNConfig(_Strict):
    """TFN (Zadeh et al., 2017) as MMSA implements it; defaults: MMSA's config_regression.json for MOSI."""

    hidden_dims: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"text": 128, "audio": 32, "vision": 128},
        description="each modality's sub-network width (MMSA hidden_dims); the text LSTM's hidden size for a token "
                    "modality; a modality not named gets hidden_dim")
    hidden_dim: PositiveInt = Field(32, description="sub-network width of a modality not named in hidden_dims")
    text_out: PositiveInt = Field(32, description="the text sub-network's output size")
    dropouts: dict[str, Dropout] = Field(
        default_factory=lambda: {"text": 0.3, "audio": 0.3, "vision": 0.3},
        description="each feature sub-network's input dropout (MMSA dropouts); a token modality's is inert, as "
                    "officially (a one-layer LSTM's dropout is set to 0); a modality not named gets dropout")
    dropout: Dropout = Field(0.3, description="input dropout of a modality not named in dropouts")
    post_fusion_dim: PositiveInt = Field(64, description="width of the two post-fusion layers (MMSA post_fusion_dim)")
    post_fusion_dropout: Dropout = Field(
        0.5, description="dropout of the fusion tensor before the post-fusion layers (MMSA post_fusion_dropout)")
    time_mean: Literal["padded", "valid"] = _time_mean_field()
    text_lstm: Literal["padded", "packed"] = _text_lstm_field()
    output_range: Literal["official", "labels"] = Field(
        "official", description="the prediction is a sigmoid scaled to (-3, 3) for every dataset (official) or to "
                                "the dataset's label range (labels; the same on MOSI and MOSEI)")
    max_tensor_features: PositiveInt = Field(
        50_000_000, description="refuse a fusion tensor (the product of every modality's size + 1) larger than this "
                                "many features per sample, before any process group")


class LMFConfig(_Strict):
    """LMF (Liu et al., 2018) as MMSA implements it; defaults: MMSA's config_regression.json for MOSI."""

    hidden_dims: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"text": 128, "audio": 16, "vision": 128},
        description="each modality's sub-network width (MMSA hidden_dims); a modality not named gets hidden_dim")
    hidden_dim: PositiveInt = Field(16, description="sub-network width of a modality not named in hidden_dims")
    text_out: PositiveInt | None = Field(None, description="the text sub-network's output size; null: half its "
                                                          "hidden size (official: MMSA ignores text_out for LMF)")
    dropouts: dict[str, Dropout] = Field(
        default_factory=lambda: {"text": 0.3, "audio": 0.3, "vision": 0.3},
        description="each feature sub-network's input dropout; a token modality's is inert, as officially")
    dropout: Dropout = Field(0.3, description="input dropout of a modality not named in dropouts")
    rank: PositiveInt = Field(3, description="the rank of the modality-specific factors (the fusion vector's size)")
    factor_lr: float | None = Field(None, gt=0, description="learning rate of the modality-specific factors (MMSA's "
                                                            "factor_lr); null: trainer.lr_main (MMSA MOSI: both 1e-3)")
    parameter_slices: Literal["official", "all"] = Field(
        "official", description="official: MMSA's optimizer takes parameters()[:3] (the factors) and "
                                "parameters()[5:] (the sub-networks), so the rank weights and the bias "
                                "(parameters()[3:5]) keep their initial values; all: they train too")
    time_mean: Literal["padded", "valid"] = _time_mean_field()
    text_lstm: Literal["padded", "packed"] = _text_lstm_field()


class MulTConfig(_Strict):
    """MulT (Tsai et al., 2019) as MMSA implements it (``models/singleTask/MULT.py`` and its
    ``transformers_encoder``); defaults: MMSA's config_regression.json for MOSI."""

    dim: PositiveInt = Field(50, description="every modality's projected width (MMSA dst_feature_dim_nheads[0])")
    heads: PositiveInt = Field(10, description="attention heads (dst_feature_dim_nheads[1]); dim must divide by it")
    layers: PositiveInt = Field(4, description="layers of each crossmodal transformer (MMSA nlevels)")
    memory_layers: PositiveInt = Field(3, description="the self-attention (memory) transformers have "
                                                      "max(layers, memory_layers) layers, as MMSA")
    conv_kernels: dict[str, PositiveInt] = Field(
        default_factory=lambda: {"text": 5, "audio": 5, "vision": 5},
        description="each modality's temporal convolution kernel (MMSA conv1d_kernel_size_l/a/v; no padding, no "
                    "bias; a modality already dim wide is not convolved); a modality not named gets conv_kernel")
    conv_kernel: PositiveInt = Field(
        5, description="temporal convolution kernel of a modality not named in conv_kernels")
    attn_dropout: Dropout = Field(0.3, description="attention dropout where the text is attended to, and in every "
                                                   "memory transformer (MMSA attn_dropout)")
    attn_dropouts: dict[str, Dropout] = Field(
        default_factory=lambda: {"audio": 0.2, "vision": 0.0},
        description="attention dropout where this modality is attended to (MMSA attn_dropout_a, attn_dropout_v); "
                    "a modality not named gets attn_dropout")
    relu_dropout: Dropout = Field(
        0.0, description="dropout after the feed-forward ReLU of each transformer layer (MMSA relu_dropout)")
    res_dropout: Dropout = Field(0.0, description="dropout on each residual branch (MMSA res_dropout)")
    embed_dropout: Dropout = Field(0.2, description="dropout of each transformer's scaled input (query, key and "
                                                    "value each drawn apart, as MMSA)")
    text_dropout: Dropout = Field(0.5, description="dropout of a token modality's sequence before its convolution")
    output_dropout: Dropout = Field(0.5, description="dropout inside the residual block before the prediction")
    causal_mask: bool = Field(True, description="MMSA attn_mask: step i attends to steps up to i + |length "
                                                "difference| of the other sequence")
    padding: Literal["attend", "mask"] = Field(
        "attend", description="attend (official): padded steps are attended to like data and the last step of the "
                              "padded batch is read out (data.pad_to_max_len makes it the dataset's fixed length, "
                              "as in MMSA's arrays); mask: padded steps are masked and each sample's last real "
                              "step is read out")


class MISAConfig(_Strict):
    """MISA (Hazarika et al., 2020) as MMSA implements it (``models/singleTask/MISA.py``); defaults: MMSA's
    config_regression.json for MOSI. Its losses are objective.misa's."""

    hidden_size: PositiveInt = Field(128, description="the shared space's width")
    dropout: Dropout = Field(0.2, description="dropout of the fusion layers")
    rnncell: Literal["lstm", "gru"] = Field("lstm", description="the cell of a feature modality's two bidirectional "
                                                                "recurrent layers")
    sequence_lengths: Literal["text", "own"] = Field(
        "text", description="how far a feature modality's recurrent layers read its frames: text (official: MMSA "
                            "packs audio and video with the text's token count, cut to their padded length here); "
                            "own: each sequence's real length")
    transformer_heads: PositiveInt = Field(2, description="heads of the fusion transformer (MMSA: nhead=2)")
    transformer_ff: PositiveInt = Field(2048, description="its feed-forward width (torch's default, as MMSA)")
    transformer_dropout: Dropout = Field(0.1, description="its dropout (torch's default, as MMSA)")


class ModelConfig(_Strict):
    """Encoders and fusion head (defaults: MMIM's, METHODS.md §1.2 and §1.5)."""

    init_from: Path | None = Field(None, description="an export directory (<run>/best_model, launch/export.py) whose "
                                                     "weights a new run starts from (fine-tuning); shapes are checked")
    text_model: Path | None = Field(None, description="local transformers model path; default: packaged MiniLM-L6")
    text_random_init: bool = Field(False, description="build the text model from its config, without weights")
    text_config: dict[str, Any] = Field(default_factory=dict, description="overrides of the text model's config")
    freeze_text: bool = Field(False, description="keep the text model fixed: no gradients, not in the optimizer "
                                                 "(a pretrained feature extractor; its dropout still acts in training)")
    sequence_hidden: PositiveInt = Field(16, description="hidden size of the LSTM encoder of a sequence modality")
    sequence_out: PositiveInt = Field(16, description="output size of a sequence modality's encoder")
    sequence_layers: PositiveInt = Field(1, description="LSTM layers of a sequence modality's encoder")
    bidirectional: bool = Field(False, description="bidirectional LSTMs for sequence modalities")
    sequence_impl: Literal["packed", "last_step"] = Field(
        "packed", description="packed: each sample's LSTM state at its own last step (MMIM); last_step: the padded "
                              "batch's last step")
    vector_hidden: PositiveInt = Field(64, description="hidden size of the MLP encoder of a vector modality")
    vector_out: PositiveInt = Field(16, description="output size of a vector modality's encoder")
    encoder_dropout: float = Field(0.1, ge=0, lt=1, description="dropout in the sequence and vector encoders")
    fusion_hidden: PositiveInt = Field(128, description="hidden size of the mmim and self_mm fusion layers")
    fusion_dropout: float = Field(0.1, ge=0, lt=1, description="dropout before the mmim and self_mm fusion layers")
    init: Literal["xavier", "default"] = Field(
        "xavier", description="xavier: MMIM's xavier_normal_ on every matrix outside the pretrained text encoder; "
                              "default: torch's own initialisation (Self-MM; and, unless set, the baseline fusions "
                              "tfn, lmf, mult and misa, which then initialise as MMSA does)")
    fusion: Literal[FUSION_NAMES] = Field(  # type: ignore[valid-type]
        "mmim", description="the fusion plug-in (dist_mmfuse/models/fusion/). mmim: dropout, tanh, tanh (the fusion "
                            "vector is the second layer); self_mm: dropout, ReLU, ReLU (the fusion vector is the "
                            "first layer, Self-MM's F_f); tfn: tensor fusion (model.tfn); lmf: low-rank fusion "
                            "(model.lmf); mult: crossmodal transformers (model.mult); misa: modality-invariant and "
                            "-specific spaces (model.misa, with objective misa). Formerly model.fusion_head, which "
                            "still works")
    encoder_sizes: dict[str, EncoderSizes] = Field(
        default_factory=dict, description="per-modality hidden/out sizes of sequence and vector encoders "
                                          "(Self-MM: audio LSTM 32 -> 16, video 64 -> 32)")
    tfn: TFNConfig = Field(default_factory=TFNConfig, description="model.fusion=tfn's settings")
    lmf: LMFConfig = Field(default_factory=LMFConfig, description="model.fusion=lmf's settings")
    mult: MulTConfig = Field(default_factory=MulTConfig, description="model.fusion=mult's settings")
    misa: MISAConfig = Field(default_factory=MISAConfig, description="model.fusion=misa's settings")


class MMIMConfig(_Strict):
    """MMIM (METHODS.md §1). Defaults reproduce the official code; the switches are its known problems."""

    alpha: float = Field(0.1, ge=0, description="weight of the CPC term")
    beta: float = Field(0.1, ge=0, description="weight of the BA bound (lld and entropy)")
    contrast: bool = Field(True, description="official --contrast: stage 0, CPC and lld (the entropy term stays)")
    pairs: list[tuple[str, str]] | None = Field(
        None, description="MMILB (x, y) modality pairs; default: the token modality with each other modality")
    cpc_layers: PositiveInt = Field(1, description="Linear layers of each CPC predictor (official: 1)")
    cpc_activations: Literal["first", "every"] = Field(
        "first", description="with cpc_layers >= 3: a Tanh after the first Linear only (official: Linear, Tanh, "
                             "Linear, Linear, ...) or after every Linear but the last")
    mem_size: PositiveInt = Field(1, description="past batches in the entropy memory (hard-coded 1 officially)")
    lr_mmilb: float = Field(1e-3, gt=0, description="learning rate of the MMILB estimators' Adam (official lr_mmilb)")
    weight_decay_mmilb: float = Field(1e-4, ge=0, description="weight decay of the MMILB estimators' Adam")
    entropy_prj: Literal["decayed", "frozen"] = Field(
        "decayed", description="the entropy projection: decayed = stepped by the MMILB Adam on a zero gradient (its "
                               "weight decay alone) in every MMILB pass from epoch 2, as under the official torch "
                               "1.7.1; frozen = never stepped, as under torch >= 2")
    stage0_fraction: float = Field(1.0, gt=0, le=1, description="share of batches in stage 0, rounded up as the "
                                                               "official loop does (official MOSEI: 0.5)")
    lld_logvar_term: bool = Field(False, description="add the -1/2 logvar the official lld omits (§1.8.1)")
    logvar_tanh: bool = Field(False, description="bound logvar with a Tanh as CLUB does (§1.3)")
    cpc_temperature: float = Field(1.0, gt=0, description="CPC critic temperature (official: 1, see §10)")
    learn_temperature: bool = Field(False, description="learn the CPC temperature (clamped to >= 0.01)")


class SelfMMConfig(_Strict):
    """Self-MM (METHODS.md §2), also the base of Self-MI. Defaults: the Self-MM repo's MOSI config.

    Modalities are named as in the dataset; the text encoder's optimizer settings are trainer.lr_text and
    trainer.weight_decay_text (Self-MM's lr_bert, wd_bert), the remaining parameters use trainer.lr_main
    and trainer.weight_decay_main (lr_other, wd_other)."""

    head_dims: dict[str, PositiveInt] = Field(
        default_factory=dict, description="post_<modality>_dim of each unimodal head (default: head_dim)")
    head_dim: PositiveInt = Field(32, description="post_<modality>_dim of unimodal heads not named in head_dims")
    head_dropouts: dict[str, Annotated[float, Field(ge=0, lt=1)]] = Field(
        default_factory=dict, description="post_<modality>_dropout of each unimodal head (default: head_dropout)")
    head_dropout: float = Field(
        0.1, ge=0, lt=1, description="post_<modality>_dropout of unimodal heads not named in head_dropouts")
    label_clamp: float = Field(3.0, gt=0, description="H: generated labels are clamped to [-H, H] (SIMS: 1)")
    exclude_zero: bool = Field(False, description="positive centre over labels > 0 (MMSA) instead of >= 0 (Self-MM)")
    encoder_lr: dict[str, float] = Field(
        default_factory=dict, description="learning rate of a non-text modality's encoder (lr_audio, lr_video); "
                                          "default trainer.lr_main")
    encoder_weight_decay: dict[str, float] = Field(
        default_factory=dict, description="weight decay of a non-text modality's encoder; default "
                                          "trainer.weight_decay_main")


class SelfMIConfig(_Strict):
    """Self-MI's CPC term (METHODS.md §3.3: a reconstruction; each "choose" there is a switch here)."""

    alpha: float = Field(0.1, ge=0, description="weight of the CPC term: L = L_SelfMM + alpha * sum_m nce_m")
    ba_weight: float = Field(0.0, ge=0, description="weight beta of MMIM's BA term (METHODS.md §3.3, optional): "
                                                    "L -= beta * (lld + H), with an MMILB pass before each main pass; "
                                                    "0 = off. The estimators' settings are objective.mmim's")
    ba_pairs: list[tuple[str, str]] | None = Field(
        None, description="MMILB (x, y) modality pairs of the BA term; default: the token modality with each other")
    cpc_activations: Literal["first", "every"] = Field(
        "first", description="with cpc_layers >= 3: a Tanh after the first Linear only (MMIM's CPC) or after every "
                             "Linear but the last")
    cpc_fusion: Literal["fusion_feature", "fusion_input"] = Field(
        "fusion_feature", description="Z: F_f (the post-fusion ReLU feature) or the concatenated encoder outputs")
    cpc_target: Literal["encoder", "head"] = Field(
        "encoder", description="h_m: the encoder outputs (h_t, h_a, h_v) or the head features F_t, F_a, F_v")
    cpc_layers: PositiveInt = Field(1, description="Linear layers of each CPC predictor")
    cpc_temperature: float = Field(1.0, gt=0, description="CPC critic temperature")


AUGMENTATIONS = ("noise", "time_mask", "time_crop", "token_dropout")


class SampleSearchConfig(_Strict):
    """TupleInfoNCE's sample optimisation (METHODS.md §4.4): REINFORCE over the disturbed-negative weights
    alpha and the augmentation strength beta, rewarded by validation cross-modal retrieval. Every default
    is the official search_para.py's (clone=5, internal=6, ratio ~ N(mu, 0.5 I) with Adam lr 0.25, the
    noise mu starting at 120 ~ N(mu, 100) with Adam lr 3.0), the augmentation scale mapped from its 0-250
    pixel noise to beta's 0-1 (beta = sigma / 250). The other choices are switches (docs/methods.md)."""

    enabled: bool = Field(
        False, description="run the sample search (alpha and beta learned by REINFORCE) instead of fixed values")
    candidates: int = Field(5, ge=2, description="candidate values sampled per outer epoch (official clone=5)")
    inner_epochs: PositiveInt = Field(6, description="training passes per candidate (official internal=6)")
    learn: Literal["alternate", "alpha", "beta"] = Field(
        "alternate", description="alternate: beta on odd epochs, alpha on even ones (official); or only one")
    alpha_sigma: float = Field(0.5 ** 0.5, gt=0, description="std of the alpha candidates around their mean")
    alpha_lr: float = Field(0.25, gt=0, description="Adam learning rate of the alpha mean")
    alpha_mapping: Literal["replicate", "continuous"] = Field(
        "replicate", description="replicate (official): a value r weights its disturbed negatives "
                                 "2^(clamp(int(r), 1, 3) - 1), i.e. 1x, 2x or 4x copies of the pool; continuous: "
                                 "clamp(r, 0, alpha_max) is the weight itself")
    alpha_max: float = Field(4.0, gt=0, description="continuous mapping: candidates are clamped to [0, alpha_max]")
    alpha_init: float = Field(1.0, description="the alpha mean's start for every modality (official ratio = ones); "
                                               "tuple_infonce.alpha and alpha_default are what the search sets")
    beta_init: float | None = Field(0.48, description="the beta mean's start (official 120 / 250); null: start "
                                                       "at tuple_infonce.beta")
    beta_sigma: float = Field(0.04, gt=0, description="std of the beta candidates around their mean")
    beta_lr: float = Field(0.012, gt=0, description="Adam learning rate of the beta mean")
    clamp_beta: bool = Field(False, description="false (official): a beta draw is used as drawn (the noise std is "
                                                "|beta|; fractions and probabilities are cut to [0, 1]); true: "
                                                "candidates are clamped to [0, beta_max]")
    beta_max: float = Field(1.0, gt=0, description="the scale of beta's reward; with clamp_beta, its upper bound")
    beta_grid: list[Annotated[float, Field(ge=0)]] = Field(
        [0.12, 0.24, 0.36, 0.48, 0.6, 0.72, 0.84, 0.96], min_length=1,
        description="augmentation strengths whose retrieval accuracy defines beta's reward (official 30..240 / 250)")
    continue_with: Literal["mean", "best"] = Field(
        "mean", description="after an outer epoch, train on with the updated mean (official) or with the best "
                            "candidate's value; the weights are the best candidate's either way")
    restore_optimizer: bool = Field(False, description="false (official): a candidate starts from the saved weights "
                                                       "with the optimizer state as the previous candidate left it; "
                                                       "true: the optimizer state is restored too")
    common_draws: bool = Field(False, description="false (official): each candidate trains on its own data order, "
                                                  "noise and branch draws and is scored with its own validation "
                                                  "draws; true: the candidates of an epoch share them all, so their "
                                                  "rewards differ by their values alone")
    advantage_std: Literal["population", "sample"] = Field(
        "population", description="the advantage (R - mean R) / (std R + eps): population std with float32 eps "
                                  "(official np.std) or sample std (ddof 1) with 1e-8")
    primary: str = Field("first", description="the modality in RGB's part: the one augmented in beta's reward and "
                                              "kept alone in the modality-dropout branches ('first': the schema's "
                                              "first)")
    alpha_reward: Literal["random_modality", "all_modalities"] = Field(
        "random_modality", description="random_modality (official): one modality drawn per validation pool retrieves "
                                       "the others; all_modalities: sum_k A^k over every modality")
    beta_reward_modalities: Literal["primary", "all"] = Field(
        "primary", description="which modalities are augmented and queried for beta's reward: the primary "
                               "(official: RGB) or every one, averaged")
    absent: Literal["zero_input", "zero_representation"] = Field(
        "zero_input", description="how a modality is left out of a partial tuple: its input zeroed and encoded "
                                  "(official) or its representation zeroed")
    modality_dropout: bool = Field(True, description="official: each search step draws one of three branches: the "
                                                     "full tuple loss; primary alone against the others; primary "
                                                     "alone, augmented, against itself clean")
    reward_pools: Literal["batches", "merged"] = Field(
        "batches", description="batches (official): validation rows in index order, reward_pool at a time, the "
                               "last pool possibly smaller, accuracy the mean over pools; merged: the remainder "
                               "joins the last pool and accuracy is the share of rows")
    reward_pool: int = Field(64, ge=2, description="retrieval candidates per query (validation rows in index "
                                                   "order; official batch_size_valid=2)")
    reward_samples: NonNegativeInt = Field(0, description="score only the first N validation samples; 0 = all")


class TupleInfoNCEConfig(_Strict):
    """TupleInfoNCE (METHODS.md §4, checklist §8.3) for any K >= 2 modalities."""

    mode: Literal["pretrain_finetune", "joint"] = Field(
        "pretrain_finetune", description="pretrain_finetune: pretrain_epochs of contrast only, then the task "
                                         "loss alone; joint: task loss + joint_weight * TupleInfoNCE every epoch")
    pretrain_epochs: NonNegativeInt = Field(10, description="contrastive epochs before fine-tuning")
    finetune: Literal["full", "head", "probe"] = Field(
        "full", description="full: fine-tune every weight (official train.py); head: only the fusion head; "
                            "probe: only the prediction layer, a linear probe of the tuple representation")
    reset_optimizer: bool = Field(True, description="fresh Adam moments when fine-tuning starts (the official "
                                                     "fine-tuning builds a new optimizer)")
    prediction_lr: float | None = Field(
        None, gt=0, description="learning rate of the prediction layer, which trains only in fine-tuning (default "
                                "trainer.lr_main); a linear probe converges in a few epochs at 1e-2 where 1e-3 is "
                                "still descending after twenty")
    joint_weight: float = Field(0.1, ge=0, description="weight of the contrastive term in joint mode")
    temperature: float = Field(0.07, gt=0, description="temperature of the tuple contrast's softmax (official: 0.07)")
    alpha: dict[str, Annotated[float, Field(ge=0)]] = Field(
        default_factory=dict, description="weight alpha_k of the k-disturbed negatives per modality (default "
                                          "alpha_default; 0 leaves that modality undisturbed)")
    alpha_default: float = Field(1.0, ge=0, description="alpha_k of modalities not named in alpha; 0 for every "
                                                        "modality gives plain tuple contrast")
    alpha_other: float = Field(1.0, gt=0, description="alpha_0: weight of the other samples' tuples")
    beta: float = Field(0.1, ge=0, description="augmentation strength of the positive (noise std, masked "
                                               "time fraction, cropped-away time fraction, token drop "
                                               "probability)")
    augmentations: list[Literal[AUGMENTATIONS]] = Field(  # type: ignore[valid-type]
        ["noise", "time_mask", "token_dropout"], description="which augmentations make the positive (time_crop "
                                                             "is opt-in)")
    augment_modalities: list[str] | None = Field(
        None, description="the modalities the positive's augmentations touch (null: every one; the official "
                          "code noises RGB only)")
    noise: Literal["shared", "per_sample"] = Field(
        "shared", description="shared (official): one noise map per modality for a whole pass, added to every "
                              "sample; per_sample: fresh noise for each sample")
    key_gradient: bool = Field(False, description="false: keys (positives, disturbed tuples) come from a no-grad "
                                                  "copy of the current weights (official key encoder, m=0); true: "
                                                  "gradients flow through the keys too")
    projection_dim: NonNegativeInt = Field(0, description="0: the tuple embedding is the fusion feature itself "
                                                          "(official); > 0: a 2-layer MLP projection to this size")
    search: SampleSearchConfig = Field(default_factory=SampleSearchConfig)


class MISALossConfig(_Strict):
    """MISA's losses (MMSA's ``trains/singleTask/MISA.py``); defaults: MMSA's MOSI config. The loss is
    MSE(prediction) + diff_weight x difference + sim_weight x similarity (CMD) + recon_weight x reconstruction."""

    diff_weight: float = Field(
        0.1, ge=0, description="weight of the difference (orthogonality) loss between shared and private vectors")
    sim_weight: float = Field(0.3, ge=0, description="weight of the central-moment discrepancy between every pair "
                                                     "of modalities' shared vectors (MMSA use_cmd_sim: true)")
    recon_weight: float = Field(
        1.0, ge=0, description="weight of the reconstruction loss of each modality from its shared and private vectors")
    cmd_moments: PositiveInt = Field(5, description="moments the CMD matches (MMSA: 5)")


class ObjectiveConfig(_Strict):
    name: Literal[OBJECTIVE_NAMES] = Field(  # type: ignore[valid-type]
        "mmim", description="the training objective (dist_mmfuse/objectives/): its settings are in the section of that "
                            "name")
    contrast_chunk_size: NonNegativeInt = Field(
        0, description="contrast this many query rows at a time, recomputing their logits in the backward "
                       "pass (bounds peak memory at very large global batches); 0 = all at once")
    mmim: MMIMConfig = Field(default_factory=MMIMConfig)
    self_mm: SelfMMConfig = Field(default_factory=SelfMMConfig)
    self_mi: SelfMIConfig = Field(default_factory=SelfMIConfig)
    tuple_infonce: TupleInfoNCEConfig = Field(default_factory=TupleInfoNCEConfig)
    misa: MISALossConfig = Field(default_factory=MISALossConfig)


class TrainerConfig(_Strict):
    """Optimisation, evaluation and checkpoints (defaults: MMIM's, METHODS.md §1.4-1.5)."""

    epochs: PositiveInt = Field(40, description="most epochs to train (early stopping may end the run sooner)")
    patience: PositiveInt = Field(10, description="early stop after this many epochs without a better valid loss")
    lr_text: float = Field(5e-5, gt=0, description="learning rate of the text encoder")
    lr_main: float = Field(
        1e-3, gt=0, description="learning rate of every other trained parameter (unless a section sets its own)")
    weight_decay_text: float = Field(1e-4, ge=0, description="weight decay of the text encoder")
    weight_decay_main: float = Field(1e-4, ge=0, description="weight decay of every other trained parameter")
    plateau_patience: PositiveInt = Field(20, description="ReduceLROnPlateau patience (official --when)")
    plateau_factor: float = Field(0.5, gt=0, lt=1, description="ReduceLROnPlateau factor")
    grad_clip: float = Field(1.0, ge=0, description="global gradient-norm clip; 0 disables")
    grad_clip_value: float = Field(0.0, ge=0, description="clip every gradient element to [-v, v] before each step "
                                                          "(torch's clip_grad_value_: MMSA's MulT 0.6, MISA 0.8), on "
                                                          "the step's accumulated gradient; 0 disables")
    deepspeed_config: Path | None = Field(None, description="DeepSpeed JSON; default: ZeRO-0 in fp32")
    gradient_accumulation_steps: PositiveInt = Field(
        1, description="micro-batches accumulated per optimizer step (see accumulation)")
    accumulation: Literal["average", "sum", "feature_cache"] = Field(
        "average", description="average: DeepSpeed's usual accumulation, each micro-batch its own loss and "
                               "negatives; sum: the same, gradients summed not averaged (Self-MM's "
                               "update_epochs); feature_cache: one loss over all accumulated micro-batches, "
                               "so accumulation adds negatives (ENGINEERING.md §1.6)")
    lr_schedule: Literal["plateau", "none"] = Field(
        "plateau", description="plateau: ReduceLROnPlateau on the validation loss (MMIM); none: constant (Self-MM)")
    min_improvement: float = Field(0.0, ge=0, description="a validation loss counts as better only when it is "
                                                         "below the best by more than this (Self-MM: 1e-6)")
    select_on: Literal["mae", "mse"] = Field(
        "mae", description="the validation loss that selection, early stopping and the plateau schedule follow: "
                           "the mean absolute error (the L1 task loss's) or the mean squared error (MMSA selects "
                           "MISA, trained with MSE, on it)")
    select_with_test: bool = Field(False, description="official model selection: also require a better TEST loss")
    max_steps_per_pass: PositiveInt | None = Field(None, description="cut every pass short (smoke tests, benchmarks)")
    log_every: PositiveInt = Field(10, description="log training scalars every this many steps")
    checkpoint_every_steps: NonNegativeInt = Field(0, description="also checkpoint mid-epoch every N steps")
    keep_checkpoints: PositiveInt = Field(
        2, description="checkpoints kept in <run>/checkpoints (oldest pruned; the best export is separate)")
    anomaly_detection: bool = Field(False, description="torch.autograd anomaly detection (official: on; slow)")
    progress_bar: bool = Field(True, description="show a progress bar on rank 0")
    nonfinite: Literal["skip", "stop"] = Field(
        "skip", description="a step whose loss terms or gradient norm are NaN or Inf on any rank is never applied; "
                            "skip: count it (nonfinite_steps) and go on, stop: end the run with an error")
    nonfinite_patience: PositiveInt = Field(
        20, description="skip: end the run with an error after this many consecutive skipped steps (DeepSpeed's "
                        "overflow skips count too; fp16 loss-scale calibration skips a few at the start)")
    collective_timeout_s: float = Field(
        600.0, gt=0, description="the process group's timeout: a rank that stops answering ends the job after this "
                                 "long (a collective also waits for the slowest rank's checkpoint writes)")
    log_samples: bool = Field(False, description="write every step's global sample indices, per rank, to "
                                                 "<run>/samples/rank<r>.jsonl (an audit of what each step saw)")
    elastic: Literal["follow_world_size", "keep_global_batch"] = Field(
        "follow_world_size", description="resuming on another world size: follow_world_size keeps the micro-batch and "
                                         "the accumulation, so the global batch changes with the ranks; "
                                         "keep_global_batch changes the gradient accumulation steps to keep the "
                                         "global batch (refused where they do not divide)")


class Config(_Strict):
    run: RunConfig = Field(default_factory=RunConfig)
    data: DataConfig
    model: ModelConfig = Field(default_factory=ModelConfig)
    objective: ObjectiveConfig = Field(default_factory=ObjectiveConfig)
    trainer: TrainerConfig = Field(default_factory=TrainerConfig)

    @model_validator(mode="before")
    @classmethod
    def _renamed_keys(cls, data: Any) -> Any:
        # Saved configs (checkpoints, exports, study records) and older config files may use an old key.
        if isinstance(data, dict):
            if _has_renamed_keys(data):
                data = copy.deepcopy(data)  # never the caller's dict
                migrate_renamed_keys(data)
        return data

    @model_validator(mode="after")
    def _objective_requirements(self) -> "Config":
        if self.objective.name in ("self_mm", "self_mi") and self.model.fusion != "self_mm":
            raise ValueError(f"objective {self.objective.name} generates labels from Self-MM's fusion feature F_f: "
                             "set model.fusion=self_mm")
        fusion = self.model.fusion
        if fusion in BASELINE_FUSIONS and "init" not in self.model.model_fields_set:
            self.model.init = "default"  # a baseline initialises as MMSA does, not with MMIM's xavier_normal_
        if self.objective.name == "misa" and fusion != "misa":
            raise ValueError("objective misa's losses read MISA's shared and private vectors: set model.fusion=misa")
        if fusion in BASELINE_FUSIONS and self.objective.name not in BASELINE_FUSIONS[fusion]:
            raise ValueError(f"model.fusion={fusion} trains with its own recipe: objective.name="
                             f"{' or '.join(BASELINE_FUSIONS[fusion])}, not {self.objective.name} (the MI objectives "
                             "are defined on MMIM's and Self-MM's fusions)")
        if fusion in BATCH_NORM_FUSIONS and self.trainer.accumulation == "feature_cache":
            raise ValueError(f"model.fusion={fusion} normalises with batch statistics, which a feature cache computes "
                             "per micro-batch, not over the step's batch: use trainer.accumulation=average or sum")
        tuple_cfg = self.objective.tuple_infonce
        if self.objective.name == "tuple_infonce" and tuple_cfg.mode == "pretrain_finetune":
            if tuple_cfg.pretrain_epochs >= self.trainer.epochs:
                raise ValueError(f"objective.tuple_infonce.pretrain_epochs={tuple_cfg.pretrain_epochs} leaves no "
                                 f"fine-tuning epoch in trainer.epochs={self.trainer.epochs}")
        if self.objective.name == "tuple_infonce" and tuple_cfg.search.enabled:
            if tuple_cfg.mode != "pretrain_finetune" or tuple_cfg.pretrain_epochs == 0:
                raise ValueError("objective.tuple_infonce.search runs in the contrastive pre-training epochs: set "
                                 "mode=pretrain_finetune and pretrain_epochs >= 1")
            if self.trainer.checkpoint_every_steps:
                raise ValueError("objective.tuple_infonce.search: candidates restart from the epoch's start, so "
                                 "checkpoints are taken per epoch only; set trainer.checkpoint_every_steps=0")
            if tuple_cfg.alpha or tuple_cfg.alpha_default != 1.0:
                raise ValueError("objective.tuple_infonce.alpha and alpha_default are what the sample search sets "
                                 "(from its mean, through search.alpha_mapping); set the starting value with "
                                 "objective.tuple_infonce.search.alpha_init instead")
        return self

    def run_dir(self) -> Path:
        return self.run.output_dir / self.run.name

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False)


def _lookup(raw: dict[str, Any], dotted: str) -> tuple[dict[str, Any] | None, str]:
    """(the section holding ``dotted``'s last part, that part) in nested dicts; None where a section is absent."""
    *sections, key = dotted.split(".")
    node: Any = raw
    for section in sections:
        node = node.get(section) if isinstance(node, dict) else None
    return (node if isinstance(node, dict) else None), key


def _has_key(raw: dict[str, Any], dotted: str) -> bool:
    section, key = _lookup(raw, dotted)
    return section is not None and key in section


def _has_renamed_keys(raw: dict[str, Any]) -> bool:
    return any(_has_key(raw, old) for old, _ in RENAMED_KEYS)


def migrate_renamed_keys(raw: dict[str, Any]) -> list[str]:
    """Rename the old keys of ``RENAMED_KEYS`` in the nested dict ``raw`` (in place); returns the old keys found.
    ValueError where an old key and its new name are both set, to different values."""
    found = []
    for old, new in RENAMED_KEYS:
        section, old_key = _lookup(raw, old)
        if section is None or old_key not in section:
            continue
        new_key = _lookup(raw, new)[1]  # renames stay within their section
        value = section.pop(old_key)
        if new_key in section and section[new_key] != value:
            raise ValueError(f"{old} (the old name of {new}) is {value!r} and {new} is {section[new_key]!r}; set "
                             f"{new} only")
        section[new_key] = value
        found.append(old)
    return found


_NOTED_RENAMES: set[str] = set()


def current_key(key: str) -> str:
    """The name a dotted key has now (``RENAMED_KEYS``): an old key, or a key under an old section, renamed."""
    for old, new in RENAMED_KEYS:
        if key == old or key.startswith(old + "."):
            return new + key[len(old):]
    return key


def note_renamed_keys(raw: dict[str, Any], overrides: list[str] | tuple[str, ...], source: str | Path) -> None:
    """Say once per process (on rank 0) which old key names a config file or its overrides still use."""
    from .distributed import world_info

    try:
        if not world_info().is_main:
            return
    except ValueError:  # an inconsistent launcher environment: said later, where the world is needed
        pass
    overridden = [item.partition("=")[0] for item in overrides]
    used = {old for old, _ in RENAMED_KEYS if _has_key(raw, old)}
    used |= {old for old, _ in RENAMED_KEYS for key in overridden if key == old or key.startswith(old + ".")}
    for old, new in RENAMED_KEYS:
        if old in used and old not in _NOTED_RENAMES:
            _NOTED_RENAMES.add(old)
            print(f"note: {source}: {old} is deprecated: it is now {new} (the same values); {old} still works for now",
                  file=sys.stderr, flush=True)


def apply_override(raw: dict[str, Any], override: str) -> str:
    """Set ``a.b.c=value`` in the nested dict ``raw`` (value parsed as YAML); returns the dotted key. A key
    given by an old name (``RENAMED_KEYS``) sets the current one, and replaces the old name's value if the
    file used that: the override wins, whichever name either uses."""
    key, sep, text = override.partition("=")
    if not sep or not key or any(not part for part in key.split(".")):
        raise ConfigError(f"override {override!r}: expected key.sub=value")
    key = current_key(key)
    for old, new in RENAMED_KEYS:
        section, old_key = _lookup(raw, old)
        if section is not None and (key == new or key.startswith(new + ".")):
            section.pop(old_key, None)
    node = raw
    parts = key.split(".")
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"override {override!r}: {part!r} is a value, not a section")
        node = child
    node[parts[-1]] = yaml.safe_load(text) if text.strip() else None
    return key


def load_config(path: str | Path, overrides: list[str] | tuple[str, ...] = (), *, check_data: bool = True,
                check_model: bool = True) -> Config:
    """Load, override and validate a config; raise ConfigError naming the file and the key (see
    ``config_from_dict`` for what ``check_data`` and ``check_model`` add)."""
    raw = read_yaml_mapping(path)
    resolve_paths(raw, Path(path).absolute().parent)
    return config_from_dict(raw, overrides, source=path, check_data=check_data, check_model=check_model)


def resolve_paths(raw: dict[str, Any], base: Path, keys: tuple[tuple[str, ...], ...] = PATH_KEYS) -> None:
    """Make the relative paths in the nested dict ``raw`` absolute against ``base``, in place: the keys
    ``keys`` and the path options of ``data.prepare``'s source. URLs and absolute paths stay as they are."""
    def absolute(value: Any) -> Any:
        if not isinstance(value, (str, Path)) or not str(value) or is_url(value):
            return value
        path = Path(value).expanduser()
        return os.path.normpath(path if path.is_absolute() else base / path)

    for *sections, key in keys:
        node = raw
        for section in sections:
            node = node.get(section) if isinstance(node, dict) else None
        if isinstance(node, dict) and node.get(key) is not None:
            node[key] = absolute(node[key])
    prepare = raw.get("data", {}).get("prepare") if isinstance(raw.get("data"), dict) else None
    if isinstance(prepare, dict) and isinstance(prepare.get("options"), dict):
        from sharding.sources import SOURCES

        options, source = prepare["options"], prepare.get("source")
        for key in getattr(SOURCES.get(source) if isinstance(source, str) else None, "path_options", ()):
            if options.get(key) is not None:
                options[key] = absolute(options[key])


def read_yaml_mapping(path: str | Path) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; ConfigError naming the file otherwise."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of sections")
    return raw


def validate_with_overrides(model: type[BaseModel], raw: dict[str, Any], overrides: list[str] | tuple[str, ...],
                            source: str | Path, after_overrides: Callable[[dict[str, Any]], None] | None = None):
    """Apply ``key.sub=value`` overrides to ``raw`` (in place), then ``after_overrides(raw)``, and validate
    it as ``model``; errors name ``source``, the key, and the override a bad value came from."""
    overridden = {apply_override(raw, item): item for item in overrides}
    if after_overrides is not None:
        after_overrides(raw)
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(Path(source), exc, overridden, model)) from exc


def config_from_dict(raw: dict[str, Any], overrides: list[str] | tuple[str, ...] = (), *, source: str | Path,
                     check_data: bool = True, check_model: bool = True) -> Config:
    """Override (in place) and validate a config given as nested dicts; errors name ``source``.

    ``check_data``: the shard directory must hold a manifest (or be buildable) that has the named splits
    and modalities; ``check_model``: the text model must be available offline."""
    path = Path(source)
    # Paths the overrides set are relative to the working directory (the file's were resolved by load_config).
    note_renamed_keys(raw, overrides, source)
    config = validate_with_overrides(Config, raw, overrides, source,
                                     after_overrides=lambda tree: resolve_paths(tree, Path.cwd()))
    if config.data.prepare is not None:
        _check_source_options(path, config.data.prepare)
    deepspeed_settings(config, path)
    check_report_to(config.run, path)
    if check_model:
        check_text_model(config.model, path)
        if config.model.init_from is not None:
            check_init_from(config.model.init_from, path)
    if check_data:
        try:
            manifest = load_manifest(config.data.shard_dir)
        except FileNotFoundError:
            if config.data.prepare is None or config.data.remote:
                raise ConfigError(missing_shard_dir_message(config, path)) from None
        else:
            check_against_manifest(config, manifest, path)
    return config


def missing_shard_dir_message(config: Config, path: str | Path) -> str:
    shard_dir = config.data.shard_dir
    if config.data.remote:  # data.prepare builds local directories only
        return (f"{path}: data.shard_dir: {shard_dir} has no {MANIFEST_NAME}; build the shards into it with "
                f"`dist-mmfuse-shard build --out {shard_dir}` (data.prepare builds local directories only)")
    what = "does not exist" if not Path(shard_dir).exists() else f"has no {MANIFEST_NAME}"
    return (f"{path}: data.shard_dir: {shard_dir} {what}, and data.prepare is not set to build it (build it with "
            "`dist-mmfuse-shard build`, or set data.prepare)")


def check_against_manifest(config: Config, manifest: Manifest, path: str | Path = "<config>") -> None:
    """Raise ConfigError if the config names splits or modalities the dataset does not have."""
    data = config.data
    for key in ("train_split", "valid_split", "test_split"):
        split = getattr(data, key)
        if split not in manifest.splits:
            raise ConfigError(f"{path}: data.{key}: split {split!r} not in {data.shard_dir} "
                              f"(it has {sorted(manifest.splits)})")
    for key, names in (("data.modalities", data.modalities),
                       ("data.prepare.modalities", data.prepare.modalities if data.prepare else None)):
        unknown = sorted(set(names or ()) - set(manifest.schema.names))
        if unknown:
            raise ConfigError(f"{path}: {key}: unknown modality name(s) {unknown}; the dataset has "
                              f"{list(manifest.schema.names)}")
    used = data.modalities or manifest.schema.names
    self_mm = config.objective.self_mm
    for key, names in (("model.encoder_sizes", config.model.encoder_sizes),
                       ("objective.self_mm.head_dims", self_mm.head_dims),
                       ("objective.self_mm.head_dropouts", self_mm.head_dropouts),
                       ("objective.self_mm.encoder_lr", self_mm.encoder_lr),
                       ("objective.self_mm.encoder_weight_decay", self_mm.encoder_weight_decay),
                       ("objective.tuple_infonce.alpha", config.objective.tuple_infonce.alpha),
                       ("objective.tuple_infonce.augment_modalities",
                        config.objective.tuple_infonce.augment_modalities or ()),
                       ("objective.tuple_infonce.search.primary",
                        [p for p in [config.objective.tuple_infonce.search.primary] if p != "first"])):
        unknown = sorted(set(names) - set(used))
        if unknown:
            raise ConfigError(f"{path}: {key}: unknown modality name(s) {unknown}; the run uses {list(used)}")
    if config.model.fusion == "tfn":
        check_tfn_tensor(config, manifest.schema.select(used), path)
    if config.model.fusion == "mult":
        check_mult(config, manifest.schema.select(used), path)
    tuple_cfg = config.objective.tuple_infonce
    if config.objective.name == "tuple_infonce" and tuple_cfg.search.enabled:
        primary = used[0] if tuple_cfg.search.primary == "first" else tuple_cfg.search.primary
        kind = manifest.schema.modality(primary).kind.value
        applicable = {"tokens": {"token_dropout"}, "sequence": {"noise", "time_mask", "time_crop"},
                      "vector": {"noise"}}[kind]
        if not applicable & set(tuple_cfg.augmentations):
            raise ConfigError(f"{path}: objective.tuple_infonce.search: the primary modality {primary!r} ({kind}) "
                              f"has no augmentation among {tuple_cfg.augmentations}, so beta would change nothing "
                              f"it is scored on; add one of {sorted(applicable)} to objective.tuple_infonce."
                              "augmentations, or choose another search.primary")
    for key, pairs in (("objective.mmim.pairs", config.objective.mmim.pairs),
                       ("objective.self_mi.ba_pairs", config.objective.self_mi.ba_pairs)):
        for pair in pairs or ():
            unknown = sorted(set(pair) - set(used))
            if unknown or pair[0] == pair[1]:
                raise ConfigError(f"{path}: {key}: pair {list(pair)} must name two different modalities of "
                                  f"{list(used)}")


def check_tfn_tensor(config: Config, schema, path: str | Path = "<config>") -> None:
    """TFN's fusion tensor has the product of every representation's size + 1 features per sample: refuse one
    above ``model.tfn.max_tensor_features``, naming its size and what makes it."""
    from .models.fusion.tfn import tensor_features, tfn_rep_dims

    features = tensor_features(schema, config.model)
    limit = config.model.tfn.max_tensor_features
    if features > limit:
        sizes = " x ".join(f"({dim} + 1)" for dim in tfn_rep_dims(schema, config.model).values())
        weights = features * config.model.tfn.post_fusion_dim
        raise ConfigError(
            f"{path}: model.fusion=tfn: its fusion tensor has {sizes} = {features:,} features per sample over "
            f"{list(tfn_rep_dims(schema, config.model))}, above model.tfn.max_tensor_features={limit:,} (its first "
            f"post-fusion layer alone would hold {weights:,} weights, {weights * 16 / 2**30:.1f} GiB with Adam in "
            "fp32); use fewer modalities (data.modalities) or smaller model.tfn.hidden_dims / text_out")


def check_mult(config: Config, schema, path: str | Path = "<config>") -> None:
    """MulT's widths must divide into its heads, and a feature modality's convolution kernel must fit its
    longest sequence (a vector modality has one step: kernel 1)."""
    cfg = config.model.mult
    others = len(schema.modalities) - 1
    for what, width in (("model.mult.dim", cfg.dim), (f"the memory transformers' width ({others} x dim)",
                                                       others * cfg.dim)):
        if width % cfg.heads:
            raise ConfigError(f"{path}: model.fusion=mult: {what} = {width} does not divide into model.mult.heads="
                              f"{cfg.heads} heads")
    for spec in schema.modalities:
        kernel = cfg.conv_kernels.get(spec.name, cfg.conv_kernel)
        if spec.kind.value != "tokens" and spec.dim != cfg.dim and kernel > spec.max_len:
            raise ConfigError(f"{path}: model.mult.conv_kernels: {spec.name!r} has a kernel of {kernel} steps but at "
                              f"most {spec.max_len} step(s) per sample ({spec.kind.value} modality); set it to at "
                              f"most {spec.max_len}")


def deepspeed_settings(config: Config, source: str | Path = "<config>") -> dict[str, Any]:
    """The DeepSpeed JSON of ``trainer.deepspeed_config`` with the batch, accumulation and clipping keys
    filled from the run config, validated by DeepSpeed's own config classes. Unknown top-level keys, which
    DeepSpeed ignores (a misspelt ``zero_optimisation`` would train at ZeRO-0), are refused. ConfigError
    names the file and the key."""
    import torch

    path = config.trainer.deepspeed_config
    where = f"{source}: trainer.deepspeed_config: {path if path else '(default: ZeRO-0, fp32)'}"
    if path is None:
        ds = json.loads(json.dumps(DEFAULT_DEEPSPEED))
    elif not path.is_file():
        raise ConfigError(f"{where} not found")
    else:
        try:
            ds = json.loads(path.read_text())
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: not valid JSON: {exc}") from exc
    if not isinstance(ds, dict):
        raise ConfigError(f"{where}: the top level must be an object of DeepSpeed settings")
    clashing = [k for k in RUN_CONFIG_KEYS if k in ds]
    if clashing:
        raise ConfigError(f"{where}: {clashing} are set from the run config (data.batch_size, trainer.*); remove "
                          "them from the DeepSpeed file")
    if ds.get("fp16", {}).get("enabled") and not torch.cuda.is_available():
        raise ConfigError(f"{where}: fp16 needs a GPU (DeepSpeed has no fp16 on CPU); use an fp32 or bf16 config")
    ds["train_micro_batch_size_per_gpu"] = config.data.batch_size
    ds["gradient_accumulation_steps"] = config.trainer.gradient_accumulation_steps
    ds["gradient_clipping"] = config.trainer.grad_clip
    ds.setdefault("steps_per_print", 2**31 - 1)
    _validate_with_deepspeed(ds, where)
    if ds.get("bf16", {}).get("enabled") and ds["bf16"].get("check_grad_overflow") is False:
        raise ConfigError(f"{where}: bf16.check_grad_overflow=false: under bf16 the trainer relies on DeepSpeed's "
                          "check of the gradient norm to keep non-finite steps out; remove it")
    if ds.get("fp16", {}).get("enabled") and config.trainer.nonfinite == "stop":
        raise ConfigError(f"{where}: fp16 with trainer.nonfinite=stop would stop at the loss scaler's first overflow, "
                          "a normal part of fp16 training; use trainer.nonfinite=skip")
    return ds


class _ReadTracker(dict):
    """A dict that records which keys were looked up (DeepSpeed reads its top-level keys one by one)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read: set[str] = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def __copy__(self):
        copied = _ReadTracker(self)
        copied.read = self.read  # DeepSpeed parses a copy: share the record
        return copied


def _validate_with_deepspeed(ds: dict[str, Any], where: str) -> None:
    """Parse ``ds`` with DeepSpeed's ``DeepSpeedConfig`` (its sections are pydantic models that refuse
    unknown keys) and refuse top-level keys it never read."""
    from deepspeed.runtime.config import DeepSpeedConfig

    tracked = _ReadTracker(ds)
    try:
        DeepSpeedConfig(tracked)
    except ValidationError as exc:
        first = exc.errors()[0]
        inner = ".".join(str(p) for p in first["loc"])
        section = next((k for k, v in ds.items() if isinstance(v, dict) and first["loc"] and first["loc"][0] in v),
                       exc.title)
        message = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
        raise ConfigError(f"{where}: {section}.{inner}: {message}") from exc
    except Exception as exc:  # DeepSpeed's own checks raise assertions and ValueErrors with a message
        raise ConfigError(f"{where}: DeepSpeed refuses it: {exc}") from exc
    unknown = sorted(set(ds) - tracked.read)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {unknown}: DeepSpeed would ignore them (check the spelling "
                          "against the DeepSpeed configuration reference)")


def zero_stage(ds: dict[str, Any]) -> int:
    """The ZeRO stage of a DeepSpeed settings dict (0 when absent)."""
    zero = ds.get("zero_optimization", {})
    return int(zero.get("stage", 0)) if isinstance(zero, dict) else 0


def check_text_model(model: ModelConfig, source: str | Path = "<config>") -> None:
    """The text model must be a local transformers model directory, and ``model.text_config`` may only set
    keys its config class has (transformers silently keeps unknown ones as attributes)."""
    from .pretrained import default_text_model_path

    path = Path(model.text_model) if model.text_model else default_text_model_path()
    if not (path / "config.json").is_file():
        what = "does not exist" if not path.exists() else "has no config.json"
        raise ConfigError(
            f"{source}: model.text_model: {path} {what}, and models are never downloaded at run time. Put a "
            "transformers model directory there (config.json, the weights and the tokenizer files; on a machine with "
            f"network access: `huggingface-cli download <model id> --local-dir {path}`), point model.text_model at "
            "one, or leave model.text_model unset for the packaged MiniLM-L6")
    if not model.text_config:
        return
    from transformers import AutoConfig

    try:
        _, unused = AutoConfig.from_pretrained(str(path), local_files_only=True, return_unused_kwargs=True,
                                               trust_remote_code=False, **model.text_config)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{source}: model.text_model: {path}: transformers cannot read its config: {exc}") from exc
    if unused:
        raise ConfigError(f"{source}: model.text_config: unknown key(s) {sorted(unused)} for the config class of "
                          f"{path}")


def check_report_to(run: RunConfig, source: str | Path = "<config>") -> None:
    """Each tracker ``run.report_to`` names is installed (found, not imported: wandb loads only in the run)."""
    import importlib.util

    if "wandb" in run.report_to and importlib.util.find_spec("wandb") is None:
        raise ConfigError(f"{source}: run.report_to: wandb (Weights & Biases) is not installed; install it with "
                          "`pip install 'dist_mmfuse[wandb]'` (in a checkout: `pip install -e '.[wandb]'`), or "
                          "remove wandb from run.report_to")


def check_init_from(path: Path, source: str | Path = "<config>") -> None:
    """``model.init_from`` must be an export directory (its weights are matched to the model later,
    before training starts)."""
    from .export import INFO, WEIGHTS

    if not (path / INFO).is_file() or not (path / WEIGHTS).is_file():
        what = "does not exist" if not path.exists() else f"is not a model export (no {INFO} and {WEIGHTS})"
        raise ConfigError(f"{source}: model.init_from: {path} {what}; give a <run>/best_model directory or one "
                          "written by launch/export.py")


def write_resolved_config(config: Config, run_dir: str | Path) -> Path:
    """Write the resolved config into the run directory (atomically) and return its path."""
    from .files import atomic_write_text

    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    target = run_dir / "config.yaml"
    atomic_write_text(target, config.to_yaml())
    return target


def _check_source_options(path: Path, prepare: PrepareConfig) -> None:
    from sharding.sources import check_source_options

    try:
        check_source_options(prepare.source, prepare.options)
    except ValueError as exc:
        raise ConfigError(f"{path}: data.prepare.options: {exc}") from exc


def _format_validation_error(path: Path, exc: ValidationError, overridden: dict[str, str],
                             model: type[BaseModel] | None = None) -> str:
    lines = []
    for error in exc.errors():
        key = ".".join(str(p) for p in error["loc"])
        message = error["msg"]
        if error["type"] == "extra_forbidden":
            from .config_reference import suggest_key

            nearest = suggest_key(key, model) if model is not None else None
            message = f"unknown key; did you mean {nearest}?" if nearest else "unknown key"
        origin = next((f" (from override {redact_credentials(o)!r})" for k, o in overridden.items()
                       if key == k or key.startswith(k + ".") or k.startswith(key + ".")), "")
        lines.append(f"{path}: {key}: {message}{origin}" if key else f"{path}: {message}")
    return "\n".join(lines)
