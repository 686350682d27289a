"""How a sample is laid out in a tar shard, and how it is read back.

One sample is one WebDataset key, the zero-padded global index (no dots, so WebDataset's
``base_plus_ext`` splits it right). Its members:

* ``<key>.json``: ``{"id", "index", "label", "modality_labels"}``;
* ``<key>.<modality>.npy``: the modality's array, unpadded (tokens int32; features float16 or float32).

Sequences are stored at their true length, so lengths are implicit and nothing is stored twice.
"""

from __future__ import annotations

import functools
import io
import json
import math
import tarfile
from typing import Any, BinaryIO, Iterator

import numpy as np
import webdataset as wds
from wids.wids_mmtar import parse_tar_header

from ..schema import Sample

KEY_DIGITS = 9
META_FIELD = "json"


def sample_key(index: int) -> str:
    return f"{index:0{KEY_DIGITS}d}"


def npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


NPY_MAGIC = b"\x93NUMPY"


@functools.lru_cache(maxsize=4096)
def _npy_header(prefix: bytes) -> tuple[tuple[int, ...], bool, np.dtype]:
    # numpy parses the header dict with ast.literal_eval (~50 us); samples of one dataset share few headers.
    stream = io.BytesIO(prefix)
    version = np.lib.format.read_magic(stream)
    read = np.lib.format.read_array_header_1_0 if version == (1, 0) else np.lib.format.read_array_header_2_0
    return read(stream)


def npy_layout(data) -> tuple[int, tuple[int, ...], bool, np.dtype]:
    """``(payload offset, shape, fortran_order, dtype)`` of .npy bytes; ValueError on anything else or on
    object arrays (they would need pickle)."""
    if data[:6] != NPY_MAGIC:
        raise ValueError("not an .npy payload")
    # Header length field: 2 bytes in format 1.x, 4 bytes in 2.x and 3.x (NEP 1).
    offset = 10 + int.from_bytes(data[8:10], "little") if data[6] == 1 else 12 + int.from_bytes(data[8:12], "little")
    shape, fortran_order, dtype = _npy_header(bytes(data[:offset]))
    if dtype.hasobject:
        raise ValueError("object arrays are not allowed in shards")
    return offset, shape, fortran_order, dtype


def npy_from_bytes(data: bytes) -> np.ndarray:
    """Decode .npy bytes without copying the payload (np.load would copy it through a file object)."""
    offset, shape, fortran_order, dtype = npy_layout(data)
    count = math.prod(shape)
    array = np.frombuffer(data, dtype=dtype, count=count, offset=offset)
    return array.reshape(shape, order="F" if fortran_order else "C")


def open_tar_writer(stream: BinaryIO) -> wds.TarWriter:
    """A TarWriter giving plain USTAR members with a fixed mtime: reproducible bytes, no PAX headers.

    webdataset 1.0.2 ignores its own ``format`` argument, and a float mtime makes Python's default PAX
    format add an extra header to every member, which doubles the reader's per-member parsing cost.
    """
    writer = wds.TarWriter(stream, encoder=False, mtime=0)
    writer.tarstream.format = tarfile.USTAR_FORMAT
    return writer


def encode_sample(sample: Sample, feature_dtype: np.dtype) -> dict[str, bytes | str]:
    """The WebDataset fields of ``sample``; float features are cast to ``feature_dtype``."""
    meta = {
        "id": sample.id,
        "index": int(sample.index),
        "label": float(sample.label),
        "modality_labels": {k: float(v) for k, v in sample.modality_labels.items()},
    }
    fields: dict[str, bytes | str] = {"__key__": sample_key(sample.index), META_FIELD: json.dumps(meta).encode()}
    for name, values in sample.features.items():
        stored = values.astype(np.int32) if values.dtype.kind in "iu" else values.astype(feature_dtype)
        fields[f"{name}.npy"] = npy_bytes(stored)
    return fields


def decode_sample(raw: dict[str, bytes], modality_names: tuple[str, ...]) -> Sample:
    """Decode the raw fields of one key. Raises KeyError naming a missing field, ValueError on bad bytes."""
    if META_FIELD not in raw:
        raise KeyError(f"missing field {META_FIELD!r}")
    meta = json.loads(bytes(raw[META_FIELD]))
    features = {}
    for name in modality_names:
        field_name = f"{name}.npy"
        if field_name not in raw:
            raise KeyError(f"missing modality {name!r} (field {field_name!r})")
        features[name] = npy_from_bytes(raw[field_name])
    return Sample(
        id=str(meta["id"]),
        label=float(meta["label"]),
        features=features,
        modality_labels={k: float(v) for k, v in meta.get("modality_labels", {}).items()},
        index=int(meta["index"]),
    )


TAR_BLOCK = 512
REGULAR_FILE_TYPES = (b"0", b"\0")


def tar_entries(buffer) -> Iterator[tuple[str, int, int]]:
    """``(name, data start, data length)`` of each regular-file member of the tar held in ``buffer`` (an
    mmap or a bytearray), in order.

    Headers are parsed with wids' parser (Python's tarfile spends ~80 us per member). Unlike wids' own
    index, each header's checksum is verified and every member is checked to end inside the buffer, so
    corrupt or truncated shards raise ``tarfile.ReadError`` instead of yielding garbage; a buffer that stops
    without the end-of-archive marker is truncated too.
    """
    size = len(buffer)
    if size == 0:
        raise tarfile.ReadError("empty file")
    view = memoryview(buffer)
    offset = 0
    while True:
        if offset + TAR_BLOCK > size:
            raise tarfile.ReadError(f"file ends at byte {size} without the end-of-archive marker")
        block = bytes(view[offset:offset + TAR_BLOCK])
        if not any(block):
            return
        header = parse_tar_header(block[:500])
        try:
            stored_checksum = int(header.chksum.rstrip(b"\0 "), 8)
            length = int(header.size.rstrip(b"\0 "), 8)
        except ValueError as exc:
            raise tarfile.ReadError(f"invalid header at byte {offset}") from exc
        # The checksum counts its own 8-byte field as spaces (POSIX ustar).
        if stored_checksum != sum(block) - sum(block[148:156]) + 8 * 32:
            raise tarfile.ReadError(f"header checksum mismatch at byte {offset}")
        start = offset + TAR_BLOCK
        if start + length > size:
            raise tarfile.ReadError(f"member at byte {offset} runs past the end of the file")
        if header.typeflag in REGULAR_FILE_TYPES:
            name = header.name.rstrip(b"\0").decode()
            prefix = header.prefix.rstrip(b"\0").decode()
            yield (f"{prefix}/{name}" if prefix else name), start, length
        offset = start + (length + TAR_BLOCK - 1) // TAR_BLOCK * TAR_BLOCK


def tar_members(buffer, url: str, *, copy: bool = False) -> Iterator[dict[str, Any]]:
    """The members of ``tar_entries(buffer)`` as WebDataset's ``{"fname", "data", "__url__"}`` dicts whose
    data are zero-copy memoryviews into the buffer (``copy``: bytes of their own)."""
    view = memoryview(buffer)
    for name, start, length in tar_entries(buffer):
        data = view[start:start + length]
        yield {"fname": name, "data": bytes(data) if copy else data, "__url__": url}
