"""Let the scripts run as plain commands: re-run them under the project's .venv."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def use_project_venv(needs: str) -> None:
    """Re-run the calling script under .venv/bin/python when module `needs` is missing here."""
    venv_python = ROOT / ".venv" / "bin" / "python"
    if importlib.util.find_spec(needs) is None and venv_python.exists():
        os.execv(venv_python, [str(venv_python), sys.argv[0], *sys.argv[1:]])
