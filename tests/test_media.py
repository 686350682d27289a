"""Decoding and feature extraction from real media made here (tests/media_clips.py): espeak-ng speech over
a moving face photograph."""

from __future__ import annotations

import math

import numpy as np
import pytest

from .media_clips import SIZE, make_clip, need_media_tools

TEXT = "What a wonderful film, I loved every minute of it."


@pytest.fixture(scope="module")
def clip(tmp_path_factory):
    need_media_tools()
    path = tmp_path_factory.mktemp("media") / "clip.mp4"
    seconds = make_clip(path, TEXT)
    return path, seconds


def test_audio_is_decoded_to_16_khz_mono_and_cut_to_the_segment(clip):
    from dist_mmfuse.media.decode import Segment, decode_audio, media_duration

    path, seconds = clip
    duration = media_duration(str(path))
    assert abs(duration - seconds) < 0.1
    samples = decode_audio(Segment(str(path)))
    assert samples.dtype == np.float32 and samples.ndim == 1
    assert abs(len(samples) / 16_000 - duration) < 0.05
    assert 0.05 < np.abs(samples).max() <= 1.0
    part = decode_audio(Segment(str(path), 1.0, 2.0))
    assert len(part) == 16_000
    # The cut is where it should be: its samples are the whole track's from 1 s on, to the sample (they differ
    # a little: the resampler starts from another input sample after a seek).
    lag = int(np.argmax(np.correlate(samples[15_000:33_000], part[2000:-2000], "valid"))) - 3000
    assert lag == 0
    assert np.corrcoef(part[1000:-1000], samples[17_000:31_000])[0, 1] > 0.98


def test_frames_are_sampled_on_the_rate_grid_and_cut_to_the_segment(clip):
    from dist_mmfuse.media.decode import Segment, decode_frames

    path, seconds = clip
    frames = list(decode_frames(Segment(str(path)), fps=5))
    times = [t for t, _ in frames]
    assert times == pytest.approx([k / 5 for k in range(len(times))])
    assert abs(len(times) - math.ceil(seconds * 5)) <= 1
    assert all(frame.shape == (SIZE[1], SIZE[0], 3) and frame.dtype == np.uint8 for _, frame in frames)
    part = [t for t, _ in decode_frames(Segment(str(path), 1.0, 2.0), fps=5)]
    assert part == pytest.approx([1.0, 1.2, 1.4, 1.6, 1.8])


def test_acoustic_descriptors_have_the_documented_shape_and_follow_the_speech(clip):
    from dist_mmfuse.media.audio import acoustic_features, feature_names
    from dist_mmfuse.media.decode import Segment, decode_audio

    path, seconds = clip
    samples = decode_audio(Segment(str(path)))
    features = acoustic_features(samples)
    assert features.shape[1] == len(feature_names()) == 25 and features.dtype == np.float32
    assert abs(features.shape[0] - len(samples) / 160) <= 5  # one frame per 10 ms
    assert np.isfinite(features).all()
    loudness = features[:, feature_names().index("Loudness_sma3")]
    # The clip ends with half a second of silence: quieter than the speech before it.
    assert loudness[-30:].mean() < 0.2 * np.median(loudness[: len(loudness) // 2])
    quiet = acoustic_features(samples * 0.1)
    assert quiet[:, 0].mean() < features[:, 0].mean()  # a quieter input measures quieter


def test_the_face_is_found_in_every_frame_and_its_measures_follow_it(clip):
    from dist_mmfuse.media.decode import Segment, decode_frames
    from dist_mmfuse.media.face import FEATURE_NAMES, FaceAnalyzer

    path, _ = clip
    analyzer = FaceAnalyzer()
    results = [analyzer.analyze(frame) for _, frame in decode_frames(Segment(str(path)), fps=5)]
    assert all(r.features is not None and r.features.shape == (len(FEATURE_NAMES),) for r in results)
    features = np.stack([r.features for r in results])
    assert np.isfinite(features).all()
    # The face drifts right and grows over the clip.
    face_x, face_size = features[:, FEATURE_NAMES.index("face_x")], features[:, FEATURE_NAMES.index("face_size")]
    assert np.all(np.diff(face_x) > -0.01) and face_x[-1] - face_x[0] > 0.25
    assert np.all(np.diff(face_size) > -0.005) and face_size[-1] / face_size[0] > 1.3
    # Measures normalised by the eye distance do not change with the face's size.
    mouth_width = features[:, FEATURE_NAMES.index("mouth_width")]
    assert mouth_width.std() < 0.05 * mouth_width.mean()
    landmarks = results[0].landmarks
    assert landmarks.shape == (468, 3)


def test_head_roll_and_size_follow_a_rotated_and_scaled_face():
    need_media_tools()
    import cv2
    from skimage import data

    from dist_mmfuse.media.face import FEATURE_NAMES, FaceAnalyzer

    analyzer = FaceAnalyzer()
    image = data.astronaut()
    upright = analyzer.analyze(image).features
    turned = analyzer.analyze(cv2.warpAffine(image, cv2.getRotationMatrix2D((225, 130), 20, 0.7), (512, 512))).features
    roll, size = FEATURE_NAMES.index("roll"), FEATURE_NAMES.index("face_size")
    # OpenCV's positive angle turns the picture anticlockwise, so the eye line tilts up: roll falls by 20 degrees.
    assert math.degrees(upright[roll] - turned[roll]) == pytest.approx(20, abs=2.5)
    assert turned[size] / upright[size] == pytest.approx(0.7, rel=0.05)
    assert analyzer.analyze(np.zeros((240, 320, 3), np.uint8)).features is None


def test_no_face_in_a_clip_without_one(tmp_path):
    need_media_tools()
    from dist_mmfuse.media.decode import Segment, decode_frames
    from dist_mmfuse.media.face import FaceAnalyzer

    path = tmp_path / "grey.mp4"
    make_clip(path, "Nothing to see here.", face=False)
    analyzer = FaceAnalyzer()
    assert all(analyzer.analyze(frame).features is None for _, frame in decode_frames(Segment(str(path)), fps=5))


def test_bad_media_is_named(clip, tmp_path):
    from dist_mmfuse.media.decode import MediaError, Segment, decode_audio, decode_frames

    path, seconds = clip
    with pytest.raises(MediaError, match=r"missing\.mp4: no such file"):
        decode_audio(Segment(str(tmp_path / "missing.mp4")))
    text = tmp_path / "notes.mp4"
    text.write_text("not a video\n" * 100)
    with pytest.raises(MediaError, match=r"notes\.mp4: not a readable media file"):
        decode_audio(Segment(str(text)))
    truncated = tmp_path / "truncated.mp4"
    truncated.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(MediaError, match=r"truncated\.mp4"):
        list(decode_frames(Segment(str(truncated)), fps=5))
    silent = tmp_path / "silent.mp4"
    make_clip(silent, "No sound.", audio=False)
    with pytest.raises(MediaError, match=r"silent\.mp4: has no audio track"):
        decode_audio(Segment(str(silent)))
    with pytest.raises(MediaError, match=r"clip\.mp4 \[10s, 12s\): outside the file's duration"):
        decode_audio(Segment(str(path), 10.0, 12.0))
    with pytest.raises(MediaError, match=r"0 <= start < end"):
        list(decode_frames(Segment(str(path), 2.0, 1.0), fps=5))


def remux(source, target):
    """``source``'s streams copied packet by packet into ``target`` (its container chosen by the suffix)."""
    import av

    with av.open(str(source)) as inp, av.open(str(target), "w") as out:
        streams = {s.index: out.add_stream_from_template(s) for s in inp.streams if s.type in ("audio", "video")}
        for packet in inp.demux():
            if packet.dts is None or packet.stream.index not in streams:
                continue
            packet.stream = streams[packet.stream.index]
            out.mux(packet)


def test_files_whose_timestamps_do_not_start_at_zero_are_cut_from_their_start(clip, tmp_path):
    from dist_mmfuse.media.decode import Segment, decode_audio, decode_frames

    path, _ = clip
    shifted = tmp_path / "clip.ts"  # the MPEG-TS muxer shifts every timestamp (0.2 s here)
    remux(path, shifted)
    import av

    with av.open(str(shifted)) as container:
        assert container.start_time / 1e6 > 0.1
    original, moved = decode_audio(Segment(str(path))), decode_audio(Segment(str(shifted)))
    assert abs(len(original) - len(moved)) < 0.05 * 16_000
    assert [t for t, _ in decode_frames(Segment(str(shifted)), 5)] == pytest.approx(
        [t for t, _ in decode_frames(Segment(str(path)), 5)])
    part = decode_audio(Segment(str(shifted), 1.0, 2.0))
    assert len(part) == 16_000 and np.corrcoef(part[1000:-1000], original[17_000:31_000])[0, 1] > 0.98


def test_a_segment_of_compressed_audio_starts_with_its_first_samples(clip, tmp_path):
    """Decoding starts before the segment (MP3 and AAC need the frames before a point to give it right)."""
    import av

    from dist_mmfuse.media.decode import Segment, decode_audio

    path, _ = clip
    mp3 = tmp_path / "speech.mp3"
    samples = decode_audio(Segment(str(path)))
    with av.open(str(mp3), "w") as out:
        stream = out.add_stream("libmp3lame", rate=16_000)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(samples[None, :], format="flt", layout="mono")
        frame.sample_rate = 16_000
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    whole = decode_audio(Segment(str(mp3)))
    part = decode_audio(Segment(str(mp3), 1.0, 1.4))
    offset = 16_000 + int(np.argmax(np.correlate(whole[16_000:16_800], part[:400], "full")) - 399)
    assert abs(offset - 16_000) < 80  # where it belongs, up to the codec's delay
    head = slice(0, 1120)  # the first 70 ms, silent without the pre-roll
    np.testing.assert_allclose(part[head], whole[offset:offset + 1120], atol=0.02)
    assert np.abs(part[head]).max() > 0.01


def test_a_segment_too_short_for_the_audio_descriptors_is_named(clip):
    from dist_mmfuse.media.decode import MediaError, Segment
    from dist_mmfuse.media.extract import ExtractionSettings, extract_clip

    path, _ = clip
    with pytest.raises(MediaError, match=r"clip\.mp4 \[1s, 1.03s\): too short for the audio descriptors"):
        extract_clip(Segment(str(path), 1.0, 1.03), ExtractionSettings(fps=100))
