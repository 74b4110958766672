"""Render a BibTeX author list ending in ``and others`` as "First *et al.*", in the text and in the bibliography.

pybtex treats ``others`` as a person called "others", so both the author–year citations of
sphinxcontrib-bibtex and pybtex's plain bibliography style print "Burnett and others" beside "Anderson
*et al.*". This extension registers two plugins that drop the "others" person and write *et al.* instead:
the referencing style ``author_year_etal`` (``bibtex_reference_style``) and the formatting style
``plain_etal`` (``bibtex_default_style``). Everything else is the stock author–year and plain styles.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.richtext import Tag, Text
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.template import FieldIsMissing, first_of, node, optional, sentence, tag
from pybtex.style.template import field as bib_field
from pybtex.style.template import join as bib_join
from sphinx.application import Sphinx
from sphinxcontrib.bibtex.style.referencing import PersonStyle
from sphinxcontrib.bibtex.style.referencing.author_year import AuthorYearReferenceStyle
from sphinxcontrib.bibtex.style.referencing.label import LabelReferenceStyle
from sphinxcontrib.bibtex.style.template import join as sphinx_join


def _without_others(persons: list[Any]) -> tuple[list[Any], bool]:
    real = [p for p in persons if str(p).strip().lower() != "others"]
    return real, len(real) < len(persons)


def _et_al(first: Any) -> Text:
    return Text(first, " ", Tag("em", "et al."))


@node
def names_etal(children: Any, data: dict[str, Any], role: str, **kwargs: Any) -> Any:
    """sphinxcontrib-bibtex's ``names`` node, with a trailing "others" written as *et al.*"""
    assert not children
    try:
        persons = data["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, data["entry"]) from None
    real, others = _without_others(list(persons))
    person_style = data["style"].person
    formatted = [person_style.style_plugin.format(p, person_style.abbreviate) for p in real]
    if others:
        return _et_al(formatted[0].format_data(data))
    return sphinx_join(**kwargs)[formatted].format_data(data)


@node
def author_or_editor_or_title_etal(children: Any, data: dict[str, Any], **kwargs: Any) -> Any:
    assert not children
    return first_of[optional[names_etal("author", **kwargs)], optional[names_etal("editor", **kwargs)],
                    tag("em")[bib_field("title")]].format_data(data)


@dataclass
class EtAlPersonStyle(PersonStyle):
    """Person style whose names treat "and others" as *et al.*"""

    def names(self, role: str, full: bool) -> Any:
        return names_etal(role=role, sep=self.sep, sep2=self.sep2, last_sep=self.last_sep,
                          other=None if full else self.other)

    def author_or_editor_or_title(self, full: bool) -> Any:
        return author_or_editor_or_title_etal(sep=self.sep, sep2=self.sep2, last_sep=self.last_sep,
                                              other=None if full else self.other)


@dataclass
class AuthorYearEtAlReferenceStyle(AuthorYearReferenceStyle):
    """The author–year referencing style with :class:`EtAlPersonStyle`."""

    person: PersonStyle = field(default_factory=EtAlPersonStyle)


@dataclass
class LabelEtAlReferenceStyle(LabelReferenceStyle):
    """The label referencing style with :class:`EtAlPersonStyle`: a citation shows the entry's author–year label
    (:class:`AuthorYearLabelStyle`), the same in the text as in the bibliography."""

    person: PersonStyle = field(default_factory=EtAlPersonStyle)


@node
def plain_names_etal(children: Any, context: dict[str, Any], role: str, **kwargs: Any) -> Any:
    """pybtex's ``names`` node, with a trailing "others" written as *et al.*"""
    assert not children
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    real, others = _without_others(list(persons))
    style = context["style"]
    formatted = [style.format_name(p, style.abbreviate_names) for p in real]
    if others:
        return _et_al(bib_join(sep=", ")[formatted].format_data(context))
    return bib_join(**kwargs)[formatted].format_data(context)


class AuthorYearLabelStyle(BaseLabelStyle):
    """Labels of the bibliography in the text's own style, "Turlakov, 2022", "Reese and Tucker, 1965", "Anderson
    *et al.*, 1972" (as plain text: "Anderson et al., 1972"), so that a citation and its entry read alike."""

    def format_labels(self, sorted_entries: Any) -> Any:
        entries = list(sorted_entries)
        labels = list(self._labels(entries))
        # two entries with one author and one year (Turlakov, 2022) get a and b, as author–year lists do
        for label in set(labels):
            same = [i for i, x in enumerate(labels) if x == label]
            if len(same) > 1:
                for n, i in enumerate(same):
                    labels[i] = f"{label}{'abcdefghij'[n]}"
        return iter(labels)

    def _labels(self, sorted_entries: Any) -> Any:
        for entry in sorted_entries:
            persons = list(entry.persons.get("author") or entry.persons.get("editor") or [])
            real, others = _without_others(persons)

            def last(person: Any) -> str:
                name = " ".join(person.prelast_names + person.last_names)
                return str(Text.from_latex(name)).replace("{", "").replace("}", "")

            if not real:
                names = entry.fields.get("title", entry.key)
            elif len(real) == 1 and not others:
                names = last(real[0])
            elif len(real) == 2 and not others:
                names = f"{last(real[0])} and {last(real[1])}"
            else:
                names = f"{last(real[0])} et al."
            yield f"{names}, {entry.fields.get('year', 'n.d.')}"


class PlainEtAlStyle(PlainStyle):
    """pybtex's plain bibliography style with "and others" written as *et al.*, labelled author–year."""

    default_label_style = "author_year_etal"

    def format_names(self, role: str, as_sentence: bool = True) -> Any:
        formatted = plain_names_etal(role, sep=", ", sep2=" and ", last_sep=", and ")
        return sentence[formatted] if as_sentence else formatted


sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", "author_year_etal",
                                            AuthorYearEtAlReferenceStyle)
sphinxcontrib.bibtex.plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", "label_etal",
                                            LabelEtAlReferenceStyle)
pybtex.plugin.register_plugin("pybtex.style.formatting", "plain_etal", PlainEtAlStyle)
pybtex.plugin.register_plugin("pybtex.style.labels", "author_year_etal", AuthorYearLabelStyle)


# pybtex looks a plugin up by scanning the entry points of every installed distribution, once per citation
# (about 270 lookups, 3 s of a 13 s build here); the answer for a (group, name) does not change during a build,
# and every plugin this book uses is registered above, before the first lookup.
pybtex.plugin._load_entry_point = functools.lru_cache(maxsize=None)(pybtex.plugin._load_entry_point)


def setup(app: Sphinx) -> dict[str, Any]:
    return {"parallel_read_safe": True, "parallel_write_safe": True}
