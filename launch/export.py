"""Export a DeepSpeed checkpoint as a self-contained model directory (fp32 safetensors weights, the resolved
config, the schema, the preprocessing and the tokenizer), loadable with dist_mmfuse.load_model.

    python launch/export.py --checkpoint runs/quickstart/checkpoints/latest --out quickstart_model
"""

import sys

from dist_mmfuse.cli import export_main

if __name__ == "__main__":
    sys.exit(export_main())
