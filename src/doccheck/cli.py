"""The ``doccheck`` command."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .config import Config, ConfigError, load_config, read_config_file
from .engine import unknown_selectors
from .findings import Severity
from .packs import PackError
from .plugins import RegistryError, default_registry
from .readers import ReadError
from .session import CheckResult, check_bytes, check_many, check_path

SKIP_DIRS = {".git", ".venv", "venv", "node_modules", "__pycache__", ".tox", "build", "dist"}


def _split(values) -> list[str]:
    out = []
    for v in values or ():
        out += [s for s in v.replace("，", ",").split(",") if s.strip()]
    return [s.strip() for s in out]


def collect(paths: list[str], suffixes) -> list[tuple[str, str | None]]:
    """(path, error) for every file to check; folders are walked recursively,
    keeping only files some reader understands."""
    out: list[tuple[str, str | None]] = []
    for raw in paths:
        if raw == "-":
            out.append(("-", None))
            continue
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in suffixes and not (SKIP_DIRS & set(f.parts)) \
                        and not f.name.startswith(("~$", ".")):
                    out.append((str(f), None))
        elif not p.exists():
            out.append((raw, "文件不存在"))
        else:
            out.append((raw, None))
    return out


class ConfigCache:
    def __init__(self, explicit: Path | None, args):
        self.explicit = explicit
        self.args = args
        self.cache: dict = {}
        self.warned: set[str] = set()

    def for_path(self, path: Path | None) -> Config:
        if self.explicit:
            key = ("explicit",)
        else:
            key = str(path.resolve().parent) if path else "cwd"
        if key not in self.cache:
            if self.explicit:
                cfg = read_config_file(self.explicit)
            elif self.args.isolated:
                cfg = Config()
            else:
                cfg = load_config(path or Path.cwd())
            cfg = cfg.with_cli(
                select=_split(self.args.select), ignore=_split(self.args.ignore), fail_on=self.args.fail_on
            )
            for sel in unknown_selectors(default_registry().with_packs(cfg.packs), cfg):
                if sel not in self.warned:
                    self.warned.add(sel)
                    _err(f"警告：没有编号为 {sel} 的规则（提供它的插件可能未安装），已忽略")
            self.cache[key] = cfg
        return self.cache[key]


def _warm_worker() -> None:
    default_registry().resources.preload()


def _dask_map(address: str):
    """A map over a Dask cluster: an existing scheduler's address, or "local" for a LocalCluster
    on this machine. Results come back in order, like the built-in map's."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--dask 需要安装可选依赖：pip install 'doccheck-gongwen[dask]'") from None
    client = Client(LocalCluster(processes=True, dashboard_address=None) if address == "local" else address)

    def mapper(fn, jobs):
        jobs = list(jobs)
        for future in client.map(fn, jobs, pure=False):
            yield future.result()

    return client, mapper


def _checked(items, configs, jobs: int, registry, dask: str | None = None):
    """(raw, result) for every item, in the given order, checked through a process pool
    when there is more than one file and more than one job (one file keeps the fast start),
    or on a Dask cluster."""
    files = [(raw, Path(raw)) for raw, error in items if error is None and raw != "-"]
    pool = client = None
    mapper = map
    if dask:
        client, mapper = _dask_map(dask)
    elif jobs > 1 and len(files) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # fork after load: the dictionary, the detector's tables and the gazetteer are loaded once,
        # here, and every worker starts with them (0.35 s of start-up once instead of once a worker).
        # Where fork is not available, each worker loads them when it starts.
        if "fork" in multiprocessing.get_all_start_methods():
            _warm_worker()
            pool = ProcessPoolExecutor(min(jobs, len(files)), mp_context=multiprocessing.get_context("fork"))
        else:
            pool = ProcessPoolExecutor(min(jobs, len(files)), mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_warm_worker)
        mapper = pool.map
    try:
        checked = iter(check_many([p for _, p in files], lambda p: configs.for_path(p), map=mapper))
        for raw, error in items:
            if error is not None:
                yield raw, CheckResult(raw, error=error)
            elif raw == "-":
                result = check_bytes(sys.stdin.buffer.read(), None, configs.for_path(None), registry=registry,
                                     suffix=".txt")
                result.path = "-"
                yield raw, result
            else:
                yield raw, next(checked)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        if client is not None:
            cluster = client.cluster
            client.close()
            if cluster is not None:
                cluster.close()


def _use_color(args, out) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or os.environ.get("NO_COLOR"):
        return False
    return out.isatty()


def _fingerprint(result, f) -> str:
    """What identifies a finding across edits elsewhere in the file: path, rule and the text of its
    line (not its line number), and which occurrence of that on the line it is."""
    text = result.document.text if result.document else ""
    ls = text.rfind("\n", 0, f.start) + 1
    le = text.find("\n", f.start)
    line = text[ls:len(text) if le == -1 else le]
    return f"{result.path}\t{f.rule}\t{line}\t{text[f.start:f.end]}\t{f.start - ls}"


def _write_baseline(path: str, results) -> None:
    import json

    prints = sorted({_fingerprint(r, f) for r in results for f in r.findings})
    Path(path).write_text(json.dumps({"doccheck-baseline": 1, "findings": prints}, ensure_ascii=False, indent=1),
                          encoding="utf-8")
    _err(f"已把 {len(prints)} 个现有问题记入基线 {path}；以后用 --baseline {path} 只报告新问题")


def _read_baseline(path: str) -> set[str]:
    import json

    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return set(data["findings"])
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise ConfigError(f"{path}: 不是有效的基线文件（{e}）") from None


def _statistics(results, out) -> None:
    """Counts per rule, most first, as ruff --statistics prints them."""
    from collections import Counter

    counts = Counter((f.rule, f.severity.value, bool(f.fix)) for r in results for f in r.findings)
    for (rule, severity, fixable), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:>6}  {rule:<36} {severity:<7}{'  可自动修正' if fixable else ''}\n")


def _fix_in_place(items, configs, registry) -> None:
    """check --fix: apply the safe fixes through the one safe writer, then check what is left."""
    from .fixing.files import FixError, fix_file

    for raw, error in items:
        if error is not None or raw == "-":
            continue
        path = Path(raw)
        try:
            report = fix_file(path, configs.for_path(path), in_place=True, registry=registry)
        except (ReadError, FixError, OSError):
            continue  # the check that follows reports the file's problem
        if report.applied:
            _err(f"{raw}: 已修正 {len(report.applied)} 处" + (f"，备份 {report.backup}" if report.backup else ""))


def _show_diff(items, configs, registry) -> int:
    """check --diff: what the safe fixes would change, as a unified diff of the text; nothing is written."""
    import difflib

    from .fixing import apply_edits, safe_edits

    changed = False
    for raw, error in items:
        if error is not None or raw == "-":
            continue
        result = check_path(Path(raw), configs.for_path(Path(raw)), registry)
        if result.error is not None:
            _err(f"{raw}: {result.error}")
            continue
        before = result.document.text
        after = apply_edits(before, safe_edits(result.findings))
        if after != before:
            changed = True
            sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                                       f"a/{raw}", f"b/{raw}"))
    return 1 if changed else 0


def _return_freed_memory() -> None:
    """Have glibc give blocks of 128 KiB and more back to the system as soon as they are freed. By default
    it raises that threshold to the largest block freed so far, and the rules build and drop lists of
    megabytes on a long text: they stayed in the heap, 7 MiB of the peak on a 5 M-character file."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return  # not glibc
    mallopt(-3, 128 * 1024)  # M_MMAP_THRESHOLD at glibc's default, which also stops its adjusting it


def cmd_check(args) -> int:
    _return_freed_memory()
    registry = default_registry()
    fmt = registry.formats.get(args.format)
    if fmt is None:
        _err(f"未知的输出格式：{args.format}（可用：{'、'.join(registry.formats)}）")
        return 2
    configs = ConfigCache(Path(args.config) if args.config else None, args)
    items = collect(args.paths, set(registry.readers))
    try:
        for raw, _ in items:  # every config is read here, once, before any check
            configs.for_path(None if raw == "-" else Path(raw))
    except (ConfigError, PackError) as e:
        _err(str(e))
        return 2
    threshold = configs.for_path(None if not items or items[-1][0] == "-" else Path(items[-1][0])).fail_on \
        if items else None
    if args.diff:
        return _show_diff(items, configs, registry)
    if args.fix:
        _fix_in_place(items, configs, registry)
    known = _read_baseline(args.baseline) if args.baseline else None
    out = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
    options = {"show_all": args.show_all, "color": _use_color(args, out)}
    results: list[CheckResult] = []
    failed_input = False
    progress = len(items) > 20 and sys.stderr.isatty()
    try:
        for n, (raw, result) in enumerate(_checked(items, configs, args.jobs or os.cpu_count() or 1, registry,
                                                   args.dask), 1):
            if result.error is not None:
                failed_input = True
                _err(f"{raw}: {result.error}")
                result.path = raw
            if known is not None:
                result.findings = [f for f in result.findings if _fingerprint(result, f) not in known]
            results.append(result)
            if fmt.per_file is not None:
                out.write(fmt.per_file(result, registry, **options))
                out.flush()
            if progress:
                print(f"\r已检查 {n}/{len(items)} 个文件", end="", file=sys.stderr, flush=True)
        if progress:
            print(file=sys.stderr)
    except (PackError, ConfigError) as e:
        _err(str(e))
        return 2
    if not results:
        _err("没有找到可检查的文件")
        return 2
    if fmt.per_file is not None:
        out.write(fmt.closing(results))
    elif fmt.pieces is not None:
        out.writelines(fmt.pieces(results, registry))
    else:
        out.write(fmt.render(results, registry))
    if args.statistics:
        _statistics(results, out)
    if args.write_baseline:
        _write_baseline(args.write_baseline, results)
    if out is not sys.stdout:
        out.close()
    if failed_input:
        return 2
    if threshold == "never":
        return 0
    level = Severity(threshold).rank
    return 1 if any(f.severity.rank >= level for r in results for f in r.findings) else 0


def cmd_rules(args) -> int:
    registry = default_registry()
    if args.id:
        r = registry.rules.get(args.id)
        if r is None:
            matches = [x for x in registry.rules.values() if x.matches(args.id)]
            if not matches:
                _err(f"没有编号为 {args.id} 的规则；用 doccheck rules 查看全部")
                return 2
            for x in matches:
                print(x.documentation(), end="\n\n")
            return 0
        print(r.documentation())
        return 0
    width = max(len(r.id) for r in registry.rules.values())
    for r in registry.rules.values():
        print(f"{r.id:<{width}}  {r.category.value:<11} {r.severity.value:<7}  {r.summary}")
    return 0


def cmd_fix(args) -> int:
    from .fixing.files import FixError, fix_file

    registry = default_registry()
    files = [f for f, _ in collect(args.paths, set(registry.readers))]
    if args.output and (len(files) != 1 or args.in_place):
        _err("-o 只能用于单个文件，且不能与 --in-place 同用")
        return 2
    configs = ConfigCache(Path(args.config) if args.config else None, args)
    status = 0
    for raw in files:
        path = Path(raw)
        try:
            report = fix_file(path, configs.for_path(path), Path(args.output) if args.output else None,
                              in_place=args.in_place, backup=not args.no_backup, registry=registry,
                              force=args.force)
        except (ReadError, FixError, ConfigError, OSError) as e:
            _err(f"{raw}: {e}")
            status = 2
            continue
        rules = "，".join(f"{rule} ×{n}" for rule, n in sorted(report.by_rule.items()))
        where = "原文件" if args.in_place else str(report.out)
        print(f"{raw}: 已修正 {len(report.applied)} 处{('（' + rules + '）') if rules else ''}，写入 {where}"
              + (f"；备份 {report.backup}" if report.backup else "")
              + (f"；{len(report.skipped)} 处跨段落或涉及非文本内容，未自动修正" if report.skipped else ""))
    return status


def cmd_annotate(args) -> int:
    from .fixing.files import FixError, annotate_file

    configs = ConfigCache(Path(args.config) if args.config else None, args)
    path = Path(args.path)
    try:
        placed, total = annotate_file(path, Path(args.output), configs.for_path(path), force=args.force)
    except (ReadError, FixError, ConfigError, OSError) as e:
        _err(f"{args.path}: {e}")
        return 2
    print(f"{args.path}: {total} 个问题，已在 {args.output} 中添加 {placed} 条批注")
    return 0


def cmd_lsp(args) -> int:
    try:
        from .service.lsp import server
    except ImportError:  # pygls comes with the [serve] extra
        _err("lsp 需要安装可选依赖：pip install 'doccheck-gongwen[serve]'")
        return 2
    server.start_io()
    return 0


def _err(msg: str) -> None:
    print(f"doccheck: {msg}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="doccheck", description="公文草稿检查：版头、主送机关、标点、错别字、日期、数字、禁发内容……"
    )
    parser.add_argument("--version", action="version", version=f"doccheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="检查文件、文件夹或标准输入（-）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="文件、文件夹（递归）或 -（标准输入）")
    p.add_argument("--format", "-f", default="text", help="text | json | sarif | github | html（插件可增加）")
    p.add_argument("--select", action="append", help="只运行这些规则（编号、类别或前缀，逗号分隔）")
    p.add_argument("--ignore", action="append", help="不运行这些规则")
    p.add_argument("--fail-on", choices=["error", "warning", "never"], default=None,
                   help="达到该级别的问题时退出码为 1（默认 error）")
    p.add_argument("--config", help="使用指定的配置文件，不再向上查找")
    p.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    p.add_argument("-j", "--jobs", type=int, default=0,
                   help="并行检查的进程数（默认：全部核心；只有一个文件时不开进程）")
    p.add_argument("--dask", metavar="ADDRESS",
                   help="在 Dask 集群上检查（调度器地址，如 tcp://10.0.0.5:8786；local 则在本机启动 LocalCluster）")
    p.add_argument("--fix", action="store_true",
                   help="先自动修正可安全修正的问题（直接改写文件，保留 .bak 备份），再报告其余问题")
    p.add_argument("--diff", action="store_true", help="只显示安全修正会做的改动（统一差异格式），不写文件")
    p.add_argument("--statistics", action="store_true", help="最后按规则统计问题数")
    p.add_argument("--write-baseline", metavar="FILE", help="把当前的全部问题记为基线（模板库接入时用）")
    p.add_argument("--baseline", metavar="FILE", help="只报告基线文件中没有的新问题")
    p.add_argument("--output-file", metavar="FILE",
                   help="把检查报告写入 FILE（不是修正后的文档：那是 doccheck fix -o）")
    p.add_argument("--show-all", action="store_true", help="逐条列出同一规则的大量问题（默认合并为一行）")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="终端彩色输出（默认 auto；设置 NO_COLOR 环境变量可关闭）")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("fix", help="自动修正可安全修正的问题（.txt、.md、.docx）")
    p.add_argument("paths", nargs="+", metavar="PATH", help="要修正的文件或文件夹")
    p.add_argument("-o", "--output", help="写入的文件（默认：原名.fixed.扩展名）")
    p.add_argument("--in-place", action="store_true", help="直接改写原文件（先备份为 .bak，原子写入）")
    p.add_argument("--no-backup", action="store_true", help="与 --in-place 同用时不保留备份")
    p.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（默认拒绝）")
    p.add_argument("--select", action="append", help="只运行这些规则（编号、类别或前缀，逗号分隔）")
    p.add_argument("--ignore", action="append", help="不运行这些规则")
    p.add_argument("--config", help="使用指定的配置文件，不再向上查找")
    p.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    p.set_defaults(func=cmd_fix, fail_on=None)

    p = sub.add_parser("annotate", help="把检查结果作为 Word 批注写入 .docx 副本")
    p.add_argument("path", metavar="IN.docx", help="要批注的 .docx 文件")
    p.add_argument("-o", "--output", required=True, metavar="OUT.docx", help="写入批注后的副本")
    p.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它（默认拒绝）")
    p.add_argument("--select", action="append", help="只运行这些规则（编号、类别或前缀，逗号分隔）")
    p.add_argument("--ignore", action="append", help="不运行这些规则")
    p.add_argument("--config", help="使用指定的配置文件，不再向上查找")
    p.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    p.set_defaults(func=cmd_annotate, fail_on=None)

    from .service.cli import add_serve_command

    add_serve_command(sub)
    p = sub.add_parser("lsp", help="以语言服务器（LSP，标准输入输出）运行，供编辑器使用")
    p.set_defaults(func=cmd_lsp)

    p = sub.add_parser("rules", help="列出规则，或显示一条规则的说明和示例")
    p.add_argument("id", nargs="?", help="规则编号；不给则列出全部规则")
    p.set_defaults(func=cmd_rules)

    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (RegistryError, PackError, ConfigError) as e:
        _err(str(e))
        return 2
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
