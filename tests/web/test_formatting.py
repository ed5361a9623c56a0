"""Dates as people write them, in a ``<time>`` element with the exact ISO time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from flask import Flask, render_template_string

from quizapp.web.formatting import human_date, source_name, time_element


def test_dates_read_as_people_write_them() -> None:
    moment = datetime(2026, 11, 30, 3, 8, 41, tzinfo=UTC)
    assert human_date(moment) == "30 Nov 2026, 03:08"
    assert human_date(moment, time=False) == "30 Nov 2026"
    assert str(time_element(moment)) == (
        '<time datetime="2026-11-30T03:08:41+00:00" data-local>30 Nov 2026, 03:08 UTC</time>'
    )
    assert str(time_element(moment, time=False)) == '<time datetime="2026-11-30">30 Nov 2026</time>'


def test_other_time_zones_and_naive_values_are_shown_in_utc() -> None:
    lisbon_noon = datetime(2026, 7, 1, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    assert human_date(lisbon_noon) == "1 Jul 2026, 11:00"
    assert human_date(datetime(2026, 1, 5, 9, 30)) == "5 Jan 2026, 09:30"  # naive: UTC
    assert str(time_element(None)) == "—"


def test_the_filters_are_registered_for_every_template(app: Flask) -> None:
    moment = datetime(2026, 11, 30, 3, 8, tzinfo=UTC)
    html = render_template_string("{{ m|datetime }} {{ m|date }} {{ m|datetime_text }}", m=moment)
    assert "30 Nov 2026, 03:08 UTC</time>" in html and html.endswith("30 Nov 2026, 03:08 UTC")


def test_source_is_the_site_name() -> None:
    assert source_name("https://www.reuters.com/world/x?y=1") == "reuters.com"
    assert source_name("https://apnews.com") == "apnews.com"
    assert source_name(None) == "" and source_name("") == ""
