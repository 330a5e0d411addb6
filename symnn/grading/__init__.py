"""Grading a class: reading submissions, checking them in a pool of sandboxed workers, and
the teacher's report.

Above the checker (``symnn.answers``), whose verdict it gives each row, and below the
printers. A batch never drops a row: every input record gets one result, in order.
"""
