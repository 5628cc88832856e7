"""An XSS corpus and a checker that reads rendered HTML the way a browser would."""

import html
import re
from html.parser import HTMLParser

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="x" onerror="alert(\'x\')">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href=" javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JAVASCRIPT:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    '![x](x" onerror="alert(1))',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><button>go</button></form>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<a href="vbscript:msgbox(1)">x</a>',
    "<isindex type=image src=1 onerror=alert(1)>",
    "<marquee onstart=alert(1)>x</marquee>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "content"}
FORBIDDEN_TAGS = {"iframe", "object", "embed", "base", "svg", "math", "marquee", "isindex"}


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        attributes = dict(attrs)
        if (
            tag == "script"
            and "src" not in attributes
            and attributes.get("type") != "application/ld+json"
        ):
            self.problems.append("inline <script>")
        if tag == "meta" and attributes.get("http-equiv", "").lower() == "refresh":
            self.problems.append("meta refresh")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name == "style":
                self.problems.append("style attribute")
            if name in URL_ATTRIBUTES and value:
                cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
                if cleaned.startswith(DANGEROUS_SCHEMES):
                    self.problems.append(f"{name}={value!r}")


def dangerous_markup(page: str) -> list[str]:
    """What in ``page`` would run script: tags, handlers or javascript: links."""
    checker = _Checker()
    checker.feed(page)
    return checker.problems
