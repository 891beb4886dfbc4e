"""``python -m tracker``."""

from .console import main

main()
