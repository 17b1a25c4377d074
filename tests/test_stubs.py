"""Stubs for referenced telegrams, resolved against the bundled library."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.controller import Controller
from desktop_app.navigation import History, Place
from desktop_app.parties import party_key
from desktop_app.stubs import resolve_volume


@pytest.fixture(scope="module")
def controller(tmp_path_factory: pytest.TempPathFactory) -> Controller:
    ctl = Controller(tmp_path_factory.mktemp("data"))
    ctl.ensure_samples()
    yield ctl
    ctl.close()


def _stub(controller: Controller, doc_id: str, number: str):
    doc = controller.load(doc_id)
    assert doc is not None
    index = next(i for i, r in enumerate(doc.telegram_refs) if r.number == number)
    return controller.stub(doc, index)


def test_seed_stub_names_both_parties_and_printed_documents(controller: Controller) -> None:
    stub = _stub(controller, "frus1945Berlinv01/d584", "890")
    assert stub.heading == "Togo to Sato · telegram No. 890"
    assert stub.status == ("Printed as Document No. 580",)
    assert stub.target_id is None  # 580 is not in the library


def test_not_printed_and_other_volume(controller: Controller) -> None:
    assert _stub(controller, "frus1945Berlinv01/d584", "1381").status == ("Not printed",)
    stub = _stub(controller, "frus1945Berlinv02/d1225", "1392")
    assert stub.status == ("Printed as Document No. 588 in vol. i",)
    assert stub.volume == "frus1945Berlinv01"


def test_resolved_stub_and_citing_documents(controller: Controller) -> None:
    stub = _stub(controller, "frus1945Berlinv02/d1231", "1418")
    assert stub.heading == "Sato to Togo · telegram No. 1418"
    assert stub.target_id == "frus1945Berlinv02/d1227"
    cited = _stub(controller, "frus1945Berlinv02/d1231", "1417")
    assert [c[0] for c in cited.citing] == ["frus1945Berlinv02/d1227"]


def test_deptel_belongs_to_the_department(controller: Controller) -> None:
    stub = _stub(controller, "frus1945v03/d812", "317")
    assert stub.sender == "Acting Secretary of State"
    assert stub.party_key == "acting secretary of state"


def test_every_reference_of_every_sample_has_a_stub(controller: Controller) -> None:
    for summary in controller.summaries():
        doc = controller.load(summary.id)
        assert doc is not None
        for index, ref in enumerate(doc.telegram_refs):
            stub = controller.stub(doc, index)
            assert stub.number == ref.number
            assert stub.heading.endswith(f"telegram No. {ref.number}")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Japanese Ambassador in the Soviet Union ( Sato )", "sato"),
        ("President Truman", "truman"),
        ("the Secretary of State", "secretary of state"),
        (None, ""),
    ],
)
def test_party_key(name: str | None, key: str) -> None:
    assert party_key(name) == key


@pytest.mark.parametrize(
    ("current", "hint", "expected"),
    [
        ("frus1945Berlinv02", None, "frus1945Berlinv02"),
        ("frus1945Berlinv02", "vol. i", "frus1945Berlinv01"),
        ("frus1945v03", "Conference of Berlin (Potsdam), vol. i", "frus1945Berlinv01"),
        ("frus1945v03", "Some Other Book, vol. ii", None),
    ],
)
def test_resolve_volume(current: str, hint: str | None, expected: str | None) -> None:
    assert resolve_volume(current, hint) == expected


def test_history_back_and_forward() -> None:
    history = History()
    a, b, c = Place("a"), Place("b"), Place("c")
    history.visit(a)
    history.visit(b, leaving=Place("a", scroll=40))
    assert history.back(leaving=Place("b", scroll=5)) == Place("a", scroll=40)
    assert history.forward() == Place("b", scroll=5)
    history.back()
    history.visit(c)
    assert not history.can_go_forward()
    assert history.back() == Place("a", scroll=40)


def test_paths_unused(tmp_path: Path) -> None:
    assert Controller(tmp_path).library_file == tmp_path / "library.sqlite3"


def test_later_mention_shares_the_first_mentions_note(controller: Controller) -> None:
    doc = controller.load("frus1945Berlinv01/d584")
    indexes = [i for i, r in enumerate(doc.telegram_refs) if r.number == "891"]
    first, later = (controller.stub(doc, i) for i in indexes)
    assert doc.telegram_refs[indexes[1]].note is None
    assert later.status == first.status == ("Printed as Document No. 581",)
