"""The hostile corpus: cases in tests/hostile/*.toml, run through the checker and judged.

A case is a reference (or ``problem``, a bank problem's id), an answer, options, the expected
outcome (correct, wrong, or error: the call itself is refused) and why, and optionally ``says``:
words the feedback must contain (the note or diagnosis the case is about); a right answer written
in notation the reader does not know yet names the ``gap`` (the test expects it to fail, and
the summary counts it as a false fail). ``run_case`` gives the outcome
and the time it took; ``summary`` the table the README shows
(``python -m tests.hostile.corpus`` prints it).
"""

from __future__ import annotations

import time
from pathlib import Path

import tomllib

from symnn import check_answer
from symnn.answers.check import check_bank_answer

FOLDER = Path(__file__).parent
TIMEOUT = 1.5        # each check's own limit; with a worker restart a case stays under 2 s


def cases() -> list[dict]:
    found = []
    for path in sorted(FOLDER.glob("*.toml")):
        for number, case in enumerate(tomllib.loads(path.read_text(encoding="utf-8"))["case"], 1):
            found.append({"reference": "", **case, "id": f"{path.stem}-{number}", "options": case.get("options", {})})
    return found


def run_case(case: dict) -> tuple[str, float, str]:
    """(outcome, seconds, detail): outcome is correct, wrong, error or crash."""
    options = {"timeout": TIMEOUT, **case["options"]}
    start = time.perf_counter()
    try:
        if case.get("problem"):
            verdict = check_bank_answer(case["problem"], case["answer"], **options)
        else:
            verdict = check_answer(case["reference"], case["answer"], **options)
    except (ValueError, TypeError) as error:
        return "error", time.perf_counter() - start, str(error)
    except Exception as error:   # noqa: BLE001 - counted as a crash, the worst outcome after a false pass
        return "crash", time.perf_counter() - start, f"{type(error).__name__}: {error}"
    elapsed = time.perf_counter() - start
    if not (verdict.feedback and all(isinstance(line, str) for line in verdict.feedback)):
        return "crash", elapsed, "a verdict without feedback"
    if verdict.decided_by in ("crashed", "error"):
        return "crash", elapsed, " ".join(verdict.feedback)          # the checker broke: not a verdict
    return ("correct" if verdict.correct else "wrong"), elapsed, " ".join(verdict.feedback)


def summary(results) -> dict:
    """results: (case, outcome, seconds) triples."""
    right = [r for r in results if r[0]["expect"] == "correct"]
    return {
        "cases": len(results),
        "false passes": sum(1 for c, o, _ in results if o == "correct" and c["expect"] != "correct"),
        "false fails": sum(1 for c, o, _ in right if o != "correct"),
        "right answers": len(right),
        "crashes": sum(1 for _, o, _ in results if o == "crash"),
        "over 2 s": sum(1 for _, _, s in results if s > 2.0),
    }


if __name__ == "__main__":
    results = [(case, *run_case(case)[:2]) for case in cases()]
    table = summary(results)
    print("| cases | false passes | false fails (of right answers) | crashes | over 2 s |")
    print("|---|---|---|---|---|")
    print(f"| {table['cases']} | {table['false passes']} | {table['false fails']} (of {table['right answers']}) "
          f"| {table['crashes']} | {table['over 2 s']} |")
