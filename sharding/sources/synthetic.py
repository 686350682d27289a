"""Synthetic MOSI-, MOSEI- and SIMS-shaped data whose label needs every modality.

Each sample is generated from its own random stream, seeded by (seed, split, position), so any range
of any split can be generated independently and the result is deterministic by seed at any size.

The label is a sum of latent factors, each visible in a different place:

* ``shared``: a sentiment cue present in every modality (what unimodal models pick up);
* ``text_only``, ``audio_only``, ``vision_only``: cues each present in one modality only;
* ``audio_bit * vision_bit``: two random signs, each alone independent of the label: their product
  is information present only in the *combination* of audio and vision;
* ``weak``: a cue carried only by the weak modality, at a low per-frame amplitude, so a method that
  ignores a weak modality loses it (TupleInfoNCE's claim is checked on this).

With ``weak_only``, the weak modality is weak throughout: it carries the weak cue and nothing else (no
shared cue, no private cue, no interaction bit), and the label drops the terms nothing then shows (its
private cue and the interaction). Removing it at test time then removes exactly the information only
it has.

With ``weak_factors: F`` as well, what tells one sample's weak modality from another's is semantic: its
frames show F per-sample factors, each constant over the utterance along its own direction, the weak
cue and F - 1 factors that say nothing of the label, under per-frame noise of std
``weak_factor_noise``. Without it, the weak cue is one faint direction under unit frame noise, and
the noise itself is what identifies a sample's weak modality; a contrastive encoder then learns the
noise, whatever the objective.

Text is real words from a small sentiment lexicon, tokenized with the real tokenizer at sharding time.
With ``text_features``, text is instead the frozen pretrained encoder's standardised vector of the
sentence (``TextFeatureEncoder``: the tokenizer's model, its [CLS] state or, with ``text_pooling: mean``,
its mean over tokens, standardised over 512 reference sentences of the generator), a ``vector``
modality; with ``vector_features`` as well, every modality is one utterance-level vector and a
training step needs no sequence model at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Iterator

import numpy as np

from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample

from ..tokenizer import TextTokenizer, text_feature_encoder
from .base import Source

POSITIVE_WORDS = ("good", "great", "excellent", "love", "wonderful", "amazing", "best", "enjoyed", "brilliant", "fun")
NEGATIVE_WORDS = ("bad", "terrible", "awful", "hate", "boring", "worst", "poor", "disappointing", "horrible", "waste")
INTENSIFIERS = ("very", "really", "extremely", "so")
FILLER_WORDS = (
    "the", "movie", "film", "story", "actor", "was", "it", "i", "this", "plot", "scene", "character",
    "about", "and", "just", "think", "watched", "part", "ending", "music", "director", "you", "know", "um",
)


@dataclass(frozen=True)
class Preset:
    text_len: int
    audio: tuple[int, int]  # (max_len, dim)
    vision: tuple[int, int]
    sizes: dict[str, int]
    label_bound: float
    modality_labels: bool


PRESETS = {
    # METHODS.md §5.1-5.2: split sizes, unaligned sequence lengths and feature dims.
    "mosi": Preset(50, (500, 5), (375, 20), {"train": 1284, "valid": 229, "test": 686}, 3.0, False),
    "mosei": Preset(50, (500, 74), (375, 35), {"train": 16326, "valid": 1871, "test": 4659}, 3.0, False),
    "sims": Preset(39, (400, 33), (55, 709), {"train": 1368, "valid": 456, "test": 457}, 1.0, True),
}
SPLIT_CODES = {"train": 0, "valid": 1, "test": 2}

# Latent weights in the label score (see the module docstring).
W_SHARED, W_TEXT, W_AUDIO, W_VISION, W_INTERACTION, W_WEAK = 0.8, 0.5, 0.4, 0.4, 0.6, 0.6
FRAME_AMPLITUDE = 0.5  # per-frame signal amplitude against unit noise
WEAK_AMPLITUDE = 0.15  # per-frame amplitude of the weak cue
REFERENCE_STREAM = 104729  # seeds the reference sentences that standardise text features
REFERENCE_SENTENCES = 512


class SyntheticSource(Source):
    """Deterministic synthetic data shaped like a named benchmark (``preset``)."""

    kind = "synthetic"

    def __init__(
        self,
        preset: str = "mosi",
        seed: int = 0,
        sizes: dict[str, int] | None = None,
        weak_modality: str = "vision",
        vector_features: bool = False,
        tokenizer_path: str | None = None,
        max_frames: int | None = None,
        weak_only: bool = False,
        weak_factors: int = 0,
        weak_factor_noise: float = 1.0,
        text_features: bool = False,
        text_pooling: str = "cls",
    ):
        if preset not in PRESETS:
            raise ValueError(f"synthetic: unknown preset {preset!r}; choose from {sorted(PRESETS)}")
        if weak_modality not in ("audio", "vision"):
            raise ValueError(f"synthetic: weak_modality must be 'audio' or 'vision', got {weak_modality!r}")
        self.preset_name = preset
        self.preset = PRESETS[preset]
        if max_frames is not None:
            # Shorter audio/vision sequences than the benchmark's (tests, quick experiments).
            if int(max_frames) <= 0:
                raise ValueError(f"synthetic: max_frames must be positive, got {max_frames}")
            self.preset = replace(self.preset, audio=(min(int(max_frames), self.preset.audio[0]), self.preset.audio[1]),
                                  vision=(min(int(max_frames), self.preset.vision[0]), self.preset.vision[1]))
        self.max_frames = max_frames
        self.seed = int(seed)
        self.sizes = dict(self.preset.sizes)
        for split, size in (sizes or {}).items():
            if split not in SPLIT_CODES:
                raise ValueError(f"synthetic: unknown split {split!r} in sizes; splits are {list(SPLIT_CODES)}")
            if int(size) <= 0:
                raise ValueError(f"synthetic: sizes.{split} must be positive, got {size}")
            self.sizes[split] = int(size)
        self.weak_modality = weak_modality
        self.weak_only = bool(weak_only)
        self.weak_factors = int(weak_factors)
        self.weak_factor_noise = float(weak_factor_noise)
        if not self.weak_factor_noise >= 0:
            raise ValueError(f"synthetic: weak_factor_noise must be >= 0, got {weak_factor_noise}")
        weak_dim = getattr(self.preset, weak_modality)[1]
        if self.weak_factors and not self.weak_only:
            raise ValueError("synthetic: weak_factors needs weak_only: true (the factors replace the weak "
                             "modality's whole content)")
        if not 0 <= self.weak_factors <= weak_dim:
            raise ValueError(f"synthetic: weak_factors must be between 0 and the {weak_modality} dimension "
                             f"{weak_dim}, got {weak_factors}")
        self.vector_features = bool(vector_features)
        self.tokenizer = TextTokenizer(tokenizer_path, max_len=self.preset.text_len)
        self.text_encoder = text_feature_encoder(self.tokenizer, text_features, text_pooling)
        if self.text_encoder:
            reference_rng = np.random.default_rng([self.seed, REFERENCE_STREAM])
            self.text_encoder.fit_standardisation(reference_sentences(reference_rng, REFERENCE_SENTENCES))
        directions_rng = np.random.default_rng([self.seed, 7919])
        self._directions = {
            "audio": _orthonormal_directions(directions_rng, self.preset.audio[1]),
            "vision": _orthonormal_directions(directions_rng, self.preset.vision[1]),
        }
        # Drawn after the others, so the audio and vision directions do not depend on weak_factors.
        self._factor_directions = _orthonormal_directions(directions_rng, weak_dim, self.weak_factors)

    @property
    def dataset_name(self) -> str:
        return f"synthetic-{self.preset_name}"

    def schema(self) -> DatasetSchema:
        kind = ModalityKind.VECTOR if self.vector_features else ModalityKind.SEQUENCE

        def feature_spec(name: str, shape: tuple[int, int]) -> ModalitySpec:
            return ModalitySpec(name=name, kind=kind, dim=shape[1], max_len=1 if self.vector_features else shape[0])

        bound = self.preset.label_bound
        return DatasetSchema(
            modalities=(
                ModalitySpec(name="text", kind=ModalityKind.VECTOR, dim=self.text_encoder.dim, max_len=1)
                if self.text_encoder else
                ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=self.tokenizer.vocab_size,
                             max_len=self.preset.text_len),
                feature_spec("audio", self.preset.audio),
                feature_spec("vision", self.preset.vision),
            ),
            label_range=(-bound, bound),
            modality_labels=("text", "audio", "vision") if self.preset.modality_labels else (),
        )

    def split_sizes(self) -> dict[str, int]:
        return {split: self.sizes[split] for split in SPLIT_CODES}

    def tokenizer_identity(self) -> dict[str, Any]:
        return self.tokenizer.identity()

    def standardisation(self) -> dict[str, dict[str, list[float]]]:
        if not self.text_encoder:
            return {}
        return {"text": {"mean": self.text_encoder.mean_D.tolist(), "std": self.text_encoder.std_D.tolist()}}

    def description(self) -> dict[str, Any]:
        description = {
            "kind": self.kind, "preset": self.preset_name, "seed": self.seed, "sizes": self.split_sizes(),
            "weak_modality": self.weak_modality, "vector_features": self.vector_features,
            "max_frames": self.max_frames, "weak_only": self.weak_only,
            "weak_factors": self.weak_factors, "weak_factor_noise": self.weak_factor_noise,
        }
        if self.text_encoder:  # only then, so builds made before the option existed still match theirs
            description["text_features"] = self.text_encoder.identity()
        return description

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        for position in range(start, stop):
            yield self.make_sample(split, position)

    def make_sample(self, split: str, position: int) -> Sample:
        rng = np.random.default_rng([self.seed, SPLIT_CODES[split], position])
        shared, text_only, audio_only, vision_only, weak = rng.standard_normal(5)
        audio_bit, vision_bit = rng.choice((-1.0, 1.0), size=2)
        w_audio, w_vision, w_interaction = W_AUDIO, W_VISION, W_INTERACTION
        if self.weak_only:  # every draw still happens, so the other latents stay as they were
            w_interaction = 0.0
            w_audio, w_vision = (0.0, W_VISION) if self.weak_modality == "audio" else (W_AUDIO, 0.0)
        score = (W_SHARED * shared + W_TEXT * text_only + w_audio * audio_only + w_vision * vision_only
                 + w_interaction * audio_bit * vision_bit + W_WEAK * weak + 0.15 * rng.standard_normal())
        bound = self.preset.label_bound
        # Scale so the label spreads over the range like the real sets; round to a 0.2 grid so exact
        # zeros occur (the has0/non0 metrics differ only on those).
        label = _round_to_grid(np.clip(score * (1.2 if bound == 3.0 else 0.45), -bound, bound))

        text_cue = W_SHARED * shared + W_TEXT * text_only
        audio_cue = (W_SHARED * shared + W_AUDIO * audio_only) / 0.9
        vision_cue = (W_SHARED * shared + W_VISION * vision_only) / 0.9
        audio_weak = weak if self.weak_modality == "audio" else 0.0
        vision_weak = weak if self.weak_modality == "vision" else 0.0
        if self.weak_only:
            if self.weak_modality == "audio":
                audio_cue, audio_bit = 0.0, 0.0
            else:
                vision_cue, vision_bit = 0.0, 0.0
        features = {
            "text": (self.text_encoder or self.tokenizer)(_sentence(rng, text_cue)),
            "audio": self._features(rng, "audio", self.preset.audio, audio_cue, audio_bit, audio_weak),
            "vision": self._features(rng, "vision", self.preset.vision, vision_cue, vision_bit, vision_weak),
        }
        if self.weak_factors:
            # A stream of its own, so the other modalities are those of the same seed without factors.
            factor_rng = np.random.default_rng([self.seed, SPLIT_CODES[split], position, 1])
            features[self.weak_modality] = self._factor_features(factor_rng, weak)
        modality_labels = {}
        if self.preset.modality_labels:
            scale = 0.45 if bound == 1.0 else 1.2
            modality_labels = {
                "text": _round_to_grid(np.clip(text_cue * scale, -bound, bound)),
                "audio": _round_to_grid(np.clip(audio_cue * scale, -bound, bound)),
                "vision": _round_to_grid(np.clip((vision_cue + W_WEAK * vision_weak) * scale, -bound, bound)),
            }
        return Sample(id=f"syn{self.preset_name}_{split}_{position:07d}", label=label, features=features,
                      modality_labels=modality_labels)

    def _features(self, rng, name, shape, cue, bit, weak) -> np.ndarray:
        cue_dir, bit_dir, weak_dir = self._directions[name]
        signal = FRAME_AMPLITUDE * (cue * cue_dir + bit * bit_dir) + WEAK_AMPLITUDE * weak * weak_dir
        return self._frames(rng, shape, signal, noise_std=1.0)

    def _factor_features(self, rng, weak) -> np.ndarray:
        """The weak modality under ``weak_factors``: the weak cue and label-free factors, each constant
        over the utterance along its own direction, under per-frame noise of std ``weak_factor_noise``."""
        factors_F = np.concatenate([[weak], rng.standard_normal(self.weak_factors - 1)])
        signal = FRAME_AMPLITUDE * factors_F @ self._factor_directions
        return self._frames(rng, getattr(self.preset, self.weak_modality), signal, self.weak_factor_noise)

    def _frames(self, rng, shape, signal, noise_std) -> np.ndarray:
        """A sequence of a random length (or one vector) showing ``signal`` under Gaussian noise."""
        max_len, dim = shape
        if self.vector_features:
            # An utterance-level vector: the signal of a ~64-frame average, its noise shrunk to match.
            return (8.0 * signal + noise_std * rng.standard_normal(dim)).astype(np.float32)
        length = int(rng.integers(max(1, max_len // 4), max_len + 1))
        frames = noise_std * rng.standard_normal((length, dim), dtype=np.float32)
        frames += signal.astype(np.float32)
        return frames


def _orthonormal_directions(rng: np.random.Generator, dim: int, count: int = 3) -> np.ndarray:
    """``count`` unit directions, orthonormal when dim >= count (by default three: the cue, the
    interaction bit, the weak cue)."""
    matrix = rng.standard_normal((dim, max(count, dim)))
    q, _ = np.linalg.qr(matrix)
    if dim >= count:
        directions = q[:, :count].T
    else:
        directions = matrix[:, :count].T / np.linalg.norm(matrix[:, :count], axis=0)[:, None]
    return directions.astype(np.float64)


def _round_to_grid(value: float, step: float = 0.2) -> float:
    return float(round(float(np.round(value / step)) * step, 6)) + 0.0  # + 0.0 turns -0.0 into 0.0


def reference_sentences(rng: np.random.Generator, count: int) -> list[str]:
    """``count`` sentences of the generator's text distribution (cues as in ``make_sample``)."""
    return [_sentence(rng, W_SHARED * shared + W_TEXT * text_only)
            for shared, text_only in rng.standard_normal((count, 2))]


def _sentence(rng: np.random.Generator, cue: float) -> str:
    """Words whose sentiment count and intensity encode ``cue``; the rest is filler."""
    words = list(rng.choice(FILLER_WORDS, size=int(rng.integers(4, 12))))
    lexicon = POSITIVE_WORDS if cue >= 0 else NEGATIVE_WORDS
    for _ in range(int(min(5, round(abs(cue) * 2)))):
        if abs(cue) > 1.2 and rng.random() < 0.5:
            words.append(str(rng.choice(INTENSIFIERS)))
        words.append(str(rng.choice(lexicon)))
    if rng.random() < 0.15:  # an occasional word of the opposite polarity, as people write
        words.append(str(rng.choice(NEGATIVE_WORDS if cue >= 0 else POSITIVE_WORDS)))
    rng.shuffle(words)
    return " ".join(words)
