"""Export a DeepSpeed checkpoint's consolidated fp32 weights (and its config) to one file.

    python launch/export.py --checkpoint runs/quickstart/checkpoints/latest --out quickstart_fp32.pt
"""

import sys

from dist_mmfuse.cli import export_main

if __name__ == "__main__":
    sys.exit(export_main())
