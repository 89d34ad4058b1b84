"""Cairn's corpus generator: deterministic, seeded, realistic mail with an exact ground truth.

Entry point: ``Tools/gen-corpus`` (see ``cli.py``); the format of the truth file is described in
``Tools/lib/corpusgen/README.md``.
"""

GENERATOR_VERSION = 1
