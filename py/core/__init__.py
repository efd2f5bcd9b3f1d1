"""Pure data: runs unchanged in CPython and MicroPython; imports only core and standard modules."""
