"""Open the built site in headless Chromium and check what a reader sees.

On the index and one activation page: every image loaded (naturalWidth > 0), MathJax rendered
the formulas, and the signatures shown match inspect.signature of the package. Screenshots go
to build/docs/. Usage: python -m tools.docs_check build/docs/html
"""

from __future__ import annotations

import functools
import http.server
import inspect
import sys
import threading
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

import mlx_activations as act

PAGE = "hard_tanh"  # an activation with parameters, a constraint and a Module


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the check reports what matters; no request log
        pass


def serve(root: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def browser() -> webdriver.Chrome:
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1600",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def rendered(driver, url: str, shot: Path) -> dict:
    driver.get(url)
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )
    driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "if (window.MathJax && MathJax.startup) { MathJax.startup.promise.then(() => done(true)); } else { done(false); }"
    )
    driver.save_screenshot(str(shot))
    return driver.execute_script(
        "return {images: [...document.images].map(i => [i.getAttribute('src'), i.naturalWidth]),"
        " math: document.querySelectorAll('mjx-container').length,"
        " raw_math: document.querySelectorAll('div.math, span.math').length,"
        " code: [...document.querySelectorAll('pre')].map(p => p.innerText),"
        " links: [...document.querySelectorAll('table a')].map(a => a.innerText)};"
    )


def main(argv=None) -> int:
    html = Path((argv or sys.argv[1:])[0]).resolve()
    server = serve(html)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    driver = browser()
    problems = []
    try:
        index = rendered(driver, f"{base}/index.html", html.parent / "screenshot-index.png")
        page = rendered(
            driver, f"{base}/activations/{PAGE}.html", html.parent / f"screenshot-{PAGE}.png"
        )
    finally:
        driver.quit()
        server.shutdown()
    for name, result in (("index", index), (PAGE, page)):
        broken = [src for src, width in result["images"] if not width]
        if broken:
            problems.append(f"{name}: images that did not load: {broken}")
    if not page["images"]:
        problems.append(f"{PAGE}: no plot on the page")
    if page["math"] == 0 or page["math"] < page["raw_math"]:
        problems.append(f"{PAGE}: MathJax rendered {page['math']} of {page['raw_math']} formulas")
    expected = f"{PAGE}{inspect.signature(getattr(act, PAGE))}"
    if not any(block.strip() == expected for block in page["code"]):
        problems.append(f"{PAGE}: no code block shows the signature {expected!r}")
    shown = set(index["links"])
    for name in act.__all__:
        if name[0].islower():
            signature = f"{name}{inspect.signature(getattr(act, name))}".replace(
                "mlx.core.array", "array"
            )
            if signature not in shown:
                problems.append(f"index: the signature {signature!r} is not shown")
    for line in problems:
        print(line, file=sys.stderr)
    print(
        f"docs_check: {len(page['images'])} images, {page['math']} formulas rendered on {PAGE};"
        f" screenshots in {html.parent}/"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
