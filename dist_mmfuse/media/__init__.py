"""From recorded media to feature sequences: decoding (decode.py), acoustic descriptors (audio.py) and
facial features (face.py). Needs the ``media`` extra (PyAV, openSMILE, LiteRT, OpenCV)."""
