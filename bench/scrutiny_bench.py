"""How long the annual scrutiny pack takes to build, and how much memory, beside a plain
WeasyPrint render of a synthetic document with the same number of pages.

Not a test: a script to run by hand (see bench/README.md). In one run it

1. drops and recreates the benchmark database (its name must contain "bench"), runs
   `migrate`, `load_demo` and `generate_scale --seed S` (national-scale data beside the demo);
2. builds, each in a fresh process so that the peak memory is that build's alone:
   - the demo pack (Dorset, 2023/24, as the demo issues it),
   - the pack of the national-scale partnership with the most register entries, actions,
     indicator figures and reviews (generated data),
   - for each, a synthetic document (a heading, paragraphs and one long table) rendered by
     WeasyPrint alone, sized to the same page count;
3. prints, for each: seconds for the whole build and for its parts (reading the live data,
   the PDF, the Word file), the page count, the PDF's size, the peak resident memory of the
   process (ru_maxrss) and how far it rose during the build.

Usage: .venv/bin/python bench/scrutiny_bench.py [--database-url URL] [--seed 1] [--repeat 3]
"""

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/csp_scrutiny_bench"


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; the fastest is shown")
    parser.add_argument("--skip-setup", action="store_true", help="reuse the database as it is")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    return parser.parse_args()


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def rss_now_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


# --- In a child process: one measurement ---


def _django():
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "csp_tracker.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()


def measure_pack(partnership_slug: str) -> dict:
    """Build a pack of the partnership the way the worker does, without storing files."""
    _django()
    from datetime import date

    from django.utils import timezone

    from partnerships.models import Partnership
    from scrutiny import pack as pack_rules
    from scrutiny import render
    from scrutiny.models import Pack

    partnership = Partnership.objects.get(slug=partnership_slug)
    today = timezone.localdate()
    template = Pack.objects.filter(partnership=partnership).first()
    if template is not None:
        pack = Pack(**{f.attname: getattr(template, f.attname) for f in Pack._meta.concrete_fields})
        pack.pk = None
    else:
        pack = Pack(
            partnership=partnership,
            council=partnership.councils.order_by("name").first(),
            title=f"Community Safety Annual Report {today.year - 1}/{today.year % 100:02d}",
            period_starts_on=date(today.year - 1, 4, 1),
            period_ends_on=date(today.year, 3, 31),
            committee="Crime & Disorder Committee",
            committee_on=today,
            executive_summary="A generated partnership's report.",
        )
    import weasyprint  # noqa: F401  (imported before the clock starts: the worker has it loaded)

    before = rss_now_mb()
    started = time.perf_counter()
    pack.content = pack_rules.gather(pack, today=today)
    pack.content["since"] = {"title": "", "issued_on": "", "sections": []}
    gathered = time.perf_counter()
    pdf, pages = render.pdf(pack)
    drawn = time.perf_counter()
    docx = render.docx(pack)
    done = time.perf_counter()
    return {
        "seconds": done - started,
        "gather": gathered - started,
        "pdf": drawn - gathered,
        "docx": done - drawn,
        "pages": pages,
        "pdf_bytes": len(pdf),
        "docx_bytes": len(docx),
        "rows": {
            "duties": len(pack.content["duties"]),
            "plans": len(pack.content["plans"]),
            "indicator rows": sum(len(t["rows"]) for t in pack.content["indicators"]),
            "actions": len(pack.content["actions"]["rows"]),
            "reviews counted": sum(c for _, c in pack.content["dhr_counts"]),
        },
        "rss_mb": peak_rss_mb(),
        "rss_before_mb": before,
    }


def synthetic_html(rows: int) -> str:
    paragraph = (
        "<p>Partners sought to incorporate the views of the public in the development of the most recent "
        "strategic assessment and refreshed plan, including through consultations undertaken locally.</p>"
    )
    body = "".join(
        f"<tr><th>Row {n}</th><td>{paragraph}</td><td>On track</td><td>1 April 2025</td></tr>"
        for n in range(rows)
    )
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Synthetic</title><style>"
        "@page { size: A4; margin: 20mm 18mm; @bottom-right { content: 'Page ' counter(page) ' of ' "
        "counter(pages); } } html { font-family: 'Liberation Sans', Arial, sans-serif; font-size: 10.5pt; }"
        "table { width: 100%; border-collapse: collapse; font-size: 9pt; } th, td { border: 0.5pt solid "
        "#b1b4b6; padding: 3pt; vertical-align: top; }</style></head><body><h1>Synthetic document</h1>"
        f"{paragraph * 3}<table><thead><tr><th>Duty</th><th>Implementation</th><th>Status</th><th>Next due"
        f"</th></tr></thead><tbody>{body}</tbody></table></body></html>"
    )


def synthetic_pages(rows: int) -> int:
    from weasyprint import HTML

    return len(HTML(string=synthetic_html(rows)).render().pages)


def rows_for_pages(pages: int) -> int:
    """The row count whose synthetic document has the wanted number of pages."""
    low, high = 0, max(8, pages * 12)
    while synthetic_pages(high) < pages:
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        if synthetic_pages(middle) >= pages:
            high = middle
        else:
            low = middle
    return high


def measure_synthetic(rows: int) -> dict:
    from weasyprint import HTML

    html = synthetic_html(rows)
    before = rss_now_mb()
    started = time.perf_counter()
    document = HTML(string=html).render()
    pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    done = time.perf_counter()
    return {
        "seconds": done - started,
        "pages": len(document.pages),
        "pdf_bytes": len(pdf),
        "rss_mb": peak_rss_mb(),
        "rss_before_mb": before,
    }


# --- In the parent ---


def run_child(env, *arguments) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(arguments)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"{arguments} failed:\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def fastest(env, repeat, *arguments) -> dict:
    runs = [run_child(env, *arguments) for _ in range(repeat)]
    best = min(runs, key=lambda run: run["seconds"])
    best["rss_mb"] = max(run["rss_mb"] for run in runs)
    best["rss_before_mb"] = min(run["rss_before_mb"] for run in runs)
    return best


def largest_generated_partnership(env) -> str:
    return run_child(env, "largest")["slug"]


def largest() -> dict:
    _django()
    from django.db.models import Count

    from partnerships.models import Partnership

    partnership = (
        Partnership.objects.filter(slug__startswith="csp-")
        .annotate(
            size=Count("register_entries", distinct=True)
            + Count("actions", distinct=True)
            + Count("indicators__values", distinct=True)
            + Count("dhr_cases", distinct=True)
        )
        .order_by("-size", "slug")
        .first()
    )
    return {"slug": partnership.slug}


def main():
    arguments = parse_arguments()
    if arguments.child:
        kind, *rest = json.loads(arguments.child)
        result = {"pack": measure_pack, "synthetic": measure_synthetic, "largest": largest}[kind](*rest)
        print(json.dumps(result))
        return

    sys.path.insert(0, str(ROOT))
    from bench.register_bench import manage, recreate_database

    env = dict(os.environ, DATABASE_URL=arguments.database_url, LOG_LEVEL="WARNING")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    if not arguments.skip_setup:
        print("Recreating the database, loading the demo and generating national-scale data ...", flush=True)
        recreate_database(arguments.database_url)
        started = time.perf_counter()
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        print(manage(env, "generate_scale", "--seed", str(arguments.seed)).rstrip().splitlines()[-1])
        print(f"  ({time.perf_counter() - started:.0f} s)")

    national = largest_generated_partnership(env)
    cases = [("Demo pack (Dorset 2023/24)", "dorset"), (f"National-scale partnership ({national})", national)]
    results = []
    for label, slug in cases:
        built = fastest(env, arguments.repeat, "pack", slug)
        rows = rows_for_pages(built["pages"])
        plain = fastest(env, arguments.repeat, "synthetic", rows)
        results.append((label, built, plain, rows))

    import weasyprint

    print()
    print(
        f"Machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; Python "
        f"{platform.python_version()}, WeasyPrint {weasyprint.__version__}. Fastest of {arguments.repeat} "
        "runs, each in a fresh process (peak memory: the highest of the runs)."
    )
    print()
    header = f"{'':<44}{'seconds':>8}{'data':>7}{'PDF':>7}{'Word':>7}{'pages':>6}{'PDF KB':>8}{'peak MB':>8}{'+MB':>6}"
    print(header)
    print("-" * len(header))
    for label, built, plain, rows in results:
        print(
            f"{label:<44}{built['seconds']:>8.2f}{built['gather']:>7.2f}{built['pdf']:>7.2f}"
            f"{built['docx']:>7.2f}{built['pages']:>6}{built['pdf_bytes'] / 1024:>8.0f}{built['rss_mb']:>8.0f}"
            f"{built['rss_mb'] - built['rss_before_mb']:>6.0f}"
        )
        print(
            f"{'  plain WeasyPrint, same pages (' + str(rows) + ' rows)':<44}{plain['seconds']:>8.2f}{'':>7}"
            f"{plain['seconds']:>7.2f}{'':>7}{plain['pages']:>6}{plain['pdf_bytes'] / 1024:>8.0f}"
            f"{plain['rss_mb']:>8.0f}{plain['rss_mb'] - plain['rss_before_mb']:>6.0f}"
        )
        print(f"  {label}: {', '.join(f'{n} {k}' for k, n in built['rows'].items())}")
    print()
    print(
        "seconds: the whole build (reading the live data, the PDF, the Word file), WeasyPrint already "
        "imported. peak MB: the process's peak resident memory (ru_maxrss), Django and WeasyPrint "
        "loaded; +MB: how far it rose above the resident memory just before the build."
    )


if __name__ == "__main__":
    main()
