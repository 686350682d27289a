"""Decoding a media file's segment with PyAV (FFmpeg's libraries): its audio as 16 kHz mono samples, its
video as RGB frames at a fixed rate.

Owns opening files, choosing streams, cutting the segment and resampling. Every failure is a
``MediaError`` naming the file (and the segment): unreadable or truncated files, a missing audio or video
track, a segment outside the file's duration. It must not compute features (audio.py, face.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import numpy as np

AUDIO_RATE = 16_000  # Hz: what openSMILE's eGeMAPS configuration expects


class MediaError(ValueError):
    """A media file or segment that cannot give what was asked of it; the message names the file."""


@dataclass(frozen=True)
class Segment:
    """``path`` from ``start`` to ``end`` seconds (None: from the beginning / to the end)."""

    path: str
    start: float | None = None
    end: float | None = None

    def __str__(self) -> str:
        if self.start is None and self.end is None:
            return self.path
        return f"{self.path} [{self.start or 0:g}s, {'end' if self.end is None else f'{self.end:g}s'})"


def _open(segment: Segment):
    import av

    if not Path(segment.path).is_file():
        raise MediaError(f"{segment.path}: no such file")
    try:
        return av.open(segment.path)
    except av.error.FFmpegError as exc:
        raise MediaError(f"{segment.path}: not a readable media file ({exc})") from None


def _duration(container) -> float | None:
    if container.duration is not None:
        return container.duration / 1_000_000  # av.time_base: microseconds
    durations = [float(s.duration * s.time_base) for s in container.streams if s.duration]
    return max(durations) if durations else None


def _start_offset(container) -> float:
    """The timestamp the file starts at (MPEG-TS, stream copies and MP3s do not start at 0): segment times
    count from it."""
    return container.start_time / 1_000_000 if container.start_time is not None else 0.0


def _bounds(segment: Segment, duration: float | None) -> tuple[float, float]:
    """The segment as ``[start, end)`` seconds from the file's start (end: inf for "to the end")."""
    start = 0.0 if segment.start is None else float(segment.start)
    end = duration if segment.end is None else float(segment.end)
    if duration is not None and start >= duration:
        raise MediaError(f"{segment}: outside the file's duration ({duration:.3f}s)")
    if start < 0 or (end is not None and end <= start):
        raise MediaError(f"{segment}: the segment must have 0 <= start < end")
    if duration is not None and end > duration + 0.05:
        raise MediaError(f"{segment}: outside the file's duration ({duration:.3f}s)")
    return start, math.inf if end is None else end


def media_duration(path: str) -> float | None:
    """The file's duration in seconds, as its container says (None when it does not)."""
    with _open(Segment(path)) as container:
        return _duration(container)


SEEK_PREROLL = 0.5  # s: decoders (MP3, AAC, Opus) need the frames before a point to give it right


def decode_audio(segment: Segment) -> np.ndarray:
    """The segment's first audio track as float32 samples, mono, at 16 kHz (shape ``(samples,)``)."""
    import av

    with _open(segment) as container:
        if not container.streams.audio:
            raise MediaError(f"{segment.path}: has no audio track")
        stream = container.streams.audio[0]
        start, end = _bounds(segment, _duration(container))
        offset = _start_offset(container)
        resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
        pieces = []
        try:
            if start > SEEK_PREROLL:
                container.seek(int((offset + start - SEEK_PREROLL) / stream.time_base), stream=stream, backward=True)
            for frame in container.decode(stream):
                for resampled in resampler.resample(frame):
                    pieces.append((resampled.time, resampled.to_ndarray().reshape(-1)))
                if frame.time is not None and frame.time - offset > end:
                    break
            for resampled in resampler.resample(None):
                pieces.append((resampled.time, resampled.to_ndarray().reshape(-1)))
        except av.error.FFmpegError as exc:
            raise MediaError(f"{segment}: corrupt or truncated audio ({exc})") from None
    if not pieces:
        raise MediaError(f"{segment}: its audio track holds no samples")
    first_time = (pieces[0][0] if pieces[0][0] is not None else offset) - offset
    samples = np.concatenate([piece for _, piece in pieces]).astype(np.float32, copy=False)
    # Cut to [start, end) on the sample grid (decoding began at or before start, by the pre-roll).
    lo = max(0, round((start - first_time) * AUDIO_RATE))
    hi = len(samples) if math.isinf(end) else min(len(samples), round((end - first_time) * AUDIO_RATE))
    if hi <= lo:
        raise MediaError(f"{segment}: no audio in the segment")
    return samples[lo:hi]


def has_video(segment: Segment) -> bool:
    with _open(segment) as container:
        return bool(container.streams.video)


def decode_frames(segment: Segment, fps: float) -> Iterator[tuple[float, np.ndarray]]:
    """``(seconds from the file's start, RGB uint8 frame of shape (H, W, 3))`` of the segment's first video
    track at the times ``start + k / fps``: at each, the frame on screen then (the last one that started at
    or before it)."""
    import av

    if fps <= 0:
        raise ValueError(f"fps must be positive, got {fps}")
    step = 1.0 / fps
    with _open(segment) as container:
        if not container.streams.video:
            raise MediaError(f"{segment.path}: has no video track")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        duration = _duration(container)
        start, end = _bounds(segment, duration)
        offset = _start_offset(container)
        grid, on_screen, picture, yielded, time = start, None, None, 0, start
        try:
            if start > 0:
                container.seek(int((offset + start) / stream.time_base), stream=stream, backward=True)
            for frame in container.decode(stream):
                time = (frame.time if frame.time is not None else offset) - offset
                while on_screen is not None and grid < end and time > grid + 1e-9:
                    if picture is None:  # converted only when shown at a grid time, once
                        picture = on_screen.to_ndarray(format="rgb24")
                    yield grid, picture
                    yielded += 1
                    grid = start + yielded * step
                if grid >= end:
                    break
                on_screen, picture = frame, None
            if on_screen is not None:
                # The last frame stays on screen to the end of the stream (or one frame interval, if unknown).
                rate = float(stream.average_rate) if stream.average_rate else fps
                last_end = min(end, duration if duration is not None else time + 1.0 / rate)
                while grid < last_end - 1e-9:
                    if picture is None:
                        picture = on_screen.to_ndarray(format="rgb24")
                    yield grid, picture
                    yielded += 1
                    grid = start + yielded * step
        except av.error.FFmpegError as exc:
            raise MediaError(f"{segment}: corrupt or truncated video ({exc})") from None
        if not yielded:
            raise MediaError(f"{segment}: no video frame in the segment")
