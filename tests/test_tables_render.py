"""Every Markdown table the book generates is a valid table: rendered with the book's MyST configuration, each
block of ``|`` lines becomes one ``<table>`` with as many cells per row as its header, and no pipe markup is left
in the text (the discrepancies table once rendered as one run-on paragraph of pipes)."""

from __future__ import annotations

import re

import pytest
import yaml

from glasson.core.paths import ROOT
from glasson.presentation import pages


def _render(text: str) -> str:
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    md = create_md_parser(MdParserConfig(enable_extensions=set(config["parse"]["myst_enable_extensions"])),
                          RendererHTML)
    return md.render(text)


def table_problems(text: str) -> list[str]:
    """What is wrong with the tables of a MyST text: a block that is not rendered as a table, a row whose cell count
    differs from its header's, pipe markup left visible."""
    problems = []
    blocks = re.findall(r"(?:^\|.*\|[ \t]*\n?)+", text, flags=re.MULTILINE)
    for block in blocks:
        widths = [len(re.split(r"(?<!\\)\|", line.strip())) - 2 for line in block.strip().splitlines()]
        if len(set(widths)) != 1:
            problems.append(f"rows of {sorted(set(widths))} cells in one table (a cell drops silently)")
    html = _render(text)
    if html.count("<table>") != len(blocks):
        problems.append(f"{len(blocks)} table blocks, {html.count('<table>')} rendered tables")
    for table in re.findall(r"<table>.*?</table>", html, flags=re.DOTALL):
        header = len(re.findall(r"<th\b", table.split("</thead>")[0]))
        for row in re.findall(r"<tr>(.*?)</tr>", table.split("</thead>")[-1], flags=re.DOTALL):
            if len(re.findall(r"<td\b", row)) != header:
                problems.append(f"a row with {len(re.findall(r'<td', row))} cells under {header} headers")
    visible = re.sub(r"<[^>]+>", "", html)
    for mark in ("|:", ":|", "| |", "|--", "--|"):
        if mark in visible:
            problems.append(f"pipe markup left in the text: {mark!r}")
    return problems


FRAGMENTS = {name: text for name, text in pages.fragments([]).items() if name.endswith(".md")}


@pytest.mark.parametrize("name", sorted(FRAGMENTS))
def test_every_generated_table_renders(name):
    assert not table_problems(FRAGMENTS[name])


@pytest.mark.parametrize("bad", [
    "| claim | |log₁₀ ratio| |\n|:--|--:|\n| a | 1 |\n",   # the defect the browser saw: pipes in a header cell
    "| a | b |\n|:--|:--|\n| 1 | 2 | 3 |\n",               # a row with more cells than the header
])
def test_a_planted_broken_table_is_found(bad):
    assert table_problems(bad)


def test_the_table_helper_escapes_pipes_in_header_and_cells():
    from glasson.presentation.formatting import table

    text = table(("|x|", "b"), [("$|k_F|$", "c|d")])
    assert not table_problems(text)
