"""`genreport status YEAR`: the coordinator's board, one row per agency of the year.

``board`` collects the rows (through the same loader as ``check``, so roll-ups and findings are
the ones check reports); ``page`` writes the self-contained HTML; ``machine`` JSON and CSV.
"""

from __future__ import annotations

from .board import Board, Row, make_board
from .machine import board_csv, board_json
from .page import board_html

__all__ = ["Board", "Row", "board_csv", "board_html", "board_json", "make_board"]
