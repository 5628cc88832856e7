"""An XSS corpus and a checker that reads rendered HTML the way a browser would.

Every payload is stored through the ORM by the apps' ``test_xss.py`` files, on SQLite and on
PostgreSQL, so none holds a raw NUL (PostgreSQL refuses it in text; the forms refuse it too, see
``test_forms_property.py``): the NUL vectors are written as character references.
"""

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
    # SVG animation rewriting a link after the sanitiser looked, or running on begin
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text x="20" y="20">x</text></a></svg>',
    '<svg><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    # character references and HTML5 named references inside URLs
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    '<a href="java&NewLine;script:alert(1)">x</a>',
    '<a href="&#14;javascript:alert(1)">x</a>',
    "[x](&#106;avascript:alert(1))",
    "[x](javascript://%0aalert(1))",
    # srcset, imports, image inputs and form-overriding buttons
    '<img srcset="javascript:alert(1) 1x, x 2x" onerror=alert(1)>',
    '<link rel=import href="data:text/html,<script>alert(1)</script>">',
    "<input type=image src=javascript:alert(1)>",
    "<button formaction=javascript:alert(1)>go</button>",
    # templates and DOM clobbering of what the page's own scripts read
    "<template><script>alert(1)</script></template>",
    '<form name="getElementById"><input name="x"></form>',
    '<img name="cookie" src="x"><a id="defaultView" name="body">x</a>',
    # CSS
    '<div style="width:expression(alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    # escapes a JavaScript engine decodes
    r'<img src=x onerror="\u0061\u006c\u0065\u0072\u0074(1)">',
    r'<a href="javascript:\u0061lert(1)">x</a>',
    # Markdown: reference links, autolinks, angle-bracket destinations, title breakout
    "[x][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[x](<javascript:alert(1)>)",
    '[x](http://example.org "a\\" onmouseover=\\"alert(1)")',
    # data: URLs
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "[x](data:text/html,%3Cscript%3Ealert(1)%3C/script%3E)",
    # mutation XSS: markup that parses differently once serialised and parsed again
    '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
    '<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">',
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<noscript><style></noscript><img src=x onerror=alert(1)>",
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>">',
    "<!--><script>alert(1)</script>-->",
    "<!-- --!><img src=x onerror=alert(1)>-->",
    "<![CDATA[><script>alert(1)</script>]]>",
    # NUL (as references) and the JavaScript line separators
    "&#0;<script>alert(1)</script>",
    '<a href="java&#0;script:alert(1)">x</a>',
    "\u2028</script><script>alert(1)</script>\u2029",
    # over-long: the dangerous part far beyond any preview's cut
    "a" * 5000 + "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>" * 300,
]

# Payloads that run nothing even unsanitised in a current browser: they only fool a sanitiser or
# a Markdown renderer that gets escaping wrong (or an old browser), so the checker cannot see them
# as live in raw form. Every other payload must be caught raw or as plain rendered Markdown.
INERT_UNLESS_MISPARSED = {
    '![x](x" onerror="alert(1))',
    "<javascript:alert(1)>",
    '[x](http://example.org "a\\" onmouseover=\\"alert(1)")',
    '<a href="java&#0;script:alert(1)">x</a>',
}

DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc", "content"}
FORBIDDEN_TAGS = {
    "iframe", "object", "embed", "base", "svg", "math", "marquee", "isindex", "style",
}  # fmt: skip
# Browsers with scripting on read these as raw text up to their end tag.
RAW_TEXT_TAGS = {"noscript", "xmp", "noembed", "noframes", "iframe"}
# An id, or the name of one of NAMED_TAGS, with one of these values shadows what scripts read
# from ``document`` or ``window`` (DOM clobbering). Form fields' names only reach their form.
CLOBBERED_NAMES = {
    "getelementbyid", "getelementsbytagname", "getelementsbyclassname", "queryselector",
    "queryselectorall", "createelement", "cookie", "body", "head", "documentelement",
    "defaultview", "location", "domain", "forms", "images", "links", "scripts", "currentscript",
    "write", "implementation", "readystate", "activeelement", "htmx",
}  # fmt: skip
NAMED_TAGS = {"a", "embed", "form", "iframe", "img", "object"}
_COMMENT_END = re.compile(r"--!?>")


def _is_dangerous_url(value: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(value)).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES)


class _Checker(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    # Comments and CDATA end where an HTML5 browser ends them (``<!-->``, ``--!>``), not where
    # Python's older parser does, so nothing hides inside a "comment" a browser has closed.
    def parse_comment(self, i, report=1):
        rawdata = self.rawdata
        start = i + 4
        if rawdata.startswith(">", start):
            return start + 1
        if rawdata.startswith("->", start):
            return start + 2
        match = _COMMENT_END.search(rawdata, start)
        if not match:
            return -1
        if report:
            self.handle_comment(rawdata[start : match.start()])
        return match.end()

    def parse_html_declaration(self, i):
        if self.rawdata.startswith("<![", i):  # outside SVG/MathML: a bogus comment up to ">"
            end = self.rawdata.find(">", i + 3)
            return -1 if end < 0 else end + 1
        return super().parse_html_declaration(i)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        if tag in RAW_TEXT_TAGS:
            self.set_cdata_mode(tag)

    def _check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        attributes = dict(attrs)
        if tag == "script" and attributes.get("type") != "application/ld+json":
            source = (attributes.get("src") or "").strip()
            if not source:
                self.problems.append("inline <script>")
            elif not source.startswith("/") or source.startswith(("//", "/\\")):
                self.problems.append(f"script from {source!r}")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("meta refresh")
        if tag == "link" and "import" in (attributes.get("rel") or "").lower().split():
            self.problems.append("link rel=import")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name}")
            if name == "style":
                self.problems.append("style attribute")
            if not value:
                continue
            if name in URL_ATTRIBUTES and _is_dangerous_url(value):
                self.problems.append(f"{name}={value!r}")
            if name == "srcset" and any(
                _is_dangerous_url(candidate) for candidate in value.split(",")
            ):
                self.problems.append(f"srcset={value!r}")
            clobbers = name == "id" or (name == "name" and tag in NAMED_TAGS)
            if clobbers and value.strip().lower() in CLOBBERED_NAMES:
                self.problems.append(f"{name}={value!r} clobbers document")


def dangerous_markup(page: str) -> list[str]:
    """What in ``page`` would run script: tags, handlers or javascript: links."""
    checker = _Checker()
    checker.feed(page)
    return checker.problems
