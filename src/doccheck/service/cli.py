"""`doccheck serve`."""

from __future__ import annotations

import ipaddress
import logging
import os
import sys


def add_serve_command(sub) -> None:
    p = sub.add_parser("serve", help="启动本地检查服务（供 Word/WPS 加载项和 LanguageTool 客户端使用）")
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，仅本机）")
    p.add_argument("--port", type=int, default=8787, help="端口（默认 8787）")
    p.add_argument("--allow-remote", action="store_true", help="允许监听非本机地址（公文未发布前不应离开本机）")
    p.add_argument("--allow-origin", action="append", default=[], help="允许跨域访问的来源（可多次给出）")
    p.add_argument("--allow-host", action="append", default=[],
                   help="除 localhost、127.0.0.1 外允许的 Host 名称（可多次给出；与 --allow-remote 同用时必须给出）")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="运行检查的进程数（默认：全部核心）；超时的检查随其进程一起结束")
    p.add_argument("--token", default=os.environ.get("DOCCHECK_TOKEN"), help="共享访问令牌（或环境变量 DOCCHECK_TOKEN）")
    p.add_argument("--max-body", type=int, default=5 * 1024 * 1024, help="请求体上限（字节，默认 5MB）")
    p.add_argument("--timeout", type=float, default=30.0, help="单个请求的检查时限（秒）")
    p.add_argument("--certfile", help="HTTPS 证书（Office 加载项需要 HTTPS）")
    p.add_argument("--keyfile", help="HTTPS 私钥")
    p.add_argument("--config", help="检查配置文件（doccheck.toml）")
    p.set_defaults(func=cmd_serve)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def cmd_serve(args) -> int:
    try:
        import uvicorn
    except ImportError:
        print("doccheck: serve 需要安装可选依赖：pip install 'doccheck[serve]'", file=sys.stderr)
        return 2
    from pathlib import Path

    from ..config import load_config
    from .app import ServiceConfig, create_app

    if not _loopback(args.host):
        if not args.allow_remote:
            print(f"doccheck: 拒绝监听 {args.host}：未发布的公文不应离开本机；确需如此请加 --allow-remote",
                  file=sys.stderr)
            return 2
        if not args.allow_host:
            print("doccheck: 使用 --allow-remote 时须用 --allow-host 指明客户端访问本服务所用的主机名", file=sys.stderr)
            return 2
        print(f"doccheck: 警告：服务将监听 {args.host}，其他机器可以访问", file=sys.stderr)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    sc = ServiceConfig(
        host=args.host, port=args.port, token=args.token, allowed_origins=args.allow_origin,
        max_body=args.max_body, timeout=args.timeout, workers=args.workers, allowed_hosts=args.allow_host,
        config=load_config(Path(args.config)) if args.config else load_config(Path.cwd()),
    )
    uvicorn.run(create_app(sc), host=args.host, port=args.port, log_level="info", access_log=False,
                ssl_certfile=args.certfile, ssl_keyfile=args.keyfile)
    return 0
