"""Where the project and its build are, for tests and fixtures alike."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist"
