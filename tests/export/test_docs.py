"""The console examples of the tutorials and of the README's export section are real: each
`$ symnn ...` command is run, and every line shown is in its output, in order ("..." stands for lines, or for part of a line, left out);
a file shown with `$ cat FILE` is there for the commands after it."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from symnn.cli import main

ROOT = Path(__file__).parents[2]
DOCUMENTS = ["docs/tutorial.en.md", "docs/tutorial.ru.md", "README.md"]


def examples(path: str):
    """(command, the lines shown after it, the files shown before it) for each `$ symnn` line of a
    console block; `$ cat FILE` shows a file the commands after it in the block read."""
    text = (ROOT / path).read_text(encoding="utf-8")
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        command, shown, files = None, [], {}
        for line in block.splitlines() + ["$ end"]:
            if line.startswith("$ "):
                piped = re.fullmatch(r"echo (\"[^\"]*\"|'[^']*') \| (symnn .*)", command or "")
                shown_file = re.fullmatch(r"cat ([\w.-]+)", command or "")
                if shown_file:
                    files[shown_file[1]] = "\n".join(shown) + "\n"
                elif piped or command is not None and not set(command) & set("|&><;"):
                    yield command, shown, dict(files)
                command, shown = line[2:], []
            elif command is not None:
                shown.append(line)


CASES = [(path, command, shown, files) for path in DOCUMENTS for command, shown, files in examples(path)]


@pytest.mark.parametrize("path, command, shown, files", CASES, ids=[f"{p}: {c[:50]}" for p, c, _, _ in CASES])
def test_the_example_prints_what_it_shows(path, command, shown, files, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roster.csv").write_text("student\ns1\ns2\ns3\ns4\n", encoding="utf-8")   # the README's roster
    for name, content in files.items():                  # `$ cat work.tex` showed it: it is there
        (tmp_path / name).write_text(content, encoding="utf-8")
    piped = re.fullmatch(r"echo (\"[^\"]*\"|'[^']*') \| (symnn .*)", command)
    if piped:                                   # echo "TEXT" | symnn ...: TEXT on standard input
        monkeypatch.setattr("sys.stdin", io.StringIO(shlex.split(piped[1])[0] + "\n"))
        command = piped[2]
    argv = shlex.split(command, comments=True)
    assert argv[0] == "symnn"
    assert main(argv[1:]) == 0
    printed = capsys.readouterr().out.splitlines()
    position = 0
    for line in (line for line in shown if line.strip() not in ("...", "")):
        pattern = re.compile(".*".join(map(re.escape, line.split("..."))))     # "..." inside a line: anything
        found = next((k for k in range(position, len(printed)) if pattern.fullmatch(printed[k])), None)
        assert found is not None, f"{command!r} does not print {line!r}"
        position = found + 1


def test_there_are_examples_to_check():
    assert len(CASES) > 15
