"""Drives the preview page at `/` in a real headless Chromium over the Chrome DevTools Protocol,
as a person would use it: waits for the example's pages, types a new section, breaks and mends
the front matter, downloads the PDF.

Usage: python3 browser_preview.py http://127.0.0.1:PORT [screenshot.png]
Needs /usr/bin/chromium (Debian package chromium) and the PyPI package websocket-client. The
last line of stdout is a JSON summary; exit 0 only when every check passed. A second argument
saves a screenshot of the final page there, and one of the error state beside it (-error.png).
"""
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

import websocket  # websocket-client

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
BUDGET = 55.0  # seconds for the whole run: the caller allows 120, the brief 60
EXAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "service", "example-paper.md")

NEW_SECTION_PARAGRAPH = (
    "The Board will publish these figures with its annual report, and each partner agency will set out in its "
    "own report how it has used them to plan its safeguarding work for the year ahead. "
) * 2
# Six paragraphs take the example (3 pages, ending half way down page 3) to 4 pages.
NEW_SECTION = "\n# Next steps\n\n" + "\n\n".join([NEW_SECTION_PARAGRAPH.strip()] * 6) + "\n"


class Failed(Exception):
    pass


class Browser:
    """Chromium with one page target, spoken to over the browser's DevTools websocket
    (flattened sessions: page commands carry the sessionId)."""

    def __init__(self, deadline):
        self.deadline = deadline
        self.profile = tempfile.mkdtemp(prefix="quire-chromium-")
        self.stderr_lines = []
        # Its own process group, so that ending it ends its helpers (zygote, renderers) too.
        self.process = subprocess.Popen(
            [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
             f"--user-data-dir={self.profile}", "--window-size=1280,860", "--no-first-run",
             "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, start_new_session=True)
        found = queue.Queue()

        def drain():  # reads stderr to the end, so chromium never blocks on a full pipe
            for line in self.process.stderr:
                self.stderr_lines.append(line.rstrip())
                match = re.search(r"DevTools listening on (ws://\S+)", line)
                if match:
                    found.put(match.group(1))
            found.put(None)

        threading.Thread(target=drain, daemon=True).start()
        try:
            url = found.get(timeout=min(20, self.left()))
        except queue.Empty:
            url = None
        if not url:
            raise Failed("chromium did not print its DevTools address: " + " | ".join(self.stderr_lines[-5:]))
        self.ws = websocket.create_connection(url, timeout=10, suppress_origin=True)
        self.next_id = 0
        self.events = []
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]

    def left(self):
        return max(0.1, self.deadline - time.monotonic())

    def send(self, method, params=None, page=False):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if page:
            message["sessionId"] = self.session
        self.ws.send(json.dumps(message))
        while True:
            self.ws.settimeout(self.left())
            try:
                reply = json.loads(self.ws.recv())
            except websocket.WebSocketTimeoutException:
                raise Failed(f"no answer to {method} before the time limit")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise Failed(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def page(self, method, params=None):
        return self.send(method, params, page=True)

    def evaluate(self, expression):
        result = self.page("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise Failed(f"script failed: {result['exceptionDetails'].get('exception', {}).get('description', result['exceptionDetails'])}")
        return result["result"].get("value")

    def wait_for(self, expression, what, seconds=20):
        """Polls a JS expression until it is truthy; its last value is in the failure."""
        until = min(self.deadline, time.monotonic() + seconds)
        value = None
        while time.monotonic() < until:
            value = self.evaluate(expression)
            if value and not (isinstance(value, dict) and not value.get("ok", True)):
                return value
            time.sleep(0.1)
        raise Failed(f"timed out waiting for {what} (last: {json.dumps(value)[:400]})")

    def screenshot(self, path):
        import base64
        data = self.page("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.ws.close()
        except Exception:
            pass
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=5)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.process.wait(timeout=5)
        shutil.rmtree(self.profile, ignore_errors=True)


# What the page shows, read in one go: the images' state, the status, the error box.
STATE = """(() => {
  const imgs = [...document.querySelectorAll('#pages img')];
  const error = document.getElementById('error');
  return {
    images: imgs.length,
    loaded: imgs.filter(i => i.complete && i.naturalWidth > 0).length,
    alts: imgs.map(i => i.alt),
    status: document.getElementById('status').textContent,
    error: !error.hidden && error.getClientRects().length > 0 ? error.innerText : null,
    stale: document.getElementById('pages').classList.contains('stale'),
    pagesOpacity: imgs.length ? getComputedStyle(imgs[0]).opacity : null,
  };
})()"""


def pages_shown(count):
    return f"""(() => {{ const s = {STATE};
      return {{ ...s, ok: s.images === {count} && s.loaded === {count} && s.status.startsWith('{count} pages')
                 && s.error === null && s.alts[0] === 'Page 1 of {count}' }}; }})()"""


def select_and_type(browser, start_js, end_js, text):
    """Focuses the editor, selects [start, end) and types `text` over it (Input.insertText
    fires beforeinput/input as a keyboard or IME would)."""
    browser.evaluate(f"""(() => {{ const t = document.getElementById('source'); t.focus();
      const v = t.value; t.setSelectionRange({start_js}, {end_js}); }})()""")
    browser.page("Input.insertText", {"text": text})


def problem_line(base, paper):
    """The line the service itself names for `paper` (asked directly, not through the page)."""
    request = urllib.request.Request(f"{base}/v1/render?format=png&page=1&dpi=24",
                                     data=json.dumps({"paper": paper, "filename": "paper.md"}).encode(),
                                     headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=20).read()
    except urllib.error.HTTPError as error:
        return json.loads(error.read()).get("line")
    raise Failed("the broken source rendered without a problem")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    # A caller's SIGTERM (its time limit) still runs the finally below, which ends chromium.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    base = sys.argv[1].rstrip("/")
    shot = sys.argv[2] if len(sys.argv) > 2 else None
    started = time.monotonic()
    deadline = started + BUDGET
    summary = {"ok": False, "checks": {}, "pages": [], "failed": None}
    checks = summary["checks"]
    browser = None
    downloads = tempfile.mkdtemp(prefix="quire-downloads-")
    try:
        browser = Browser(deadline)
        browser.page("Page.enable")
        browser.page("Runtime.enable")
        browser.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads, "eventsEnabled": True})

        # (a) The page loads, titled, with the example in the editor and a number for each line.
        navigation = browser.page("Page.navigate", {"url": base + "/"})
        if navigation.get("errorText"):
            raise Failed(f"{base}/ did not load: {navigation['errorText']}")
        browser.wait_for("document.readyState === 'complete' && !!document.getElementById('source')", "the page to load")
        loaded = browser.evaluate("""({ title: document.title, source: document.getElementById('source').value,
            gutter: document.querySelectorAll('#gutter-lines > div').length,
            ids: ['source','gutter','pages','status','error','download'].filter(id => !document.getElementById(id)) })""")
        example = open(EXAMPLE, encoding="utf-8").read() if os.path.exists(EXAMPLE) else None
        if loaded["title"] != "Quire — paper preview":
            raise Failed(f"the title is {loaded['title']!r}")
        if loaded["ids"]:
            raise Failed(f"elements missing: {loaded['ids']}")
        if example is not None and loaded["source"] != example:
            raise Failed("the editor does not hold the example paper exactly as assets/service/example-paper.md has it")
        if not loaded["source"].startswith("---") or "subject:" not in loaded["source"]:
            raise Failed("the editor does not hold a paper source")
        if loaded["gutter"] != loaded["source"].count("\n") + 1:
            raise Failed(f"the gutter has {loaded['gutter']} numbers for {loaded['source'].count(chr(10)) + 1} lines")
        checks["loads_with_example"] = True

        # (b) The example's three pages appear.
        browser.wait_for(pages_shown(3), "3 page images and the status '3 pages'", 25)
        summary["pages"].append(3)
        checks["preview_3_pages"] = True

        # (c) Typing a long new section at the end grows the paper to 4 pages.
        select_and_type(browser, "v.length", "v.length", NEW_SECTION)
        if not browser.evaluate("document.getElementById('source').value.endsWith(%s)" % json.dumps(NEW_SECTION)):
            raise Failed("the typed section did not reach the editor")
        browser.wait_for(pages_shown(4), "4 page images after typing a new section", 25)
        summary["pages"].append(4)
        checks["edit_updates_to_4_pages"] = True

        # (d) Type over the subject line with a broken value: the error box sits by the line the
        # service names, that gutter number is marked, the 4 old pages stay (dimmed).
        good = browser.evaluate("document.getElementById('source').value")
        subject_line = next(l for l in good.split("\n") if l.startswith("subject:"))
        broken = good.replace(subject_line, "subject: [", 1)
        expected_line = problem_line(base, broken)
        if not expected_line:
            raise Failed("the service named no line for the broken front matter")
        start = "v.indexOf('\\nsubject:') + 1"
        select_and_type(browser, start, f"v.indexOf('\\n', {start})", "subject: [")
        state = browser.wait_for(f"(() => {{ const s = {STATE}; return {{ ...s, ok: s.error !== null }}; }})()",
                                 "the error box", 20)
        if "YAML" not in state["error"]:
            raise Failed(f"the error does not mention YAML: {state['error']!r}")
        geometry = browser.evaluate(f"""(() => {{
          const t = document.getElementById('source'), cs = getComputedStyle(t), row = parseFloat(cs.lineHeight);
          const lineTop = t.getBoundingClientRect().top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop)
                          + ({expected_line} - 1) * row - t.scrollTop;
          const box = document.getElementById('error').getBoundingClientRect();
          const marked = [...document.querySelectorAll('#gutter-lines > div')].filter(d => d.classList.contains('error-line'));
          const gutterTop = marked.length ? marked[0].getBoundingClientRect().top : null;
          const rect = t.getBoundingClientRect();
          return {{ row, lineTop, boxTop: box.top, boxBottom: box.bottom, boxLeft: box.left, editorLeft: rect.left,
                   editorRight: rect.right, marked: marked.map(d => d.textContent), gutterTop,
                   invalid: t.getAttribute('aria-invalid') }}; }})()""")
        summary["error_line"] = expected_line
        near = 2 * geometry["row"]
        below = abs(geometry["boxTop"] - geometry["lineTop"]) <= near
        above = abs(geometry["boxBottom"] - geometry["lineTop"]) <= near
        if not (below or above):
            raise Failed(f"the error box is not beside line {expected_line}: {geometry}")
        if not (geometry["editorLeft"] <= geometry["boxLeft"] < geometry["editorRight"]):
            raise Failed(f"the error box is not over the editor: {geometry}")
        if geometry["marked"] != [str(expected_line)]:
            raise Failed(f"the gutter marks {geometry['marked']}, not line {expected_line}")
        if abs(geometry["gutterTop"] - geometry["lineTop"]) > geometry["row"] / 2:
            raise Failed(f"the gutter number is not level with its line: {geometry}")
        if geometry["invalid"] != "true":
            raise Failed("the editor is not marked aria-invalid")
        if state["images"] != 4 or state["loaded"] != 4 or not state["stale"]:
            raise Failed(f"the last good preview is not kept: {state}")
        browser.wait_for(f"(() => {{ const s = {STATE}; return {{ ...s, ok: parseFloat(s.pagesOpacity) < 1 }}; }})()",
                         "the kept pages to dim", 3)
        if "YAML" not in state["status"]:
            raise Failed(f"the status does not tell the error: {state['status']!r}")
        if shot:
            browser.screenshot(re.sub(r"(\.png)?$", "-error.png", shot, count=1))
        checks["error_beside_line"] = True

        # (e) Mending the line clears the error and brings the preview back.
        select_and_type(browser, start, f"v.indexOf('\\n', {start})", subject_line)
        browser.wait_for(pages_shown(4), "the error to clear and 4 pages to show again", 20)
        if browser.evaluate("document.getElementById('pages').classList.contains('stale')"):
            raise Failed("the preview is still dimmed after the fix")
        checks["fix_clears_error"] = True

        # (f) Clicking "Download PDF" (a real mouse click) saves paper.pdf.
        box = browser.evaluate("(() => { const r = document.getElementById('download').getBoundingClientRect();"
                               " return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()")
        for kind in ("mousePressed", "mouseReleased"):
            browser.page("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1})
        path = os.path.join(downloads, "paper.pdf")
        until = min(deadline, time.monotonic() + 20)
        while time.monotonic() < until:
            browser.evaluate("1")  # lets download events arrive
            done = [e for e in browser.events if e.get("method") == "Browser.downloadProgress"
                    and e["params"].get("state") in ("completed", "canceled")]
            if done:
                break
            time.sleep(0.1)
        names = [e["params"].get("suggestedFilename") for e in browser.events if e.get("method") == "Browser.downloadWillBegin"]
        if names != ["paper.pdf"]:
            raise Failed(f"the download was named {names}, not ['paper.pdf']")
        # Downloads land under their GUID until complete, then take the suggested name.
        files = [f for f in os.listdir(downloads) if not f.endswith(".crdownload")]
        if not os.path.exists(path):
            path = os.path.join(downloads, files[0]) if len(files) == 1 else None
        if not path:
            raise Failed(f"no downloaded file in {downloads}: {os.listdir(downloads)}")
        with open(path, "rb") as file:
            head = file.read(5)
        if head != b"%PDF-":
            raise Failed(f"the download is not a PDF: starts {head!r}")
        summary["pdf_bytes"] = os.path.getsize(path)
        checks["download_pdf"] = True

        if shot:
            browser.wait_for(pages_shown(4), "the final state")
            browser.screenshot(shot)
            summary["screenshot"] = shot
        summary["ok"] = True
    except Failed as failure:
        summary["failed"] = str(failure)
    except Exception as error:  # a broken connection, a chromium crash: still a plain failure line
        summary["failed"] = f"{type(error).__name__}: {error}"
    finally:
        if browser:
            browser.close()
        shutil.rmtree(downloads, ignore_errors=True)
    summary["seconds"] = round(time.monotonic() - started, 2)
    if not summary["ok"]:
        print(f"FAILED: {summary['failed']}")
        print(f"passed before it: {', '.join(checks) or 'none'}")
    print(json.dumps(summary))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
