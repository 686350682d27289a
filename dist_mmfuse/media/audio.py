"""Acoustic descriptors of 16 kHz mono speech: openSMILE's eGeMAPS (v02) low-level descriptors, one frame
every 10 ms (25 descriptors: loudness, pitch, jitter, shimmer, formants, spectral slopes, MFCCs 1-4, ...).

The published datasets' audio features are COVAREP's (74 descriptors at 100 Hz: pitch, voicing, glottal
source parameters, MFCCs, peak slope): another toolkit, with a similar purpose and rate. eGeMAPS is the
minimalistic set the affective-computing community agreed on (Eyben et al., 2016), and openSMILE's wheel
ships its binary and configuration, so nothing is downloaded. A model trained on one set cannot take the
other.

Owns the openSMILE configuration; it must not decode media (decode.py).
"""

from __future__ import annotations

import functools
import warnings

import numpy as np

from .decode import AUDIO_RATE

FEATURE_SET = "eGeMAPSv02"
HOP_SECONDS = 0.01  # openSMILE's eGeMAPS frame step


@functools.lru_cache(maxsize=1)
def _smile():
    import opensmile

    return opensmile.Smile(feature_set=getattr(opensmile.FeatureSet, FEATURE_SET),
                           feature_level=opensmile.FeatureLevel.LowLevelDescriptors)


def feature_names() -> tuple[str, ...]:
    return tuple(_smile().feature_names)


def acoustic_features(samples: np.ndarray) -> np.ndarray:
    """``(frames, 25)`` float32 eGeMAPS descriptors of ``samples`` (float32, mono, 16 kHz)."""
    if samples.ndim != 1:
        raise ValueError(f"expected mono samples of shape (n,), got {samples.shape}")
    with warnings.catch_warnings():  # a segment too short comes back as NaN, which extract.py names as an error
        warnings.filterwarnings("ignore", message="Segment too short")
        frames = _smile().process_signal(samples, AUDIO_RATE)
    return frames.to_numpy(dtype=np.float32)


def versions() -> dict[str, str]:
    """What the descriptors depend on, for a build's identity."""
    import opensmile

    return {"opensmile": opensmile.__version__, "feature_set": FEATURE_SET}
