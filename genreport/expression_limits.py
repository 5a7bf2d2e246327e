"""How far a narrative expression may go: shared by the sandbox and J1's fast path.

Kept apart from ``sandbox.py`` so that checking texts whose expressions are plain paths into the
data does not import Jinja.
"""

MAX_TEXT = 100_000
MAX_DIGITS = 100
MAX_EXPONENT = 100
MAX_LOOPS = 10_000
MAX_SECONDS = 1.0
#: A report's narrative uses a few dozen expressions; compiling each costs about 0.1 ms.
MAX_EXPRESSIONS = 1000
