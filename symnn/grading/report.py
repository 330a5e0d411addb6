"""The outputs of a grading run, written from its journal: one result per input row in input
order (``results.csv``), per student (``students.csv``), per problem with its most common
mistakes (``problems.csv``), and the teacher's report (``summary.json``, ``report.html``).
Each file is written to a temporary name and renamed, so a reader never sees half of it.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..lang import phrase
from .files import atomic_writer, write_atomically

RESULT_COLUMNS = ("row", "student", "problem", "variant", "verdict", "score", "feedback", "decided_by", "answer_read")
BINS = 10                # the score histogram: [0, 0.1), ..., [0.9, 1]
SLOWEST = 10
MISTAKES = 5
# the report's headings and labels (catalogue keys report.*)
REPORT_WORDS = ("title", "distribution", "problems", "problem", "answered", "correct", "success", "mistakes", "example",
                "slowest", "errors", "rows", "students", "seconds", "row", "verdict")


@dataclass
class ProblemTally:
    answered: int = 0
    correct: int = 0
    score: float = 0.0
    mistakes: Counter = field(default_factory=Counter)
    example: dict = field(default_factory=dict)        # mistake -> an answer that made it, without its student


@dataclass
class Tally:
    rows: int = 0
    verdicts: Counter = field(default_factory=Counter)
    students: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0.0]))   # answered, correct, score
    problems: dict = field(default_factory=lambda: defaultdict(ProblemTally))
    histogram: list = field(default_factory=lambda: [0] * BINS)
    slowest: list = field(default_factory=list)        # (seconds, row, problem, verdict)
    errors: list = field(default_factory=list)         # the first rows that could not be graded

    def add(self, result: dict) -> None:
        self.rows += 1
        verdict, score = result["verdict"], float(result["score"])
        self.verdicts[verdict] += 1
        student = self.students[result["student"]]
        student[0] += 1
        student[1] += verdict == "correct"
        student[2] += score
        problem = self.problems[result["problem"]]
        problem.answered += 1
        problem.correct += verdict == "correct"
        problem.score += score
        if verdict != "correct":
            mistake = result["feedback"][-1] if result["feedback"] else verdict
            problem.mistakes[mistake] += 1
            problem.example.setdefault(mistake, result.get("answer_excerpt", ""))
        self.histogram[min(int(score * BINS), BINS - 1)] += 1
        self.slowest = sorted([*self.slowest, (float(result["seconds"]), result["row"], result["problem"], verdict)],
                              reverse=True)[:SLOWEST]
        if verdict in ("invalid", "timeout", "crashed") and len(self.errors) < SLOWEST:
            self.errors.append({"row": result["row"], "problem": result["problem"], "verdict": verdict,
                                "feedback": result["feedback"][:1]})

    def summary(self) -> dict:
        problems = {pid: {"answered": p.answered, "correct": p.correct,
                          "success_rate": round(p.correct / p.answered, 4) if p.answered else 0.0,
                          "mean_score": round(p.score / p.answered, 4) if p.answered else 0.0,
                          "common_mistakes": [{"mistake": m, "count": n, "example": p.example[m]}
                                              for m, n in p.mistakes.most_common(MISTAKES)]}
                    for pid, p in sorted(self.problems.items())}
        return {"rows": self.rows, "verdicts": dict(self.verdicts), "students": len(self.students),
                "score_histogram": {f"{k / BINS:.1f}-{(k + 1) / BINS:.1f}": n for k, n in enumerate(self.histogram)},
                "problems": problems,
                "slowest": [{"seconds": s, "row": r, "problem": p, "verdict": v} for s, r, p, v in self.slowest],
                "errors": self.errors}


def _csv_text(header, rows) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def write_outputs(results, folder: Path, lang: str, source: dict | None = None) -> Tally:
    """Every output file from the journal's results (a stream, in input order); ``source``: how
    the input was read (its encoding and delimiter), recorded in summary.json as ``input``."""
    tally = Tally()
    with atomic_writer(folder / "results.csv") as file:
        writer = csv.writer(file)
        writer.writerow(RESULT_COLUMNS)
        for result in results:
            tally.add(result)
            writer.writerow([result["row"], result["student"], result["problem"], result["variant"], result["verdict"],
                             result["score"], " ".join(result["feedback"]), result["decided_by"], result["answer_read"]])
    students = [[name, a, c, round(s, 4), round(s / a, 4)] for name, (a, c, s) in sorted(tally.students.items())]
    write_atomically(folder / "students.csv", _csv_text(("student", "answered", "correct", "score", "mean_score"), students))
    summary = tally.summary() if source is None else {"input": source, **tally.summary()}
    problems = [[pid, p["answered"], p["correct"], p["success_rate"],
                 " | ".join(f"{m['mistake']} ({m['count']})" for m in p["common_mistakes"])]
                for pid, p in summary["problems"].items()]
    write_atomically(folder / "problems.csv", _csv_text(("problem", "answered", "correct", "success_rate",
                                                         "common_mistakes"), problems))
    write_atomically(folder / "summary.json", json.dumps(summary, ensure_ascii=False, indent=1) + "\n")
    write_atomically(folder / "report.html", report_page(summary, lang))
    return tally


STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0}th,td{border-bottom:1px solid #ccc;padding:.2rem .6rem;text-align:left;
vertical-align:top}td.n{text-align:right}code{font-size:.9em;word-break:break-all}.bar{fill:#1f5fbf}"""


def _histogram_svg(histogram: dict) -> str:
    """The score distribution as an inline SVG bar chart (no script, no network)."""
    counts = list(histogram.values())
    top = max(counts) or 1
    bars = []
    for k, (label, n) in enumerate(histogram.items()):
        height = 150 * n / top
        bars.append(f'<rect class="bar" x="{10 + k * 56}" y="{170 - height:.1f}" width="48" height="{height:.1f}">'
                    f"<title>{label}: {n}</title></rect>"
                    f'<text x="{34 + k * 56}" y="{165 - height:.1f}" text-anchor="middle" font-size="11">{n}</text>'
                    f'<text x="{34 + k * 56}" y="186" text-anchor="middle" font-size="10">{label}</text>')
    return f'<svg viewBox="0 0 580 195" width="100%" role="img">{"".join(bars)}</svg>'


def report_page(summary: dict, lang: str) -> str:
    w = {key: phrase(lang, f"report.{key}") for key in REPORT_WORDS}
    e = html.escape
    rows = "".join(f"<tr><td>{e(pid)}</td><td class=n>{p['answered']}</td><td class=n>{p['correct']}</td>"
                   f"<td class=n>{p['success_rate']:.0%}</td></tr>" for pid, p in summary["problems"].items())
    mistakes = "".join(f"<tr><td>{e(pid)}</td><td>{e(m['mistake'])}</td><td class=n>{m['count']}</td>"
                       f"<td><code>{e(m['example'])}</code></td></tr>"
                       for pid, p in summary["problems"].items() for m in p["common_mistakes"])
    slow = "".join(f"<tr><td class=n>{s['row']}</td><td>{e(s['problem'])}</td><td>{e(s['verdict'])}</td>"
                   f"<td class=n>{s['seconds']:.3f}</td></tr>" for s in summary["slowest"])
    errors = "".join(f"<tr><td class=n>{r['row']}</td><td>{e(r['problem'])}</td><td>{e(r['verdict'])}</td>"
                     f"<td>{e(' '.join(r['feedback']))}</td></tr>" for r in summary["errors"])
    verdicts = ", ".join(f"{e(k)}: {n}" for k, n in sorted(summary["verdicts"].items()))
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{w["title"]}</title>'
            f"<style>{STYLE}</style></head><body><h1>{w['title']}</h1>"
            f"<p>{summary['rows']} {w['rows']}, {summary['students']} {w['students']}; {verdicts}</p>"
            f"<h2>{w['distribution']}</h2>{_histogram_svg(summary['score_histogram'])}"
            f"<h2>{w['problems']}</h2><table><tr><th>{w['problem']}</th><th>{w['answered']}</th><th>{w['correct']}</th><th>{w['success']}</th></tr>{rows}</table>"
            f"<h2>{w['mistakes']}</h2><table><tr><th>{w['problem']}</th><th></th><th></th><th>{w['example']}</th></tr>{mistakes}</table>"
            f"<h2>{w['slowest']}</h2><table><tr><th>{w['row']}</th><th>{w['problem']}</th><th>{w['verdict']}</th><th>{w['seconds']}</th></tr>{slow}</table>"
            f"<h2>{w['errors']}</h2><table><tr><th>{w['row']}</th><th>{w['problem']}</th><th>{w['verdict']}</th><th></th></tr>{errors}</table>"
            "</body></html>\n")
