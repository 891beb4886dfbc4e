"""``python -m tracker``."""

from .cli import main

main(prog_name="tracker")
