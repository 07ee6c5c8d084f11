"""Placeholder until the window lands (issue 3)."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    print("The Reader window is not built yet; see `reader --help` for the CLI.")
    return 0
