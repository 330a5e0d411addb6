"""A table that an answer key has set already, for an earlier problem, is not set again.

Problems of one topic often share a network and its data (a textbook's 2-2-2 network stepped
once, then asked for its error, then with shared biases): their forward pass, deltas and gradients
are the same tables word for word. In a brief key the later problems say where the tables are
instead of repeating them; a full key repeats everything. Tables that follow one another, each
under its own lead-in (``Forward pass:``), and that all repeat one earlier problem are named in one
line, so that a reader is sent back once: ``Forward pass, deltas, gradients: the same tables as in
Problem 1.`` A table without such a lead-in is replaced by ``The same table as in Problem 1.``
"""

from __future__ import annotations

import html
import re

from ..lang import phrase
from ..render.latex import TABLE_BLOCK, LatexPrinter
from .answer_forms import PROPER_NAMES

# a table as each format of a key sets it
TABLES = {
    "tex": TABLE_BLOCK,
    "md": re.compile(r"(?m)^\|.*\|\n(?:^\|.*\|(?:\n|$))+"),
    "html": re.compile(r'<div class="table"><table>.*?</table></div>\n?', re.S),
}
# the one paragraph just before a table that leads into it (its text in the group ``text``), as each format sets it
LEADS = {
    "tex": re.compile(r"\{(?:\\raggedright )?\\noindent (?P<text>[^\n]*?)\\par\}\n(?:\\nopagebreak\n)?\s*\Z"),
    "md": re.compile(r"(?:\A|\n)(?P<text>[^|\n][^\n]*)\n\s*\Z"),
    "html": re.compile(r'<div class="step"[^>]*>(?P<text>[^\n]*?)</div>\n\s*\Z'),
}
GLUE = re.compile(r"\s*(?:\\nopagebreak\s*)*\Z")      # what may stand between the halves of one table (tex)
MATH = {"tex": (r"\$", r"\$"), "md": (r"\$", r"\$"), "html": (r"<math\b", r"</math>")}


def _name(lead: str, format: str) -> str | None:
    """What a lead-in names, as it is set: its words up to the first comma, semicolon, colon or bracket
    outside a formula (``Deltas`` of ``Deltas, from the output back (…):``); None if it says nothing
    before a colon (a lead-in is a heading: ``Forward pass:``)."""
    opening, closing = MATH[format]
    depth = 0
    for match in re.finditer(rf"{opening}|{closing}|[,;:]| \(", lead):
        if re.fullmatch(opening, match[0]) and (opening != closing or depth == 0):
            depth += 1
        elif re.fullmatch(closing, match[0]):
            depth -= 1
        elif depth == 0:
            name = lead[:match.start()].strip()
            plain = not re.search(r"\*\*|<strong|\\textbf", name)      # a bold heading, not a lead-in's words
            return name if name and plain and ":" in lead else None
    return None


def _in_list(name: str) -> str:
    """A name after the first of a list, lower case unless a proper name or an abbreviation (SGD) starts it."""
    word = name.split(" ")[0]
    return name if word in PROPER_NAMES or word[1:2].isupper() else name[:1].lower() + name[1:]


def _reference(format: str, text: str, names: tuple[str, ...] = ()) -> str:
    """The line that sends a reader back: ``text`` after the ``names`` of the tables (set as written)."""
    escaped = LatexPrinter().escape(text) if format == "tex" else html.escape(text) if format == "html" else text
    if names:
        escaped = ", ".join([names[0], *map(_in_list, names[1:])]) + ": " + escaped
    if format == "tex":
        return r"{\noindent " + escaped + r"\par}" + "\n"
    if format == "md":
        return escaped + "\n"
    return f'<div class="step">{escaped}</div>\n'


def _merged(pieces: list[str], sources: list[str | None], format: str, lang: str) -> str:
    """``pieces``, text and tables by turns (table j at place 2j + 1, ``sources[j]`` the earlier problem it
    repeats or None), with each run of repeated tables of one problem written as one reference."""
    out, k = [pieces[0]], 1
    while k < len(pieces):
        source = sources[k // 2]
        if source is None:
            out += pieces[k:k + 2]
            k += 2
            continue
        lead = LEADS[format].search(out[-1])
        names = [_name(lead["text"], format) if lead else None]
        end, glued = k, []                  # the run: tables k, k + 2, …, end; glued: the halves of one table
        while end + 2 < len(pieces) and sources[(end + 2) // 2] == source:
            between = pieces[end + 1]
            follow = LEADS[format].search(between)
            if GLUE.fullmatch(between):
                glued.append(end + 2)
            elif follow and not between[:follow.start()].strip():
                names.append(_name(follow["text"], format))
            else:
                break
            end += 2
        if None not in names:                   # every table named by its lead-in: one line names them all
            kept = out[-1][:lead.start()]
            out[-1] = kept + "\n" if lead[0].startswith("\n") else kept
            key = "key.same_tables_named" if len(names) > 1 else "key.same_table_named"
            out.append(_reference(format, phrase(lang, key, number=source), tuple(names)))
        else:                                   # a table without a lead-in: where it is, in its place
            reference = _reference(format, phrase(lang, "key.same_table", number=source))
            out.append(reference)
            for place in range(k + 2, end + 1, 2):
                if place not in glued:
                    out += [pieces[place - 1], reference]
        out.append(pieces[end + 1])
        k = end + 2
    return "".join(out)


def shown_once(parts: list[str], numbers: list[str], format: str, lang: str) -> list[str]:
    """``parts`` (the solutions of a key, in order, numbered ``numbers``) with each table that an earlier
    part set word for word replaced by a line naming that problem (one line for a run of such tables)."""
    pattern = TABLES.get(format)
    if pattern is None:
        return parts
    first: dict[str, str] = {}
    out = []
    for part, number in zip(parts, numbers):
        texts, tables = pattern.split(part), pattern.findall(part)
        sources = []
        for table in tables:
            sources.append(first[table] if table in first and first[table] != number else None)
            first.setdefault(table, number)
        pieces = [piece for text, table in zip(texts, [*tables, None]) for piece in (text, table) if piece is not None]
        out.append(_merged(pieces, sources, format, lang))
    return out
