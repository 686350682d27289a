"""Real media made here for the media tests: speech from espeak-ng (a Debian package) muxed with a video of
a real face photograph (scikit-image's astronaut) moved and scaled frame by frame, written with PyAV."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

SIZE = (320, 240)  # width, height of the clips


def need_media_tools() -> None:
    pytest.importorskip("av", reason="the media extra is not installed (launch/setup_env.sh installs it)")
    pytest.importorskip("opensmile", reason="the media extra is not installed")
    pytest.importorskip("ai_edge_litert", reason="the media extra is not installed")
    if shutil.which("espeak-ng") is None:
        pytest.skip("espeak-ng is not installed (launch/test.sh installs it as root: apt-get install espeak-ng)")


def speech(text: str, path: Path) -> tuple[np.ndarray, int]:
    """``text`` spoken by espeak-ng: int16 samples and their rate."""
    subprocess.run(["espeak-ng", "-w", str(path), text], check=True, capture_output=True)
    with wave.open(str(path)) as handle:
        rate = handle.getframerate()
        samples = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    return samples, rate


def face_frame(t: float, seconds: float) -> np.ndarray:
    """The astronaut's face, drifting right and growing over the clip (RGB, SIZE)."""
    import cv2
    from skimage import data

    image = data.astronaut()  # 512 x 512; the face is around (225, 130)
    progress = t / max(seconds, 1e-6)
    scale = 0.9 + 0.5 * progress
    shift_x = -60 + 120 * progress
    matrix = np.array([[scale, 0, SIZE[0] / 2 - scale * 225 + shift_x],
                       [0, scale, SIZE[1] / 2 - scale * 130]], dtype=np.float32)
    return cv2.warpAffine(image, matrix, SIZE, borderMode=cv2.BORDER_REPLICATE)


def make_clip(path: Path, text: str, *, fps: int = 10, face: bool = True, audio: bool = True,
              tail_seconds: float = 0.5) -> float:
    """An .mp4 (H.264 + AAC) of ``text`` spoken over the moving face (or a grey picture: ``face=False``);
    ``audio=False`` leaves the audio track out. Returns its length in seconds."""
    import av

    samples, rate = speech(text, path.with_suffix(".wav"))
    seconds = len(samples) / rate + tail_seconds
    with av.open(str(path), "w") as container:
        video = container.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = SIZE[0], SIZE[1], "yuv420p"
        if audio:
            sound = container.add_stream("aac", rate=rate)
            sound.layout = "mono"
        for index in range(int(seconds * fps)):
            picture = face_frame(index / fps, seconds) if face else np.full((SIZE[1], SIZE[0], 3), 128, np.uint8)
            for packet in video.encode(av.VideoFrame.from_ndarray(picture, format="rgb24")):
                container.mux(packet)
        for packet in video.encode():
            container.mux(packet)
        if audio:
            padded = np.concatenate([samples, np.zeros(int(tail_seconds * rate), np.int16)])
            frame = av.AudioFrame.from_ndarray(padded[None, :], format="s16", layout="mono")
            frame.sample_rate = rate
            for packet in sound.encode(frame):
                container.mux(packet)
            for packet in sound.encode():
                container.mux(packet)
    return seconds
