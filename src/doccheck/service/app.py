"""`doccheck serve`: the local service behind the Word and WPS add-ins.

Native API (the JSON contract of `doccheck check --format json`):
    POST /api/v1/check    {"text": …, "options": {"select": [...], "ignore": [...]}} or a .docx upload
    GET  /api/v1/rules
    GET  /health
LanguageTool protocol: POST /v2/check, GET /v2/languages (service/languagetool.py).
Task pane: /taskpane/ (plugins/taskpane, shared by both add-ins), /word/ and /wps/ add-in files.

Nothing leaves the machine: the service binds 127.0.0.1 unless told otherwise,
keeps no document text in its logs, caps request bodies and time per request.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..config import Config
from .. import session
from ..formats.json import as_dict
from ..plugins import default_registry
from . import languagetool as lt
from .workers import CheckTimeout, CheckWorkers

log = logging.getLogger("doccheck.service")


@dataclass
class ServiceConfig:
    host: str = "127.0.0.1"
    port: int = 8787
    token: str | None = None  # shared secret: Authorization: Bearer …, X-Doccheck-Token, or LT's apiKey
    allowed_origins: list[str] = field(default_factory=list)  # besides the service's own
    max_body: int = 5 * 1024 * 1024
    timeout: float = 30.0
    config: Config = field(default_factory=Config)
    workers: int = 1  # processes that run checks (doccheck serve --workers; default all cores)
    allowed_hosts: list[str] = field(default_factory=list)  # Host names besides the loopback ones

    def origins(self) -> list[str]:
        own = [f"{scheme}://{host}:{self.port}" for scheme in ("http", "https")
               for host in ("127.0.0.1", "localhost")]
        return own + list(self.allowed_origins)

    def hosts(self) -> list[str]:
        """Host header values answered: loopback names, and what --allow-host adds.
        Anything else is a DNS-rebinding page talking to the service through a name it controls."""
        return ["127.0.0.1", "localhost", "[::1]", "::1", *self.allowed_hosts]


class HTTPError(Exception):
    def __init__(self, status: int, message: str):
        self.status, self.message = status, message


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def static_root() -> Path:
    """The task pane and add-in files: inside the wheel, or plugins/ in a checkout."""
    from importlib import resources

    inside = resources.files("doccheck") / "addins"
    if inside.is_dir():
        return Path(str(inside))
    return Path(__file__).resolve().parents[3] / "plugins"


def create_app(sc: ServiceConfig | None = None) -> Starlette:
    sc = sc or ServiceConfig()
    registry = default_registry()

    pool: dict = {}

    @contextlib.asynccontextmanager
    async def lifespan(app):
        pool["workers"] = CheckWorkers(sc.workers, sc.timeout)
        # Each worker loads rules, packs and dictionaries once; this waits until one has.
        await pool["workers"].run(_ready)
        log.info("doccheck %s ready: %d rules, %d worker(s)", __version__, len(registry.rules), sc.workers)
        try:
            yield
        finally:
            pool["workers"].close()

    def authorise(request: Request, form_key: str | None = None) -> None:
        if not sc.token:
            return
        header = request.headers.get("authorization", "")
        given = header[7:] if header.lower().startswith("bearer ") else request.headers.get("x-doccheck-token")
        if given != sc.token and form_key != sc.token:
            raise HTTPError(401, "缺少或错误的访问令牌")

    async def body_of(request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length and length.isdigit() and int(length) > sc.max_body:
            raise HTTPError(413, f"请求体超过上限（{sc.max_body} 字节）")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > sc.max_body:
                raise HTTPError(413, f"请求体超过上限（{sc.max_body} 字节）")
            chunks.append(chunk)
        body = b"".join(chunks)
        request._body = body  # Starlette replays a read body to form() and json()
        return body

    async def parse_form(request: Request):
        # The form's own part limit (1 MB by default) must agree with the body cap.
        try:
            return await request.form(max_part_size=sc.max_body)
        except Exception as e:  # python-multipart's errors for a malformed body
            raise HTTPError(400, f"表单格式有误（{type(e).__name__}）") from None

    async def run(fn, *args):
        try:
            return await pool["workers"].run(fn, *args)
        except CheckTimeout:
            raise HTTPError(503, f"检查超时（超过 {sc.timeout:g} 秒），已停止") from None

    def config_from(options: dict) -> Config:
        if not isinstance(options, dict):
            raise HTTPError(400, "options 应为对象")
        select, ignore = options.get("select"), options.get("ignore")
        for v in (select, ignore):
            if v is not None and (not isinstance(v, list) or not all(isinstance(x, str) for x in v)):
                raise HTTPError(400, "select、ignore 应为字符串列表")
        return sc.config.with_cli(select=select, ignore=ignore)

    def text_of(value) -> str:
        if not isinstance(value, str):
            raise HTTPError(400, "text 应为字符串")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise HTTPError(400, "文本含有无效的 Unicode 字符（孤立的代理项）") from None
        return value

    async def front(request: Request) -> Response:
        """What runs here, in a page a person can read: version, rules, endpoints, add-in set-up."""
        from html import escape

        base = f"{request.url.scheme}://{request.url.netloc}"
        cats = "".join(f"<li>{escape(c.label)}（{escape(c.id)}）：{sum(r.category == c.id for r in registry.rules.values())} 条规则</li>"
                       for c in registry.categories.values())
        page = f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>doccheck 公文检查服务</title>
<style>body{{font-family:sans-serif;max-width:46em;margin:2em auto;line-height:1.6}}code{{background:#f3f3f3;padding:0 .3em}}</style>
</head><body><h1>doccheck {escape(__version__)} 公文检查服务</h1>
<p>本服务在本机运行，文稿不离开本机。{len(registry.rules)} 条规则，{sc.workers} 个检查进程。</p>
<h2>规则类别</h2><ul>{cats}</ul>
<h2>接口</h2><ul>
<li><code>POST /api/v1/check</code>：JSON <code>{{"text": "…"}}</code> 或上传 .docx，返回与 <code>doccheck check --format json</code> 相同的结果</li>
<li><code>GET /api/v1/rules</code>：规则与类别；<code>GET /health</code>：运行状态</li>
<li><code>POST /v2/check</code>、<code>GET /v2/languages</code>：LanguageTool 协议（LibreOffice、LTeX、浏览器扩展可直接使用，语言选中文）</li>
</ul>
<h2>Word 与 WPS 加载项</h2><ol>
<li>任务窗格：<a href="{base}/taskpane/index.html">{base}/taskpane/index.html</a>（<a href="{base}/taskpane/index.html?host=fake">用示例文档试用</a>）</li>
<li>Word：在“插入 → 加载项 → 我的加载项 → 上传我的加载项”中选择 <a href="{base}/word/manifest.xml">manifest.xml</a>（Office 加载项需要 HTTPS：以 <code>--certfile/--keyfile</code> 启动）</li>
<li>WPS：把 <a href="{base}/wps/">wps 加载项</a> 的目录按 <code>plugins/wps-addin/README.md</code> 的步骤登记到 jsplugins.xml</li>
</ol></body></html>"""
        return Response(page, media_type="text/html; charset=utf-8")

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__, "rules": len(registry.rules)})

    async def rules(request: Request) -> Response:
        authorise(request)
        return JSONResponse({"categories": [{"id": c.id, "label": c.label} for c in registry.categories.values()],
                             "rules": [
            {"id": r.id, "category": r.category.value, "severity": r.severity.value, "summary": r.summary,
             "doc": r.doc, "references": list(r.references), "origin": r.origin}
            for r in registry.rules.values()
        ]})

    async def api_check(request: Request) -> Response:
        authorise(request)
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("multipart/form-data"):
            await body_of(request)  # enforce the cap before parsing
            form = await parse_form(request)
            upload = form.get("file")
            if upload is None or not hasattr(upload, "read"):
                raise HTTPError(400, "请以 file 字段上传 .docx 文件")
            name = upload.filename or "upload.docx"
            if not name.lower().endswith(".docx"):
                raise HTTPError(400, "只接受 .docx 文件")
            try:
                options = json.loads(form.get("options") or "{}") if form.get("options") else {}
            except ValueError:
                raise HTTPError(400, "options 应为 JSON 对象") from None
            answer = await run(_check_upload, await upload.read(), name, config_from(options))
        elif ctype.split(";")[0].strip() == "application/json":
            raw = await body_of(request)
            try:
                payload = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, ValueError):
                raise HTTPError(400, "请求体应为 UTF-8 编码的 JSON") from None
            if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
                raise HTTPError(400, "请求体应为 {\"text\": \"…\", \"options\": {…}}")
            answer = await run(_check_text, text_of(payload["text"]), config_from(payload.get("options") or {}))
        else:
            # A text/plain POST needs no CORS preflight: any page could send one. Only the
            # documented types are taken.
            raise HTTPError(415, "请以 application/json 或 multipart/form-data 提交")
        return _json(answer)

    async def lt_languages(request: Request) -> Response:
        return JSONResponse(lt.LANGUAGES)

    async def lt_check(request: Request) -> Response:
        ctype = request.headers.get("content-type", "")
        if request.method == "GET":
            form = request.query_params
        elif ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            await body_of(request)
            form = await parse_form(request)
        else:
            raise HTTPError(415, "请以表单（application/x-www-form-urlencoded）提交")
        authorise(request, form.get("apiKey"))
        language = (form.get("language") or "auto").lower()
        if not (language.startswith("zh") or language.startswith("auto")):
            # Multi-language clients (LTeX) send every paragraph: other languages get no matches.
            return JSONResponse(lt.response([], language))
        try:
            if form.get("data"):
                annotated = lt.AnnotatedText.from_data(form.get("data"))
            elif form.get("text") is not None:
                annotated = lt.AnnotatedText.from_text(form.get("text"))
            else:
                raise HTTPError(400, "缺少 text 或 data 参数")
        except lt.ProtocolError as e:
            raise HTTPError(400, str(e)) from None
        enabled, disabled = lt.split_list(form.get("enabledRules")), lt.split_list(form.get("disabledRules"))
        en_cat = [c.lower() for c in lt.split_list(form.get("enabledCategories"))]
        dis_cat = [c.lower() for c in lt.split_list(form.get("disabledCategories"))]
        only = (form.get("enabledOnly") or "false").lower() == "true"
        if only and not (enabled or en_cat):
            raise HTTPError(400, "enabledOnly=true 时须给出 enabledRules 或 enabledCategories")
        config = sc.config.with_cli(select=(enabled + en_cat) if only else None, ignore=disabled + dis_cat)
        text_of(annotated.plain)  # a lone surrogate is refused here, before a worker gets it
        return _json(await run(_check_lt, annotated, config, language))

    async def handle_http_error(request: Request, exc: HTTPError) -> Response:
        return _error(exc.status, exc.message)

    async def handle_unexpected(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s %s: %s", request.method, request.url.path, type(exc).__name__)
        return _error(500, "服务内部错误")

    routes = [
        Route("/", front),
        Route("/health", health),
        Route("/api/v1/rules", rules),
        Route("/api/v1/check", api_check, methods=["POST"]),
        Route("/v2/languages", lt_languages),
        Route("/v2/check", lt_check, methods=["GET", "POST"]),
    ]
    root = static_root()
    for prefix, folder in (("/taskpane", "taskpane"), ("/word", "word-addin"), ("/wps", "wps-addin")):
        if (root / folder).is_dir():
            routes.append(Mount(prefix, StaticFiles(directory=root / folder, html=True)))

    middleware = [
        Middleware(RequestLog),
        Middleware(TrustedHostMiddleware, allowed_hosts=sc.hosts()),
        Middleware(CORSMiddleware, allow_origins=sc.origins(), allow_methods=["GET", "POST", "OPTIONS"],
                   allow_headers=["Content-Type", "Authorization", "X-Doccheck-Token"], max_age=600),
    ]
    return Starlette(
        routes=routes, middleware=middleware, lifespan=lifespan,
        exception_handlers={HTTPError: handle_http_error, Exception: handle_unexpected},
    )


class RequestLog:
    """One line per request: method, path, status, size, time. Never the text."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        start = time.perf_counter()
        status = {"code": 0}

        async def send_wrapper(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            log.info("%s %s %s %.1fms", scope["method"], scope["path"], status["code"],
                     (time.perf_counter() - start) * 1000)


# What the workers run (top level, so the pool can send them). Each returns the answer itself,
# encoded as JSONResponse would encode it: the document and its anatomy need not cross back to the
# server, and the one event loop that serves every client neither unpickles nor encodes findings (the
# workers do it side by side).

def _encoded(answer: dict) -> bytes:
    return JSONResponse(answer).body


def _json(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _check_text(text: str, config: Config) -> bytes:
    result = session.check_text(text, config)
    result.path = "-"
    return _encoded(as_dict([result]))


def _check_upload(data: bytes, name: str, config: Config) -> bytes:
    return _encoded(as_dict([session.check_bytes(data, name, config)]))


def _check_lt(annotated: lt.AnnotatedText, config: Config, language: str) -> bytes:
    result = session.check_text(annotated.plain, config)
    matches = lt.to_matches(annotated, result.findings, default_registry(), result.document.source_offset)
    return _encoded(lt.response(matches, language))


def _ready() -> bool:
    return True
