"""HTML bodies built from the same paragraphs as the plain text, with markup a reader never sees."""

from html.entities import codepoint2name

from .vocab import SPACED


class Planted(str):
    """A token that is a planted term; ``term`` is the Term's text (a phrase token holds a space)."""

    term = ""

    def __new__(cls, text, term):
        obj = super().__new__(cls, text)
        obj.term = term
        return obj


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _entities(text):
    out = []
    for ch in text:
        cp = ord(ch)
        if cp < 128:
            out.append(ch)
        elif cp in codepoint2name:
            out.append(f"&{codepoint2name[cp]};")
        else:
            out.append(f"&#{cp};")
    return "".join(out)


DECOY_FORMS = ("comment", "style", "script", "attribute", "href")


def render_html(rng, paragraphs, lang, decoy_word=None, images=()):
    """An HTML document of ``paragraphs`` (token lists) and notes on how planted tokens were written.

    Returns ``(html, forms)``: ``forms`` maps a planted term to the set of ways it was written
    (``plain``, ``entities``, ``split-by-tag``). ``decoy_word`` is put only in invisible markup.
    """
    sep = " " if lang in SPACED else ""
    forms = {}
    decoys = set(rng.sample(DECOY_FORMS, rng.randint(1, 2))) if decoy_word else set()
    head = ['<html><head><meta http-equiv="Content-Type" content="text/html">',
            "<style>p { margin: 0 0 1em 0; } .sig { color: #777; }</style>"]
    if "style" in decoys:
        head.append(f"<style>.{decoy_word} {{ display: none; }}</style>")
    if "script" in decoys:
        head.append(f"<script>var {decoy_word} = 1;</script>")
    head.append("</head><body>")
    body = []
    if "comment" in decoys:
        body.append(f"<!-- {decoy_word} -->")
    for i, tokens in enumerate(paragraphs):
        parts = []
        for tok in tokens:
            if isinstance(tok, Planted):
                how = "plain"
                text = _escape(str(tok))
                if " " in tok and rng.random() < 0.3:
                    first, rest = str(tok).split(" ", 1)
                    text = f"{_escape(first)} <b>{_escape(rest)}</b>"
                    how = "split-by-tag"
                elif any(ord(c) > 127 for c in tok) and lang in SPACED and rng.random() < 0.35:
                    text = _entities(str(tok))
                    how = "entities"
                forms.setdefault(tok.term, set()).add(how)
                parts.append(text)
            else:
                r = rng.random()
                text = _escape(tok)
                if r < 0.03:
                    text = f"<b>{text}</b>"
                elif r < 0.05:
                    text = f"<i>{text}</i>"
                elif r < 0.06:
                    text = f'<a href="https://www.example.com/p/{len(tok)}">{text}</a>'
                parts.append(text)
        attr = f' class="{decoy_word}"' if "attribute" in decoys and i == 0 else ""
        body.append(f"<p{attr}>{sep.join(parts)}</p>")
    if "href" in decoys:
        body.append(f'<p><a href="https://www.example.com/?ref={decoy_word}">&nbsp;</a></p>')
    for cid in images:
        body.append(f'<p><img src="cid:{cid}" width="64" height="64"></p>')
    body.append("</body></html>")
    return "\n".join(head + body) + "\n", forms
