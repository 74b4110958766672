"""The book on a phone (412 px): nothing cut, the page itself never scrolls sideways (a table or an equation may
scroll inside the column), and a screenshot of one chapter for the README."""

from glasson.build.layout import ROOT


def test_nothing_is_cut_on_a_phone(phone):
    import browsercheck

    problems = browsercheck.layout_problems(phone, 412)
    assert not problems, "\n".join(problems[:30])
    shot = ROOT / "_build" / "screenshots" / "sec3_1_thermal-412.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
