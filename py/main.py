"""Attune's glue: the one module that touches the browser. Everything else in py/ is pure."""
import js
from pyscript import document

document.documentElement.setAttribute("data-app", "ready")
