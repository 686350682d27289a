"""Feature extraction speed from raw media: clip-seconds processed per second of wall time, audio and video
separately, in one process (median of ``--repeats`` passes over the clips).

The clips are made as the tests make them (tests/media_clips.py): espeak-ng speech over a moving face
photograph, 320x240 H.264 at 10 fps with AAC audio. Audio: decoding to 16 kHz mono plus openSMILE's
eGeMAPS descriptors. Video: decoding at ``--fps`` plus face detection, face mesh and the measures
(dist_mmfuse/media/face.py). Both are what `dist-mmfuse-shard build --source media` runs per clip; with
``workers`` processes it runs that many clips at once.

    python bench/media_throughput.py --clips 8 --fps 10
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dist_mmfuse.media.audio import acoustic_features  # noqa: E402
from dist_mmfuse.media.decode import Segment, decode_audio, decode_frames, media_duration  # noqa: E402
from dist_mmfuse.media.extract import _analyzer  # noqa: E402
from tests.media_clips import make_clip  # noqa: E402

SENTENCES = ["What a wonderful film, I loved every minute of it.", "A dull and boring film with a weak story.",
             "It was fine, nothing special, but the music was good.", "The best film I have seen this year."]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clips", type=int, default=8)
    parser.add_argument("--fps", type=float, default=10.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for number in range(args.clips):
            path = Path(tmp) / f"clip{number}.mp4"
            make_clip(path, SENTENCES[number % len(SENTENCES)])
            paths.append(path)
        seconds = sum(media_duration(str(p)) for p in paths)
        analyzer = _analyzer()
        audio_rates, video_rates, frames = [], [], 0
        for _ in range(args.repeats):
            start = time.perf_counter()
            for path in paths:
                acoustic_features(decode_audio(Segment(str(path))))
            audio_rates.append(seconds / (time.perf_counter() - start))
            start, frames = time.perf_counter(), 0
            for path in paths:
                for _, picture in decode_frames(Segment(str(path)), args.fps):
                    analyzer.analyze(picture)
                    frames += 1
            video_rates.append(seconds / (time.perf_counter() - start))
        print(json.dumps({
            "clips": args.clips, "clip_seconds": round(seconds, 1), "fps": args.fps, "frames": frames,
            "audio_clip_seconds_per_s": round(statistics.median(audio_rates), 1),
            "video_clip_seconds_per_s": round(statistics.median(video_rates), 1),
            "video_frames_per_s": round(statistics.median(video_rates) * frames / seconds, 1),
            "audio_runs": [round(r, 1) for r in audio_rates], "video_runs": [round(r, 1) for r in video_rates]}))


if __name__ == "__main__":
    main()
