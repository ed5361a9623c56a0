"""schema.org ClaimReview JSON-LD for claims that an editor has given a verdict.

Search engines and fact-check aggregators read this markup; see
https://schema.org/ClaimReview. Pure data in, plain dicts out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

#: Verdict → (rating value on a 1–4 scale, label shown to people).
RATINGS = {
    "false": (1, "False"),
    "misleading": (2, "Misleading"),
    "unverifiable": (3, "Unverifiable"),
    "accurate": (4, "Accurate"),
}


@dataclass(frozen=True)
class ReviewedClaim:
    text: str
    verdict: str
    note: str
    verdict_url: str
    reviewed_at: datetime | None
    article_title: str
    article_url: str
    review_page_url: str


def claim_review(claim: ReviewedClaim, publisher: str) -> dict[str, object]:
    """One ClaimReview object."""
    value, label = RATINGS[claim.verdict]
    appearance: dict[str, object] = {"@type": "CreativeWork", "headline": claim.article_title}
    if claim.article_url:
        appearance["url"] = claim.article_url
    review: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim.verdict_url or claim.review_page_url,
        "claimReviewed": claim.text,
        "itemReviewed": {"@type": "Claim", "appearance": appearance},
        "author": {"@type": "Organization", "name": publisher},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 4,
            "worstRating": 1,
            "alternateName": label,
        },
    }
    if claim.note:
        review["reviewBody"] = claim.note
    if claim.reviewed_at is not None:
        review["datePublished"] = claim.reviewed_at.date().isoformat()
    return review


def script_json(data: object) -> str:
    """JSON safe to put inside ``<script type="application/ld+json">``.

    ``<``, ``>`` and ``&`` are escaped so text from an article can never close
    the script element or open another one.
    """
    return (
        json.dumps(data, ensure_ascii=False, indent=1)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
