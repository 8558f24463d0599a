"""The command line: export formats, folders, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from paper_tui import __version__
from paper_tui.cli import main

SAMPLE = Path(__file__).parents[1] / "seeds" / "pinghu-2025-02-page1.txt"
# What pdftotext gives for fonts without a Unicode map: glyph ids read as Latin-1.
MOJIBAKE = "%& '( )*+ ,- ./\n0-\n12 3# 456\n& ÈgGH¡¢Þß\\àáâkãä%¡¢åæçèÍ$ égêëìPGH%íîï7\n" * 4


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "export", str(SAMPLE))
    assert (code, err) == (0, "")
    assert len(json.loads(out)["pages"][0]["items"]) == 7


def test_export_markdown_to_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    code, out, _err = run(capsys, "export", str(SAMPLE), "--format", "markdown", "-o", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8").startswith("## 嘉兴市领导来平开展")


def test_export_folder_as_json_lines(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "01.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "02.txt").write_text("本报讯 今天天气很好。\n", encoding="gb18030")
    code, out, _err = run(capsys, "export", str(tmp_path))
    assert code == 0
    documents = [json.loads(line) for line in out.splitlines()]
    assert [d["encoding"] for d in documents] == ["gb18030", "utf-8"]  # path order


def test_folder_with_a_broken_page(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "01.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "02.txt").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    code, out, err = run(capsys, "export", str(tmp_path))
    assert code == 1
    assert len(out.splitlines()) == 1
    assert err.strip().endswith("02.txt: binary file, not text")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "no such file or folder"),
        (lambda p: p, "no text pages"),
        (lambda p: _write(p / "empty.txt", b""), "empty file"),
        (lambda p: _write(p / "bin.txt", b"\x00\x00ELF\x01\x02" * 50), "binary file, not text"),
        (
            lambda p: _write(p / "garbled.txt", MOJIBAKE.encode("utf-8")),
            "no readable text",
        ),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, make, message: str
) -> None:
    code, out, err = run(capsys, "export", str(make(tmp_path)))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert message in err
    assert "Traceback" not in err


def test_bad_bytes_load_with_a_warning(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = SAMPLE.read_bytes()
    page = _write(tmp_path / "damaged.txt", data[:500] + b"\xff\xfe\xfd" + data[500:])
    code, out, err = run(capsys, "export", str(page), "--format", "text")
    assert code == 0
    assert "warning" in err and "replaced" in err
    assert "嘉兴市领导来平开展" in out


def test_version_and_help() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "paper_tui", "--version"], capture_output=True, text=True
    )
    assert result.stdout.strip() == f"paper-tui {__version__}"
    result = subprocess.run(
        [sys.executable, "-m", "paper_tui", "export", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "--format" in result.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_search_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PAPER_TUI_HOME", str(tmp_path / "home"))
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "01.txt").write_bytes(SAMPLE.read_bytes())
    code, out, _err = run(capsys, "search", str(tmp_path / "pages"), "潤澤", "--json")
    assert code == 0
    assert json.loads(out)["total"] == 2
