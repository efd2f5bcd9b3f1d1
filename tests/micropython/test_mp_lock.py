"""py/core/lock.py answers the same in MicroPython as in CPython: records and months checked, the month's
plain text, the hint, a locked export split."""
import base64


SALT = base64.b64encode(b"S" * 16).decode()
BOX = {"iv": "AAAAAAAAAAAAAAAA", "data": base64.b64encode(b"x" * 40).decode()}


def test_records_and_months_in_both(both):
    """new_record, valid_record, valid_sealed, split_export and has_notes agree, and refusals carry the same message."""
    rec = both.ok("lock", "new_record", SALT, 2000000, BOX)
    assert both.ok("lock", "valid_record", rec) == rec
    both("lock", "valid_record", dict(rec, iter=5))
    month = both.ok("lock", "sealed_record", rec["id"], BOX, ["2026-12-02", "2026-12-01"])
    assert month["days"] == ["2026-12-01", "2026-12-02"]
    both.ok("lock", "valid_sealed", "2026-12", month)
    both("lock", "valid_sealed", "2026-11", month)
    both.ok("lock", "split_export", {"schema": 2, "lock": rec, "sealed": {"2026-12": month}, "notes": {}})
    doc = {"notes": {"2026-11-30": ["plain"]}, "sealed": {"2026-12": month}}
    assert [both.ok("lock", "has_notes", doc, day) for day in ("2026-11-30", "2026-12-02", "2026-12-03",
                                                               "2025-12-02")] == [True, True, False, False]


def test_month_text_and_hints_in_both(both):
    """The text a month's ciphertext holds is the same bytes in both; hints and checks agree."""
    notes = {"2026-12-01": ["b", "a é"], "2026-11-30": ["other month"], "2026-12-31": ["🌙 night"]}
    text = both.ok("lock", "month_text", notes, "2026-12")
    assert both.ok("lock", "month_days", text) == ["2026-12-01", "2026-12-31"]
    for phrase in ("abc", "quiet river", "quiet river morning tea", "korte zin hier"):
        both.ok("lock", "strength_hint", phrase)
        both.ok("lock", "check_new", phrase, phrase)
