"""An independent reader for the self-test: Python's email package finds the planted terms.

It decodes a message the way a careful mail reader would (encoded-words, transfer encodings,
charsets, visible HTML text) and reports, per planted term, the query fields in which it occurs.
"""

import email
import email.policy
import re
from html.parser import HTMLParser

from .terms import TERMS

_HIDDEN_TAGS = {"script", "style", "head", "title"}
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "h1", "h2", "h3", "h4", "table", "body", "html"}


class _Visible(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data):
        if not self.hidden:
            self.out.append(data)


def visible_html_text(html):
    """The text a reader of ``html`` sees (no tags, comments, scripts, styles or attributes)."""
    v = _Visible()
    v.feed(html)
    v.close()
    return "".join(v.out)


def _pattern(term):
    words = [re.escape(w.casefold()) for w in term.words]
    core = r"\s+".join(words)
    if term.spaced:
        return re.compile(r"(?<!\w)" + core + r"(?!\w)")
    return re.compile(core)


PATTERNS = {t.text: _pattern(t) for t in TERMS}


def fields_of(data):
    """Decoded text per query field: subject, body, from, to, cc, filename (casefolded)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    out = {"subject": str(msg.get("subject", "") or ""), "body": [], "filename": [], "from": [], "to": [],
           "cc": []}
    for name in ("from", "to", "cc"):
        header = msg.get(name)
        if header is not None:
            out[name] = [a.display_name for a in getattr(header, "addresses", ())]
    for part in msg.walk():
        if part.is_multipart():
            continue
        fn = part.get_filename()
        if fn:
            out["filename"].append(fn)
        if part.get_content_maintype() == "text":
            text = part.get_content()
            if part.get_content_subtype() == "html":
                text = visible_html_text(text)
            out["body"].append(text)
    return {k: (" \n ".join(v) if isinstance(v, list) else v).casefold() for k, v in out.items()}


def terms_found(data):
    """{term: set of fields} for every planted term the independent reader finds in ``data``."""
    fields = fields_of(data)
    found = {}
    for term, pat in PATTERNS.items():
        hits = {f for f, text in fields.items() if pat.search(text)}
        if hits:
            found[term] = hits
    return found
