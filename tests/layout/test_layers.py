"""The layout holds: layers imported only downwards, small modules, no code run from text."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "symnn"
LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))


def lint_imports(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run([LINT_IMPORTS, "--config", str(tree / "pyproject.toml"), "--no-cache"],
                          cwd=tree, env={"PYTHONPATH": str(tree), "PATH": ""}, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def tree(tmp_path):
    if not Path(LINT_IMPORTS).exists():
        pytest.skip("import-linter is not installed (pip install '.[test]')")
    shutil.copytree(PACKAGE, tmp_path / "symnn", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_layers_contract_is_kept(tree):
    result = lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


@pytest.mark.parametrize("lower, higher", [("calculus", "symnn.nn.network"), ("nn", "symnn.numerics.compile"),
                                           ("numerics", "symnn.problems.bank"), ("answers", "symnn.render"),
                                           ("lang", "symnn.calculus.parse")])
def test_a_lower_layer_importing_a_higher_one_breaks_the_contract(tree, lower, higher):
    (tree / "symnn" / lower / "upward.py").write_text(f"import {higher}\n")
    result = lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and f"symnn.{lower}.upward -> {higher}" in result.stdout


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not long


def test_no_two_test_modules_share_a_name():
    # the test folders are not packages: pytest imports each module by its name, and a second test_x.py in
    # another folder stops the whole run at collection
    names: dict = {}
    for path in (ROOT / "tests").rglob("test_*.py"):
        names.setdefault(path.name, []).append(str(path.relative_to(ROOT)))
    assert not {name: paths for name, paths in names.items() if len(paths) > 1}


def test_the_package_never_evaluates_text():
    """eval, exec, parse_expr and a sympify that accepts strings run arbitrary code.

    The one exec allowed runs source that symnn printed itself from SymPy
    expressions, and says so on its line."""
    for path in PACKAGE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for line in source.splitlines():
            code, _, comment = line.partition("#")
            if "exec(" in code and comment.strip() == "our own generated code":
                continue
            assert not re.search(r"(?<![\w.])(?<!def )(eval|exec)\(|parse_expr\(|sympy_parser", code), (path, line)
            if re.search(r"\bsympify\(|\bsp\.S\(", code):
                assert "strict=True" in code, (path, line)
