"""The top-level header block of a message, its malformations, and what a correct reader gets from it."""

from . import dates, headers, mime
from .charsets import can_encode
from .terms import BY_TEXT, PERSONA_TERM
from .vocab import SPACED

_STANDARD_ORDER = ("Date", "From", "To", "Cc", "Subject", "Message-ID", "In-Reply-To", "References")
_OUTLOOK_ORDER = ("From", "To", "Cc", "Subject", "Date", "Message-ID", "References", "In-Reply-To")
_RAW_SUBJECT_TAIL = " - Grüße aus Köln"


def _name_occurrences(records, where, occ):
    for rec in records:
        if PERSONA_TERM in rec["name"].casefold():
            occ.append({"term": PERSONA_TERM, "where": where, "part": None, "charset": None,
                        "encoding": rec.get("form", "atoms"), "visible": True})


def _received(rng, plan):
    host = plan.sender.address.split("@", 1)[1]
    ip = f"192.0.2.{rng.randint(1, 254)}"
    sid = "".join(rng.choices("0123456789ABCDEF", k=10))
    when = dates.format_date(plan.delivered, 60, "rfc5322")[0]
    return (f"Received: from mx.{host} (mx.{host} [{ip}])\n\tby mx.home.example (Postfix) with ESMTPS id {sid}"
            f"\n\tfor <robin@home.example>; {when}")


def header_block(rng, plan, occ):
    """Header lines (str, or bytes for raw 8-bit ones) and the decoded values a reader should see."""
    bad = set(plan.malformed)
    head = {}
    fields = {}
    persona_in = any(PERSONA_TERM in getattr(p, "name", "").casefold()
                     for p in [plan.sender] + plan.to + plan.cc)
    line, recs = headers.address_list_header(rng, "From", [plan.sender], allow_comment=not persona_in)
    fields["From"], head["from"] = line, recs
    _name_occurrences(recs, "from-name", occ)
    line, recs = headers.address_list_header(rng, "To", plan.to, allow_comment=not persona_in)
    fields["To"], head["to"] = line, recs
    _name_occurrences(recs, "to-name", occ)
    head["cc"] = []
    if plan.cc:
        line, recs = headers.address_list_header(rng, "Cc", plan.cc, allow_comment=not persona_in)
        fields["Cc"], head["cc"] = line, recs
        _name_occurrences(recs, "cc-name", occ)

    # Subject, with the planted subject terms (already in plan.subject).
    subject = plan.subject
    if "8bit-header" in bad:
        subject += _RAW_SUBJECT_TAIL
        charset = "utf-8" if rng.random() < 0.6 or not can_encode(subject, "iso-8859-1") else "iso-8859-1"
        fields["Subject"] = b"Subject: " + subject.encode(charset)
        head["subject_raw_charset"] = charset
        sender = plan.sender
        if sender.name and not sender.name.isascii():
            fields["From"] = b"From: " + sender.name.encode("utf-8") + f" <{sender.address}>".encode("ascii")
            head["from_raw_charset"] = "utf-8"
    else:
        scripts = [BY_TEXT[t].script for t in plan.subject_terms]
        line, notes = headers.subject_header(rng, subject, plan.lang, scripts)
        fields["Subject"] = line
        for t in plan.subject_terms:
            whole = any(t.casefold() in c.casefold() for c in notes["chunks"])
            o = {"term": t, "where": "subject", "part": None, "charset": None,
                 "encoding": notes["encoding"], "visible": True}
            if not whole:
                o["split_across_encoded_words"] = True
            occ.append(o)
        head["subject_encoding"] = notes["encoding"]
    head["subject"] = subject

    date_value, _ = dates.format_date(plan.epoch, plan.sender.utc_offset_minutes, plan.date_style)
    head["date"] = dates.utc_iso(plan.epoch)
    if "garbage-date" in bad:
        date_value = rng.choice(dates.GARBAGE_DATES)
        head["date"] = None
    fields["Date"] = f"Date: {date_value}" if date_value else "Date:"
    head["date_header"] = date_value

    head["message_id"] = plan.message_id
    fields["Message-ID"] = f"{'Message-Id' if plan.profile == 'mutt' else 'Message-ID'}: {plan.message_id}"
    if plan.link in ("both", "in-reply-to"):
        fields["In-Reply-To"] = f"In-Reply-To: {plan.parent_mid}"
    if plan.link in ("both", "references"):
        fields["References"] = mime.fold("References", plan.references)

    if "missing-headers" in bad:
        gone = plan.extra["missing"]
        for h in gone:
            fields.pop(h, None)
        head["missing"] = gone
        if "Date" in gone:
            head["date"] = None
            head["date_header"] = None
        if "Message-ID" in gone:
            head["message_id"] = None
        if "From" in gone:
            head["from"] = []
            occ[:] = [o for o in occ if o["where"] != "from-name"]

    lines = []
    if plan.kind not in ("sent", "draft") and rng.random() < 0.8:
        lines.append(f"Return-Path: <{plan.sender.address}>")
        lines.append(_received(rng, plan))
    order = _OUTLOOK_ORDER if plan.profile == "outlook" else _STANDARD_ORDER
    lines += [fields[h] for h in order if h in fields]
    if plan.mailing_list is not None:
        ml = plan.mailing_list
        lines += [f"List-Id: {ml.title} <{ml.list_id}>", f"List-Post: <mailto:{ml.address}>",
                  f"List-Unsubscribe: <mailto:{ml.address.replace('@', '-request@')}?subject=unsubscribe>",
                  "Precedence: list"]
        head["list_id"] = ml.list_id
    mailer = headers.mailer_header(plan.profile)
    if mailer:
        lines.append(mailer)
    if plan.lang not in SPACED and plan.profile == "outlook":
        lines.append("Content-Language: ja-JP" if plan.lang == "ja" else "Content-Language: zh-CN")
    lines.append("MIME-Version: 1.0")
    return lines, head
