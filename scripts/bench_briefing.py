"""Speed of the briefings (not a test): a meeting brief should build in < 300 ms and the
plan of a 40-person, 50-checkpoint account in < 1.5 s, font registration included.

    .venv/bin/python scripts/bench_briefing.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import reportlab.platypus  # noqa: E402,F401  (import time is not what we measure)

from briefing_data import TODAY, make_account  # noqa: E402

from accountmap.domain.journey import TWELVE_STATIONS  # noqa: E402


def timed(label: str, build, limit: float | None, runs: int = 5) -> None:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        data = build()
        times.append(time.perf_counter() - start)
    verdict = ("no limit: stress case" if limit is None else
               f"limit {limit * 1000:.0f} ms: {'ok' if times[0] < limit else 'SLOW'}")
    print(f"{label:<44} first {times[0] * 1000:7.0f} ms  best {min(times) * 1000:7.0f} ms  "
          f"({len(data) // 1024} KiB, {verdict})")


def main() -> None:
    start = time.perf_counter()
    from accountmap.briefing.account_plan import build_account_plan
    from accountmap.briefing.meeting_brief import build_meeting_brief
    print(f"import of the briefing modules: {(time.perf_counter() - start) * 1000:.0f} ms")

    small = make_account(people=6, checkpoints=8)
    big = make_account(people=40, checkpoints=50)
    # The first brief registers the fonts: that run counts.
    timed("meeting brief, 6 attendees (fonts included)",
          lambda: build_meeting_brief(small, small.meetings[0], TWELVE_STATIONS, today=TODAY), 0.3)
    timed("meeting brief, 40 attendees",
          lambda: build_meeting_brief(big, big.meetings[0], TWELVE_STATIONS, today=TODAY), None)
    timed("account plan, 40 people, 50 checkpoints",
          lambda: build_account_plan(big, TWELVE_STATIONS, today=TODAY), 1.5)


if __name__ == "__main__":
    main()
