"""The console examples of the tutorials and of the README's export section are real: each
`$ symnn ...` command is run, and every line shown is in its output, in order ("..." stands for lines, or for part of a line, left out);
a file shown with `$ cat FILE` is there for the commands after it, and so is every ```toml block of the
document before it whose first line names its file (`# file: mybank/gradients.toml`; a later block of the same
name replaces it). An example that shows `symnn: error: ...` must fail, and its error is among the lines printed."""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest

from symnn.cli import main

ROOT = Path(__file__).parents[2]
DOCUMENTS = ["docs/tutorial.en.md", "docs/tutorial.ru.md", "docs/authoring.en.md", "docs/authoring.ru.md", "README.md"]
NAMED_FILE = re.compile(r"# file: (\S+)\n")      # the first line of a ```toml block that is a file of the examples


def examples(path: str):
    """(command, the lines shown after it, the files shown before it) for each `$ symnn` line of a
    console block; `$ cat FILE` shows a file the commands after it read, and so does a ```toml block
    named by its first line."""
    text = (ROOT / path).read_text(encoding="utf-8")
    named = {}
    for language, block in re.findall(r"```(console|toml)\n(.*?)```", text, re.S):
        if language == "toml":
            if name := NAMED_FILE.match(block):
                named[name[1]] = block
            continue
        command, shown, files = None, [], dict(named)
        for line in block.splitlines() + ["$ end"]:
            if line.startswith("$ "):
                piped = re.fullmatch(r"echo (\"[^\"]*\"|'[^']*') \| (symnn .*)", command or "")
                shown_file = re.fullmatch(r"cat ([\w./-]+)", command or "")
                if shown_file:                  # there for the commands after it, in this block and the next ones
                    files[shown_file[1]] = named[shown_file[1]] = "\n".join(shown) + "\n"
                elif piped or command is not None and _plain(command):
                    yield command, shown, dict(files)
                command, shown = line[2:], []
            elif command is not None:
                shown.append(line)


def _plain(command: str) -> bool:
    """No pipe, redirection or second command outside quotes ('0 < a < 2' is an answer)."""
    return not any(set(token) <= set("|&><;") for token in shlex.shlex(command, posix=True, punctuation_chars=True))


CASES = [(path, command, shown, files) for path in DOCUMENTS for command, shown, files in examples(path)]


@pytest.mark.parametrize("path, command, shown, files", CASES, ids=[f"{p}: {c[:50]}" for p, c, _, _ in CASES])
def test_the_example_prints_what_it_shows(path, command, shown, files, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roster.csv").write_text("student\ns1\ns2\ns3\ns4\n", encoding="utf-8")   # the README's roster
    for name, content in files.items():                  # `$ cat work.tex` or `# file: mybank/...` showed it: it is there
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    piped = re.fullmatch(r"echo (\"[^\"]*\"|'[^']*') \| (symnn .*)", command)
    if piped:                                   # echo "TEXT" | symnn ...: TEXT on standard input
        monkeypatch.setattr("sys.stdin", io.StringIO(shlex.split(piped[1])[0] + "\n"))
        command = piped[2]
    argv = shlex.split(command, comments=True)
    assert argv[0] == "symnn"
    failing = any(line.startswith("symnn: error:") for line in shown)     # the example shows a mistake
    code = main(argv[1:])
    assert code != 0 if failing else code == 0, f"{command!r} exits with {code}"
    output = capsys.readouterr()
    printed = output.out.splitlines() + (output.err.splitlines() if failing else [])
    position = 0
    for line in (line for line in shown if line.strip() not in ("...", "")):
        pattern = re.compile(".*".join(map(re.escape, line.split("..."))))     # "..." inside a line: anything
        found = next((k for k in range(position, len(printed)) if pattern.fullmatch(printed[k])), None)
        assert found is not None, f"{command!r} does not print {line!r}"
        position = found + 1


def test_there_are_examples_to_check():
    assert len(CASES) > 15


AUTHORING = ["docs/authoring.en.md", "docs/authoring.ru.md"]


def _toml_blocks(path: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", (ROOT / path).read_text(encoding="utf-8"), re.S)


@pytest.mark.parametrize("path", AUTHORING)
def test_every_problem_file_of_the_teachers_tutorial_is_written_and_read(path):
    blocks = _toml_blocks(path)
    assert len(blocks) >= 8
    assert all(NAMED_FILE.match(block) for block in blocks)       # none is shown without being run


def test_the_teachers_tutorials_in_both_languages_have_the_same_files():
    english, russian = (_toml_blocks(path) for path in AUTHORING)
    assert english == russian


@pytest.mark.parametrize("path", AUTHORING)
def test_the_teachers_tutorial_lists_every_kind(path):
    from symnn.problems.schema import KINDS
    last_section = (ROOT / path).read_text(encoding="utf-8").split("\n## ")[-1]      # a line for every kind
    listed = re.findall(r"^- `([a-z-]+)`", last_section, re.M)
    assert len(listed) == len(set(listed)) and set(listed) == set(KINDS)
