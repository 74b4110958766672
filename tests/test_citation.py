"""Citation metadata and bibliography: CITATION.cff valid, .zenodo.json and README consistent with it,
the paper's 34 references present with checked identifiers, every citation key defined."""

import datetime
import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from glasson.presentation import pages

ROOT = Path(__file__).resolve().parent.parent
#: The official Citation File Format 1.2.0 schema (https://citation-file-format.github.io/1.2.0/schema.json,
#: CC-BY-4.0), kept in the repository. cffconvert validated against it before, but it pins jsonschema < 4,
#: which JupyterLab 4 cannot live with; jsonschema itself now does the validation.
CFF_SCHEMA = json.loads((ROOT / "tests" / "data" / "cff-1.2.0.schema.json").read_text())
BIB = (ROOT / "book" / "references.bib").read_text()

#: The paper's reference list [1]-[34], in order, as keys of book/references.bib.
PAPER_REFERENCES = [
    "anderson1972anomalous", "phillips1972tunneling", "leggett1991amorphous", "pohl2002low",
    "freeman1986thermal", "zeller1971thermal", "freedman1977theory", "elliott1991medium", "yu1988low",
    "phillips1987two", "jackle1972ultrasonic", "wikipedia2021jordan", "zaitlin1975phonon",
    "abrikosov1988fundamentals", "efros1975coulomb", "loponen1982measurements", "asban2017effect",
    "fleishman1980interactions", "lieb1976stability", "dyson1967stability", "black1977spectral",
    "amir2012relaxations", "mahmood2021observation", "vural2011universal", "shukla2021universality",
    "turlakov2004universal", "parshin2007vibrational", "baggioli2019universal", "leggett2013tunneling",
    "turlakov2022possible", "muller2019towards", "lisenfeld2015observation", "burnett2014evidence",
    "agarwal2013polaronic",
]


def entries() -> dict[str, str]:
    """Bib key → the entry's text."""
    out = {}
    for m in re.finditer(r"^@\w+\{([^,]+),\n(.*?)\n\}", BIB, re.M | re.S):
        assert m.group(1) not in out, f"duplicate key {m.group(1)}"
        out[m.group(1)] = m.group(2)
    return out


def field(entry: str, name: str) -> str | None:
    m = re.search(rf"^\s*{name}\s*=\s*\{{(.*)\}},?\s*$", entry, re.M)
    return m.group(1) if m else None


def cff_errors(meta: dict) -> list[str]:
    """Schema violations of CITATION.cff metadata (dates as YAML parses them are written back as text)."""
    meta = json.loads(json.dumps(meta, default=lambda d: d.isoformat() if isinstance(d, datetime.date) else d))
    return [e.message for e in jsonschema.Draft7Validator(CFF_SCHEMA).iter_errors(meta)]


def test_citation_cff_is_valid():
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert cff_errors(meta) == []


def test_the_validation_rejects_a_broken_file():
    """The validation test can fail: a CITATION.cff without authors, or with a malformed date, is rejected."""
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert any("authors" in e for e in cff_errors({k: v for k, v in meta.items() if k != "authors"}))
    assert cff_errors({**meta, "date-released": "25 November 2026"})


def test_the_abstract_says_derived_where_it_can_be():
    """The citation metadata must not claim more than the equations page shows."""
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    assert "where it can be derived" in meta["abstract"]


def test_citation_references_the_paper():
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    paper = meta["references"][0]
    assert paper["authors"][0]["family-names"] == "Turlakov"
    assert any("2111.03578" in i["value"] for i in paper["identifiers"])
    assert meta["license"] == "MIT" and (ROOT / "LICENSE").read_text().startswith("MIT License")


def test_version_agrees_with_the_package():
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'version = "{meta["version"]}"' in pyproject


def test_repository_url_is_the_same_everywhere():
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert meta["repository-code"] == config["repository"]["url"]


def test_zenodo_metadata_agree_with_citation_cff():
    """The fields a Zenodo deposit shares with CITATION.cff, mapped as Zenodo names them."""
    meta = yaml.safe_load((ROOT / "CITATION.cff").read_text())
    zenodo = json.loads((ROOT / ".zenodo.json").read_text())
    assert zenodo["title"] == meta["title"] and zenodo["version"] == meta["version"]
    assert zenodo["description"] == meta["abstract"]
    assert zenodo["keywords"] == meta["keywords"] and zenodo["license"] == {"id": meta["license"]}
    assert zenodo["publication_date"] == str(meta["date-released"])
    assert [c["name"] for c in zenodo["creators"]] == [a["name"] for a in meta["authors"]]
    assert zenodo["upload_type"] == "software"
    assert {"identifier": "arXiv:2111.03578", "relation": "isSupplementTo", "scheme": "arxiv",
            "resource_type": "publication-preprint"} in zenodo["related_identifiers"]


def test_compendium_bibtex_is_the_same_in_bib_readme_and_book():
    entry = pages.compendium_bibtex()
    assert entry in BIB, "book/references.bib: glasson_compendium differs from CITATION.cff"
    assert entry in (ROOT / "README.md").read_text(), "README.md: the BibTeX differs from CITATION.cff"
    page = pages.citation_page()
    assert entry in page and pages.paper_bibtex() in page
    assert "{{The glasson compendium authors}}" in entry  # an entity, not a person's name


def test_all_34_references_of_the_paper_are_in_the_bibliography():
    keys = entries()
    assert len(PAPER_REFERENCES) == 34 and len(set(PAPER_REFERENCES)) == 34
    missing = [k for k in PAPER_REFERENCES if k not in keys]
    assert not missing, f"missing from references.bib: {missing}"


def test_identifiers_are_well_formed_and_unique():
    dois, eprints = [], []
    for key, entry in entries().items():
        doi, eprint = field(entry, "doi"), field(entry, "eprint")
        if doi:
            assert re.fullmatch(r"10\.\d{4,9}/\S+", doi), f"{key}: malformed DOI {doi!r}"
            assert not doi.lower().startswith("10.1103/") or re.fullmatch(
                r"10\.1103/(PhysRev[A-Z]?|RevModPhys|PhysRevLett)\.\d+\.\d+", doi), f"{key}: APS DOI {doi!r}"
            dois.append(doi.lower())
        if eprint:
            assert re.fullmatch(r"\d{4}\.\d{4,5}|[a-z\-]+/\d{7}", eprint), f"{key}: malformed arXiv id {eprint!r}"
            assert field(entry, "archiveprefix") == "arXiv", f"{key}: eprint without archiveprefix"
            eprints.append(eprint)
    assert len(dois) == len(set(dois)) and len(eprints) == len(set(eprints))
    with_id = [k for k in PAPER_REFERENCES if field(entries()[k], "doi") or field(entries()[k], "eprint")]
    assert len(with_id) >= 15, f"only {len(with_id)} of the paper's references carry a DOI or arXiv id"


@pytest.mark.parametrize("key, printed", [
    ("phillips1972tunneling", "751"), ("phillips1987two", "Prog. Phys."),
    ("loponen1982measurements", "Loonen"), ("leggett2013tunneling", "Journal of Physical Chemistry"),
    ("parshin2007vibrational", "H. A."),
])
def test_corrections_to_the_printed_references_are_noted(key, printed):
    """Where the record of the publication differs from what the paper prints, the entry says so."""
    note = field(entries()[key], "note")
    assert note and printed in note, f"{key}: the correction of {printed!r} is not noted"


def test_every_cited_key_exists():
    keys = set(entries())
    sources = list((ROOT / "notebooks").glob("*.ipynb")) + list((ROOT / "book").glob("*.md"))
    cited = set()
    for path in sources:
        for group in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", path.read_text()):
            cited |= {k.strip() for k in group.split(",")}
    for module in (ROOT / "glasson").glob("*.py"):
        for group in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", module.read_text()):
            cited |= {k.strip() for k in group.split(",")}
    assert cited, "no citations found"
    assert not cited - keys, f"cited but not in references.bib: {sorted(cited - keys)}"
