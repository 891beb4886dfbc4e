"""The claim-file contract is the schema: code constants and written files follow it."""

from __future__ import annotations

import dataclasses
import typing

import pytest
import yaml
from helpers import ROOT

from tracker import records
from tracker.claimfile import fields
from tracker.claimfile.store import EDITABLE, LATER_EDITABLE, RECORD_KEYS

#: Record dataclasses and the schema section each is written to; fields that are written under
#: other names (a claim's ``credit`` becomes source, attribution, cue ...) are listed apart.
DATACLASSES = {records.Article: ("article", set()), records.Quote: ("quotes", set()),
               records.Claim: ("claims", {"credit"}), records.Correction: ("corrections", set())}


#: Each ``Literal`` type of the contract and where the schema enumerates its values (None: nullable).
LITERALS = {
    records.QuoteKind: ("quote", ("kind",), False),
    records.ClaimKind: ("claim", ("kind",), False),
    records.Bound: ("claim", ("bound",), True),
    records.Attribution: ("claim", ("attribution",), False),
    records.Scope: ("claim", ("counts", "scope"), False),
    records.CorrectionKind: ("correction", ("kind",), False),
    records.CorrectionTarget: ("correction", ("target_kind",), True),
    records.ReviewStatus: ("review", ("status",), False),
    records.AgeSays: ("quote", ("age_cue", "says"), False),
}


def _schema_enum(definition: str, path: tuple[str, ...]) -> list[object]:
    node = fields.claim_file_schema()["definitions"][definition]
    for key in path:
        node = node["properties"][key]
        node = next((option for option in node.get("anyOf", ()) if option.get("type") == "object"), node)
    return list(node["enum"])


def test_literal_types_are_the_schemas_enumerations() -> None:
    for literal, (definition, path, nullable) in LITERALS.items():
        assert [*typing.get_args(literal), *([None] if nullable else [])] == _schema_enum(definition, path), path


def test_enumerations_in_code_are_the_schemas() -> None:
    assert fields.enum("quotes", "kind") == records.QUOTE_KINDS
    assert fields.enum("claims", "attribution") == records.ATTRIBUTIONS
    assert fields.enum("corrections", "kind") == records.CORRECTION_KINDS
    assert fields.enum("claims", "kind") == records.CLAIM_KINDS
    assert fields.enum("claims", "bound") == (*records.BOUNDS, None)
    schema = fields.claim_file_schema()["definitions"]
    assert tuple(schema["review"]["properties"]["status"]["enum"]) == records.REVIEW_STATUSES
    assert tuple(schema["claim"]["properties"]["counts"]["properties"]["scope"]["enum"]) == records.SCOPES


def test_one_of_refuses_a_value_outside_the_enumeration() -> None:
    assert records.one_of("part", records.SCOPES) == "part"
    with pytest.raises(ValueError, match="'whole' is not one of total, part, unplaced"):
        records.one_of("whole", records.SCOPES)


def test_every_record_field_is_a_schema_field() -> None:
    for cls, (section, renamed) in DATACLASSES.items():
        names = {f.name for f in dataclasses.fields(cls)} - renamed
        assert names <= set(fields.record_keys(section)), (cls.__name__, names - set(fields.record_keys(section)))


def test_the_store_reads_its_contract_from_the_schema() -> None:
    for section in ("quotes", "claims", "corrections"):
        assert RECORD_KEYS[section] == fields.record_keys(section)
        assert set(EDITABLE[section]) <= set(RECORD_KEYS[section])
    assert "low" in RECORD_KEYS["claims"]  # once missing from a hand-kept copy
    assert {"counts", "source", "attribution", "age_cue"} == LATER_EDITABLE


def test_committed_claim_files_write_keys_in_the_contract_order() -> None:
    for path in sorted((ROOT / "claims").glob("0*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert list(data) == [s for s in fields.DEFINITION if s in data]
        for section in ("quotes", "claims", "corrections"):
            order = (*fields.record_keys(section), fields.ORPHANED)
            for record in data.get(section) or []:
                positions = [order.index(key) for key in record]
                assert positions == sorted(positions), (path.name, section, list(record))
