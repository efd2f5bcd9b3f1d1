"""Attune's build: Markdown articles in, one static page in dist/ out (runs in CPython only)."""
