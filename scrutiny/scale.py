"""Scrutiny packs at national scale, for benchmarks: each partnership has asked for its annual
report on the last financial year, to its first council's committee a month from now. The
packs are queued, as the build form leaves them, so a worker started on the benchmark
database builds them; drawing 300 PDFs here would take minutes and tell nothing new (the
pack benchmark times one build).
"""

from datetime import date, timedelta

from scrutiny.models import Pack


def generate(*, today: date, partnerships, councils_of) -> dict[str, int]:
    year = today.year if today.month >= 4 else today.year - 1
    starts, ends = date(year - 1, 4, 1), date(year, 3, 31)
    packs = [
        Pack(
            partnership=partnership,
            council=councils_of[partnership.pk][0],
            title=f"Community Safety Annual Report {year - 1}/{str(year)[-2:]}",
            period_starts_on=starts,
            period_ends_on=ends,
            committee=councils_of[partnership.pk][0].crime_and_disorder_committee
            or "Crime & Disorder Committee",
            committee_on=today + timedelta(days=30),
        )
        for partnership in partnerships
        if councils_of.get(partnership.pk)
    ]
    Pack.objects.bulk_create(packs, batch_size=1000)
    return {"scrutiny packs": len(packs)}
