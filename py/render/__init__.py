"""Pure HTML text built from core's data; imports core and render."""
