"""Renders a Plan into message bytes and its ground-truth record."""

import random

from . import attachments, body, charsets, dates, headers, mime
from .choice import weighted
from .headerset import header_block
from .htmltext import render_html
from .people import OWNER
from .terms import BY_TEXT, PERSONA_TERM
from .truth import message_truth

STRUCTURES = (("plain", 45), ("alternative", 24), ("html", 7), ("mixed", 18), ("related", 4),
              ("forward", 2))
DEFAULT_MAX_ATTACHMENT = 8 * 1024 * 1024


class MessageBuilder:
    """Turns plans into bytes; one builder serves a whole corpus."""

    def __init__(self, vocab, max_attachment_bytes=DEFAULT_MAX_ATTACHMENT):
        self.vocab = vocab
        self.max_attachment = max(16, int(max_attachment_bytes))

    # -- structure -----------------------------------------------------------------------------

    def _structure(self, rng, plan, places):
        """(structure, body kind): plain|alternative|html|mixed|related|forward, plain|alternative|html."""
        need_html_only = "html-only" in places
        need_attach = "text-attachment" in places or "attachment-name" in places
        bad = set(plan.malformed)
        s = weighted(rng, STRUCTURES)
        if need_html_only and s in ("plain", "alternative", "forward"):
            s = "html"
        if plan.decoy and s in ("plain", "forward"):
            s = "alternative"
        if "broken-boundary" in bad and s in ("plain", "html"):
            s = "mixed"
        if "bad-base64" in bad or need_attach:
            s = "mixed"
        if s == "mixed":
            kind = weighted(rng, (("plain", 60), ("alternative", 35), ("html", 5)))
        else:
            kind = {"plain": "plain", "forward": "plain", "html": "html"}.get(s, "alternative")
        if need_html_only:
            kind = "html"
        elif plan.decoy and kind == "plain":
            kind = "alternative"
        return s, kind

    # -- parts ---------------------------------------------------------------------------------

    def _text_leaf(self, rng, text, subtype, lang, scripts, allow_base64=True):
        """A text/* leaf for ``text``; returns (leaf, charset, transfer encoding)."""
        charset = charsets.choose_charset(rng, text, lang, scripts)
        data = text.encode(charset)
        cte = charsets.choose_transfer_encoding(rng, data, charset, allow_base64)
        if cte == "7bit" and not data.isascii():
            cte = "8bit"
        label = charset if rng.random() < 0.7 else charset.upper()
        hdrs = [f"Content-Type: text/{subtype}; charset={label}"]
        if cte != "7bit" or rng.random() < 0.7:
            hdrs.append(f"Content-Transfer-Encoding: {cte}")
        return mime.Leaf(hdrs, mime.encode_body(data, cte)), charset.lower(), cte

    def _inline_image(self, rng, cid):
        data = attachments.binary_payload(rng, "image/png", rng.randint(60, 3000))
        return mime.Leaf(["Content-Type: image/png", "Content-Transfer-Encoding: base64",
                          f"Content-ID: <{cid}>", "Content-Disposition: inline"],
                         mime.encode_body(data, "base64"))

    def _related(self, rng, plan, html_leaf, images):
        nodes = [html_leaf] + [self._inline_image(rng, cid) for cid in images]
        return mime.Multi(['Content-Type: multipart/related; boundary="{B}"; type="text/html"'],
                          headers.boundary(rng, plan.profile), nodes)

    # -- the message ---------------------------------------------------------------------------

    def build(self, plan):
        """``(bytes, truth)`` of one planned message."""
        rng = random.Random(f"cairn-message:{plan.seed}:{plan.index}")
        lang = plan.lang
        plants = list(plan.plants)
        places = {p for _, p in plants}
        structure, body_kind = self._structure(rng, plan, places)
        swap = {"body": "html-only"} if body_kind == "html" else {"html-only": "body"}
        plants = [(t, swap.get(p, p)) for t, p in plants]
        body_terms = [t for t, p in plants if p in ("body", "html-only")]

        # Body paragraphs with the planted tokens.
        group = plan.mailing_list is not None or len(plan.to) > 2
        greeting, paragraphs, signature = body.compose(rng, self.vocab, lang, plan.to[0], group, plan.sender)
        tokens = [body.planted_token(rng, t, lang) for t in body_terms]
        for t in body_terms:
            if t.text == "quorvel" and rng.random() < 0.3:   # both words, apart and reversed
                tokens.append(body.planted_token(rng, BY_TEXT["zintaro"], lang))
        body.insert_tokens(rng, paragraphs, tokens)
        body_term_texts = [tok.term for tok in tokens]
        scripts = {BY_TEXT[t].script for t in body_term_texts}
        quote = None
        if plan.parent_mid and rng.random() < 0.7:
            who = None if plan.parent_missing or not plan.thread.participants else plan.thread.participants[0]
            quote = body.quote_block(rng, self.vocab, lang, who,
                                     dates.format_date(plan.epoch - 3600, 0, "rfc5322")[0])
        from_lines = []
        if body_kind != "html" and rng.random() < 0.03:
            from_lines = rng.sample(body.FROM_LINES, rng.randint(1, 2))
            if rng.random() < 0.3:
                from_lines.append(">From the minutes: nothing to add.")
        plain = body.plain_text(greeting, paragraphs, lang, signature, quote, from_lines)

        images = []
        if structure == "related":
            images = [f"img{rng.randrange(10 ** 8):08d}@{plan.sender.address.split('@')[1]}"]
        forms = {}
        html_text = None
        if body_kind != "plain":
            html_text, forms = render_html(rng, [[greeting]] + paragraphs + [[body.first_name(plan.sender)]],
                                           lang, "glimmerfax" if plan.decoy else None, images)

        # The body node and its text leaves: (path inside the body node, kind, charset, cte).
        if body_kind == "plain":
            body_node, cs, cte = self._text_leaf(rng, plain, "plain", lang, scripts, not from_lines)
            leaves = [("", "plain", cs, cte)]
        elif body_kind == "html":
            body_node, cs, cte = self._text_leaf(rng, html_text, "html", lang, scripts)
            leaves = [("", "html", cs, cte)]
            if images:
                body_node = self._related(rng, plan, body_node, images)
                leaves = [("1", "html", cs, cte)]
        else:
            p_leaf, p_cs, p_cte = self._text_leaf(rng, plain, "plain", lang, scripts, not from_lines)
            h_leaf, h_cs, h_cte = self._text_leaf(rng, html_text, "html", lang, scripts)
            html_node, html_path = h_leaf, "2"
            if images:
                html_node, html_path = self._related(rng, plan, h_leaf, images), "2.1"
            body_node = mime.Multi(['Content-Type: multipart/alternative; boundary="{B}"'],
                                   headers.boundary(rng, plan.profile), [p_leaf, html_node])
            leaves = [("1", "plain", p_cs, p_cte), (html_path, "html", h_cs, h_cte)]

        occ = []
        attach_truth = []
        if structure in ("mixed", "forward"):
            att_nodes, attach_truth = self._attachments(rng, plan, plants, occ, structure)
            top = mime.Multi(['Content-Type: multipart/mixed; boundary="{B}"'],
                             headers.boundary(rng, plan.profile), [body_node] + att_nodes)
            prefix = "1"
        else:
            top, prefix = body_node, ""

        parts_truth = []
        for sub, kind, cs, cte in leaves:
            path = ".".join(x for x in (prefix, sub) if x) or "1"
            parts_truth.append({"part": path, "type": f"text/{kind}", "charset": cs, "encoding": cte})
            where = "html-only" if body_kind == "html" else "body"
            for term in body_term_texts:
                o = {"term": term, "where": where, "part": path, "charset": cs, "encoding": cte, "visible": True}
                if kind == "html":
                    o["html_forms"] = sorted(forms.get(term, ()))
                occ.append(o)
            if kind == "html" and plan.decoy:
                occ.append({"term": "glimmerfax", "where": "html-hidden", "part": path, "charset": cs,
                            "encoding": cte, "visible": False})
        for a in attach_truth:
            if a["content_type"].startswith("text/"):
                parts_truth.append({"part": a["part"], "type": a["content_type"], "charset": a["charset"],
                                    "encoding": a["encoding"]})

        head_lines, head = self._headers(rng, plan, occ)
        top.headers = head_lines + top.headers
        _fill_boundaries(top)
        notes = self._malform(rng, plan, top)
        data = mime.to_bytes(top)
        if "truncated" in plan.malformed:
            data = data[: int(len(data) * rng.uniform(0.6, 0.9))].rstrip(b"\n")
            notes["truncated"] = True
        if plan.crlf:
            data = data.replace(b"\n", b"\r\n")
        truth = message_truth(plan, data, head, parts_truth, attach_truth, occ, structure, body_kind,
                              notes, len(from_lines))
        return data, truth

    # -- headers -------------------------------------------------------------------------------

    def _headers(self, rng, plan, occ):
        return header_block(rng, plan, occ)

    # -- attachments ---------------------------------------------------------------------------

    def _filename_params(self, rng, name):
        """Content-Disposition and Content-Type name parameters for ``name`` and the form used."""
        if name.isascii() and len(name) < 60:
            q = mime.quote_string(name)
            return [f"filename={q}"], [f"name={q}"], "plain"
        if name.isascii():
            return mime.rfc2231_params("filename", name, "us-ascii"), [f'name="{name}"'], "rfc2231"
        if rng.random() < 0.6:
            return mime.rfc2231_params("filename", name), mime.rfc2231_params("name", name), "rfc2231"
        ew = " ".join(mime.encoded_words(name, "utf-8", "B"))
        return [f'filename="{ew}"'], [f'name="{ew}"'], "encoded-word"

    def _attachments(self, rng, plan, plants, occ, structure):
        text_terms = [t for t, p in plants if p == "text-attachment"]
        name_terms = [t for t, p in plants if p == "attachment-name"]
        n = rng.choice((1, 1, 1, 2, 2, 3))
        specs = [("text", text_terms, None)] if text_terms else []
        specs += [("text" if rng.random() < 0.3 else "binary", [], t) for t in name_terms]
        while len(specs) < n:
            specs.append(("text" if rng.random() < 0.3 else "binary", [], None))
        if "bad-base64" in plan.malformed:
            specs.append(("binary", [], None))
        if structure == "forward":
            specs = [("message", [], None)] + specs[: n - 1]
        nodes, truth = [], []
        for k, (kind, terms, name_term) in enumerate(specs):
            path = str(k + 2)
            if kind == "message":
                node, size = self._forwarded(rng, plan)
                nodes.append(node)
                truth.append({"part": path, "filename": None, "content_type": "message/rfc822", "size": size,
                              "encoding": "7bit"})
                continue
            table = attachments.TEXT_KINDS if kind == "text" else attachments.BINARY_KINDS
            ctype, ext = attachments.pick_kind(rng, table)
            name = attachments.file_name(rng, self.vocab, ext, name_term.text if name_term else None)
            disp_params, type_params, name_form = self._filename_params(rng, name)
            charset = None
            if kind == "text":
                data, charset = self._text_attachment(rng, plan, terms)
                cte = weighted(rng, (("base64", 40), ("quoted-printable", 30), ("plain", 30)))
                if cte == "plain":
                    cte = "7bit" if data.isascii() else "8bit"
                type_value = f"{ctype}; charset={charset}"
                for t in terms:
                    occ.append({"term": t.text, "where": "text-attachment", "part": path, "charset": charset,
                                "encoding": cte, "visible": True})
            else:
                data = attachments.binary_payload(rng, ctype, attachments.attachment_size(rng, self.max_attachment))
                cte, type_value = "base64", ctype
            type_atoms = [type_value + (";" if rng.random() < 0.6 else "")]
            if type_atoms[0].endswith(";"):
                type_atoms += [p + ";" for p in type_params[:-1]] + type_params[-1:]
            disp_atoms = ["attachment;"] + [p + ";" for p in disp_params[:-1]] + disp_params[-1:]
            hdrs = [mime.fold("Content-Type", type_atoms), f"Content-Transfer-Encoding: {cte}",
                    mime.fold("Content-Disposition", disp_atoms)]
            nodes.append(mime.Leaf(hdrs, mime.encode_body(data, cte)))
            if name_term:
                occ.append({"term": name_term.text, "where": "attachment-name", "part": path, "charset": None,
                            "encoding": name_form, "visible": True})
            truth.append({"part": path, "filename": name, "content_type": ctype, "size": len(data),
                          "encoding": cte, "charset": charset, "filename_form": name_form})
        return nodes, truth

    def _text_attachment(self, rng, plan, terms):
        lang = plan.lang if rng.random() < 0.7 else "en"
        paras = [self.vocab.paragraph(rng, lang) for _ in range(rng.randint(1, 6))]
        body.insert_tokens(rng, paras, [body.planted_token(rng, t, lang) for t in terms])
        target = attachments.attachment_size(rng, min(self.max_attachment, 64 * 1024))
        chunks = ["\n".join(body.wrap_tokens(p, lang)) for p in paras]
        size = sum(len(c) for c in chunks)
        while size < target:
            c = "\n".join(body.wrap_tokens(self.vocab.paragraph(rng, lang), lang))
            chunks.append(c)
            size += len(c)
        text = "\n\n".join(chunks) + "\n"
        charset = charsets.choose_charset(rng, text, lang, {t.script for t in terms})
        return text.encode(charset), charset

    def _forwarded(self, rng, plan):
        lang = plan.lang
        sender = rng.choice([p for p in plan.thread.participants if PERSONA_TERM not in p.name.casefold()]
                            or [OWNER])
        greeting, paras, sig = body.compose(rng, self.vocab, lang, OWNER, False, sender)
        leaf, _, _ = self._text_leaf(rng, body.plain_text(greeting, paras, lang, sig), "plain", lang, ())
        subj = " ".join(self.vocab.subject_tokens(rng, "en"))
        date = dates.format_date(plan.epoch - 86400 * 3, 0, "rfc5322")[0]
        inner_mid = headers.message_id(rng, "mutt", "forwarded.example", plan.epoch)
        inner = mime.Leaf([f"From: <{sender.address}>", "To: robin@home.example", f"Subject: {subj}",
                           f"Date: {date}", f"Message-ID: {inner_mid}", "MIME-Version: 1.0"] + leaf.headers,
                          leaf.body)
        data = mime.to_bytes(inner)
        return mime.Leaf(["Content-Type: message/rfc822", "Content-Disposition: inline"], data), len(data)

    # -- malformations -------------------------------------------------------------------------

    def _malform(self, rng, plan, top):
        notes = {}
        bad = set(plan.malformed)
        if "broken-boundary" in bad and isinstance(top, mime.Multi):
            if rng.random() < 0.5:
                top.close = False
                notes["broken-boundary"] = "closing boundary missing"
            else:
                wrong = top.boundary + "X"
                top.headers = [h.replace(f'boundary="{top.boundary}"', f'boundary="{wrong}"')
                               if isinstance(h, str) else h for h in top.headers]
                notes["broken-boundary"] = "declared boundary differs from the one used"
        if "bad-base64" in bad:
            leaf = _find_base64_leaf(top)
            if leaf is not None:
                lines = leaf.body.split(b"\n")
                mid = len(lines) // 2
                lines[mid] = lines[mid][:10] + b"!!*%" + lines[mid][10:]
                lines.insert(mid, b"====")
                leaf.body = b"\n".join(lines[:-2]) + b"\n" + lines[-2][:-3] + b"\n"
                notes["bad-base64"] = "invalid characters, stray padding and a cut last line"
        return notes


def _fill_boundaries(node):
    if isinstance(node, mime.Multi):
        node.headers = [h.replace("{B}", node.boundary) if isinstance(h, str) else h for h in node.headers]
        for p in node.parts:
            _fill_boundaries(p)


def _find_base64_leaf(node):
    if isinstance(node, mime.Leaf):
        return node if any(isinstance(h, str) and h.endswith("base64") for h in node.headers) else None
    for p in reversed(node.parts):
        found = _find_base64_leaf(p)
        if found is not None:
            return found
    return None
