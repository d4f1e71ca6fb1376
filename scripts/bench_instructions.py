"""Instructions per request, counted by valgrind's callgrind: what a page costs, in a number
that does not move with the machine's load.

Wall-clock rates on a shared 2-core machine moved by up to 50 % between identical runs (one
fixed Python loop took 0.76-1.15 s in six runs in a row), so a change of a few per cent cannot
be seen in them. Instructions can: the same code, data and hash seed give the same count.
They are no substitute for requests per second (a cache miss or a lock costs time, not
instructions), but they tell whether a change made a page cheaper, and by how much.

One Python process runs under callgrind with counting off. It serves the requests through the
Flask test client (no HTTP server: its cost is the same for every page) and this script turns
counting on around each group: each single URL of the HTTP benchmark 20 times after a warm-up,
and the mix's first paths once each in order (every name query new to the process, as most are
in the HTTP benchmark's mix). The response cache is off: the count is what rendering costs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPEATS = 20  # requests of each single URL counted
MIX_PATHS = 200  # paths of the mix counted, once each
WARM_UPS = 3
# The kinds of path of the mix (bench_http.workload_paths), by the first prefix they start with.
KINDS = (
    ("/search?q=", "&nationality=", "name_filters"),
    ("/search?q=", "", "name_search"),
    ("/search?nationality=", "", "browse_nationality"),
    ("/search?kind=", "", "browse_page"),
    ("/notices/v1/", "", "compat_list"),
    ("/notices/", "", "detail"),
    ("/api/v1/search?q=", "", "api_search"),
)


def kind_of(path: str) -> str:
    """The kind of a path of the mix (KINDS)."""
    return next(kind for prefix, also, kind in KINDS if path.startswith(prefix) and also in path)


def _child(paths_file: str) -> None:
    """Runs under callgrind: warms up, then serves each group when told to (stdin), and says
    when it is done (stdout). Counting is on only between the two."""
    from notices import create_app

    groups = [line.split("\t") for line in Path(paths_file).read_text().splitlines()]
    client = create_app().test_client()
    for label, _, *paths in groups:
        if not label.startswith("mix"):
            for _ in range(WARM_UPS):
                status = client.get(paths[0]).status_code
                if status != 200:
                    sys.exit(f"{paths[0]} answered {status}")
    for label, repeats, *paths in groups:
        sys.stdin.readline()
        for path in paths:
            for _ in range(int(repeats)):
                client.get(path)
        print(label, flush=True)


def _totals(out_dir: Path) -> int:
    """Instructions of the newest callgrind dump (a dump holds what was counted since zeroed)."""
    newest = max(out_dir.glob("callgrind.out*"), key=lambda path: path.stat().st_mtime_ns)
    for line in newest.read_text(errors="replace").splitlines():
        if line.startswith(("totals:", "summary:")) and int(line.split()[1]):
            return int(line.split()[1])
    return 0


def _control(pid: int, *options: str) -> None:
    subprocess.run(["callgrind_control", *options, str(pid)], check=True, capture_output=True)


def count_instructions(env: dict, singles: dict[str, str], mix: list[str]) -> dict:
    """{label: {path, requests, instructions_per_request, ratio_to_about}} for each single URL,
    for the mix's first MIX_PATHS paths, and for its next MIX_PATHS by kind ("mix detail", ...);
    ratio_to_about is /about's count over the URL's, comparable with the HTTP benchmark's ratios
    of rates."""
    # A first group of one request: the first counting switch took effect only after it.
    groups = [("settle", 1, [singles["about"]])]
    groups += [(label, REPEATS, [path]) for label, path in singles.items()]
    groups.append(("mix", 1, mix[:MIX_PATHS]))
    # The next paths of the mix, new to the process too, counted by kind (in their order).
    later = mix[MIX_PATHS : 2 * MIX_PATHS]
    for _, _, kind in KINDS:
        groups.append((f"mix {kind}", 1, [path for path in later if kind_of(path) == kind]))
    with tempfile.TemporaryDirectory(prefix="bench-instructions-") as folder:
        work = Path(folder)
        paths_file = work / "groups.tsv"
        paths_file.write_text(
            "".join("\t".join([label, str(n), *paths]) + "\n" for label, n, paths in groups)
        )
        child = subprocess.Popen(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={work / 'callgrind.out'}",
                sys.executable,
                __file__,
                "--child",
                str(paths_file),
            ],
            env={**env, "PYTHONHASHSEED": "0", "NOTICES_RESPONSE_CACHE_MB": "0"},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        counts = {}
        for label, repeats, paths in groups:
            _control(child.pid, "--zero")
            _control(child.pid, "--instr=on")
            child.stdin.write("go\n")
            child.stdin.flush()
            if child.stdout.readline().strip() != label:
                raise RuntimeError(f"the counted process stopped before {label}")
            _control(child.pid, "--instr=off")
            _control(child.pid, "--dump")
            requests = repeats * len(paths)
            counts[label] = {
                "path": paths[0] if repeats > 1 else f"{len(paths)} paths of the mix",
                "requests": requests,
                "instructions_per_request": round(_totals(work) / requests),
            }
        child.stdin.close()
        child.wait()
    del counts["settle"]
    about = counts["about"]["instructions_per_request"]
    for found in counts.values():
        found["ratio_to_about"] = round(about / found["instructions_per_request"], 3)
    return counts


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])  # the installed package, or the checkout PYTHONPATH names
    else:
        sys.exit("run through scripts/bench instructions")
