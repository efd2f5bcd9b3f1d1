"""The glue: the only package (with py/main.py) that touches js or pyscript."""
