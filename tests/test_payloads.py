"""Every hostile payload, put into every free-text field of every kind, is refused where it is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from guidance import GuidanceError, load_site
from guidance.errors import format_path
from tests.payloads import REFUSED, inject


@pytest.mark.parametrize("payload", list(REFUSED))
def test_a_payload_in_any_text_field_is_refused_there(example: Path, payload: str) -> None:
    fields = inject(example / "data", REFUSED[payload])
    assert len(fields) > 1000  # every kind's text, not a sample
    with pytest.raises(GuidanceError) as raised:
        load_site("data")
    found = {(p.file, p.path) for p in raised.value.errors}
    missed = sorted({(file, format_path(path)) for file, path in fields} - found)
    assert missed == []
