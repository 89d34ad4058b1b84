"""The plan of each message: who, when, which thread, which folder and flags, what is planted where.

The planner walks the corpus in order with one seeded random stream and a bounded thread pool; the
builder then renders each plan with a random stream of its own (seeded by corpus seed and index).
"""

import random
from dataclasses import dataclass, field

from . import dates, headers
from .people import LISTS, OWNER, build_directory
from .terms import PERSONA_ADDRESS, TERMS
from .threads import Thread, ThreadPool, references_for
from .body import case_variant
from .choice import weighted
from .vocab import SPACED

START_EPOCH = 1420070400          # 2015-01-01T00:00:00Z
SPAN_SECONDS = 10 * 365 * 86400   # ten years
MALFORMED_RATE = 0.004
DUPLICATE_RATE = 0.01
CRLF_RATE = 0.01
DECOY_RATE = 0.006
MALFORMED_KINDS = ("broken-boundary", "bad-base64", "garbage-date", "missing-headers", "8bit-header",
                   "truncated")
# Where a term with the default places goes: (place, weight).
PLACE_WEIGHTS = (("subject", 15), ("body", 50), ("html-only", 15), ("text-attachment", 20))


@dataclass
class Plan:
    """Everything decided about one message before it is rendered."""

    index: int
    seed: int
    kind: str                      # inbox, sent, list, draft
    lang: str
    profile: str
    sender: object
    to: list
    cc: list
    mailing_list: object           # MailingList or None
    message_id: str                # '' when missing (malformed)
    thread: Thread
    parent_mid: str                # '' for a root
    references: list
    link: str                      # root, references, in-reply-to, both, subject-only
    parent_missing: bool
    subject: str
    subject_terms: list
    epoch: int
    date_style: str
    delivered: int
    folder: str
    flags: str
    in_new: bool
    plants: list                   # (Term, place)
    decoy: bool
    malformed: list
    crlf: bool
    duplicate_folder: str          # '' or a folder for a second, identical copy
    extra: dict = field(default_factory=dict)


class Planner:
    """Produces a Plan for message 0, 1, 2, ... of a corpus."""

    def __init__(self, vocab, seed, count, folders):
        self.vocab = vocab
        self.seed = seed
        self.count = count
        self.folders = folders
        self.rng = random.Random(f"cairn-corpus:{seed}")
        self.people = build_directory()
        self.others = [p for p in self.people if p.address != PERSONA_ADDRESS]
        self.pool = ThreadPool()
        self.bad_seen = 0
        n_bad = max(0, round(count * MALFORMED_RATE)) if count >= 50 else 0
        self.malformed = set(self.rng.sample(range(count), n_bad))
        eligible = [i for i in range(count) if i not in self.malformed]
        self.exact = {}
        for term in TERMS:
            if term.exact:
                for i in self.rng.sample(eligible, min(term.exact, len(eligible))):
                    self.exact.setdefault(i, []).append(term)
        self.list_folders = {i: lst.folder for i, lst in enumerate(LISTS) if lst.folder in folders}

    # -- choices -------------------------------------------------------------------------------

    def _place(self, term, is_root):
        places = term.places
        if places == ("from-name", "to-name", "cc-name"):
            return None
        if len(places) == 1:
            return places[0]
        return weighted(self.rng, [(p, w) for p, w in PLACE_WEIGHTS if p in places and (p != "subject" or is_root)])

    def _plants(self, i, is_root, bad):
        if bad:
            return []
        out = []
        for term in self.exact.get(i, []):
            place = self._place(term, is_root)
            if place == "subject":  # replies would repeat it: an exact count needs one message
                place = "body"
            out.append((term, place))
        for term in TERMS:
            if term.places == ("subject",) and not is_root:
                continue    # eligible: thread roots only
            if term.rate and self.rng.random() < term.rate:
                place = self._place(term, is_root)
                if place == "subject" and not is_root:
                    place = "body"
                out.append((term, place))
        return out

    def _folder_and_flags(self, kind, list_index, epoch):
        rng, folders = self.rng, self.folders
        if kind == "sent" and "Sent" in folders:
            return "Sent", "S", False
        if kind == "draft" and "Drafts" in folders:
            return "Drafts", "D" if rng.random() < 0.5 else "DS", False
        if list_index in self.list_folders:
            return self.list_folders[list_index], "S" if rng.random() < 0.7 else "", False
        r = rng.random()
        old = epoch < START_EPOCH + SPAN_SECONDS * 0.75
        if r < 0.02 and "Trash" in folders:
            return "Trash", "ST", False
        if r < 0.04 and "Junk" in folders:
            return "Junk", "S" if rng.random() < 0.5 else "", False
        if r < 0.35 and old and "Archive" in folders:
            year = 2015 + (epoch - START_EPOCH) // (365 * 86400)
            sub = f"Archive/{year}"
            return (sub if sub in folders and rng.random() < 0.6 else "Archive"), "S", False
        extra = [f for f in folders if f not in ("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive")
                 and not f.startswith("Lists/") and not f.startswith("Archive/")]
        if extra and r < 0.35 + 0.03 * len(extra):
            return rng.choice(extra), "S" if rng.random() < 0.95 else "FS", False
        recent = epoch > START_EPOCH + SPAN_SECONDS * 0.97
        if recent and rng.random() < 0.5:
            return "INBOX", "", True
        flags = "S" if rng.random() < 0.85 else ""
        if rng.random() < 0.04:
            flags = "F" + flags
        if rng.random() < 0.01:
            flags += "P"
        if rng.random() < 0.12:
            flags += "R"
        return "INBOX", "".join(sorted(flags)), False

    def _date(self, i, floor):
        base = START_EPOCH + int((i + self.rng.random()) * SPAN_SECONDS / max(1, self.count))
        epoch = max(base, floor + self.rng.randint(60, 3 * 86400)) if floor else base
        r = self.rng.uniform(0, dates.STYLE_CUM[-1])
        style = next(s for s, c in zip(dates.STYLE_NAMES, dates.STYLE_CUM) if r <= c)
        if style == "no-seconds":
            epoch -= epoch % 60
        return epoch, style

    # -- the plan ------------------------------------------------------------------------------

    def plan(self, i):
        """The plan of message ``i``."""
        rng = self.rng
        bad = i in self.malformed
        kinds = []
        if bad:  # each kind in turn, sometimes with a second one
            first = MALFORMED_KINDS[self.bad_seen % len(MALFORMED_KINDS)]
            self.bad_seen += 1
            kinds = [first] + [m for m in MALFORMED_KINDS if m != first and rng.random() < 0.15]
        r = rng.random()
        kind = "sent" if r < 0.12 else "draft" if r < 0.13 else "list" if r < 0.33 else "inbox"
        list_index = rng.randrange(len(LISTS)) if kind == "list" else -1
        profile = rng.choice(headers.PROFILES)
        thread, parent = None, None
        if kind != "draft" and rng.random() < 0.45:
            thread = self.pool.pick(rng, list_index if kind == "list" else None)
            if thread is not None and thread.list_index != list_index and kind == "list":
                thread = None
            if thread is not None and bad and thread.subject_terms:
                thread = None   # a malformed message must not repeat a planted subject
            if thread is not None:
                list_index = thread.list_index
                kind = "list" if list_index >= 0 and kind != "sent" else kind
                parent = ThreadPool.parent_of(rng, thread)
                if parent is None:
                    thread = None
        senders = self.others if bad else self.people
        sender = OWNER if kind in ("sent", "draft") else rng.choice(senders)
        if thread is not None and kind not in ("sent", "draft"):
            if rng.random() < 0.6 and thread.participants:
                cand = [p for p in thread.participants if p is not OWNER]
                if cand:
                    sender = rng.choice(cand)
            if bad and sender.address == PERSONA_ADDRESS:
                sender = rng.choice(self.others)
        lang = sender.lang if sender is not OWNER else (thread.subject_lang if thread else "en")
        if rng.random() < 0.1:
            lang = "en"
        epoch, style = self._date(i, thread.last_epoch if thread else 0)
        is_root = thread is None
        subject_tokens = None
        if is_root:
            orphan = rng.random() < 0.03
            number = self.pool.new_number()
            subject_tokens = self.vocab.subject_tokens(rng, lang)
            thread = Thread(number, "", not orphan, "", lang, [], list_index, [], epoch)
            self.pool.add(thread)
            if orphan:
                ghost = headers.message_id(rng, profile, "ghost.example", epoch - 86400)
                thread.root_mid = ghost
                thread.messages.append((ghost, [], rng.choice(self.others)))
                parent = thread.messages[0]
                is_root = False
        plants = self._plants(i, is_root, bad)
        if subject_tokens is not None:
            for term, place in plants:
                if place == "subject":
                    tok = case_variant(rng, term.text, term.script)
                    subject_tokens.insert(rng.randint(0, len(subject_tokens)), f" {tok} ")
                    thread.subject_terms.append(term.text)
            joined = (" " if lang in SPACED else "").join(subject_tokens)
            thread.subject = " ".join(joined.split())
        subject_terms = list(thread.subject_terms)
        mlist = LISTS[list_index] if list_index >= 0 else None
        to, cc = self._recipients(sender, thread, parent, mlist, kind)
        if bad:  # malformed messages carry no planted term, the persona's name included
            to = [p if p.address != PERSONA_ADDRESS else self.others[0] for p in to]
            cc = [p for p in cc if p.address != PERSONA_ADDRESS]
        domain = sender.address.split("@", 1)[1]
        mid = headers.message_id(rng, profile, domain, epoch)
        if is_root:
            thread.root_mid = mid
        link = "root"
        references = []
        if parent is not None:
            r = rng.random()
            link = "both" if r < 0.93 else "in-reply-to" if r < 0.95 else "references" if r < 0.97 \
                else "subject-only"
            if not thread.root_present and len(thread.messages) == 1:
                link = "both"
            references = references_for(parent)
        subject = thread.subject
        if parent is not None:
            prefix = rng.choice(("Re: ", "Re: ", "Re: ", "RE: ", "AW: " if lang == "de" else "Re: "))
            subject = prefix + subject
        elif rng.random() < 0.02:
            subject = "Fwd: " + subject
        folder, flags, in_new = self._folder_and_flags(kind, list_index, epoch)
        dup = ""
        if rng.random() < DUPLICATE_RATE:
            choices = [f for f in self.folders if f != folder] or [folder]
            dup = rng.choice(choices)
        plan = Plan(
            index=i, seed=self.seed, kind=kind, lang=lang, profile=profile, sender=sender, to=to, cc=cc,
            mailing_list=mlist, message_id=mid, thread=thread,
            parent_mid=parent[0] if parent is not None else "", references=references, link=link,
            parent_missing=parent is not None and not thread.root_present and parent[0] == thread.root_mid,
            subject=subject, subject_terms=subject_terms, epoch=epoch, date_style=style,
            delivered=epoch + rng.randint(2, 600), folder=folder, flags=flags, in_new=in_new,
            plants=plants, decoy=not bad and rng.random() < DECOY_RATE, malformed=kinds,
            crlf=rng.random() < CRLF_RATE, duplicate_folder=dup,
        )
        if "missing-headers" in kinds:
            plan.extra["missing"] = [h for h in ("Date", "Message-ID", "From") if rng.random() < 0.5] \
                or ["Message-ID"]
        if "Message-ID" not in plan.extra.get("missing", ()):
            ThreadPool.record(thread, mid, references, sender, epoch)   # a reply needs a parent's id
        return plan

    def _recipients(self, sender, thread, parent, mlist, kind):
        rng = self.rng
        if mlist is not None:
            to = [_ListAddress(mlist)]
        elif sender is OWNER:
            cands = [p for p in thread.participants if p is not OWNER] or [rng.choice(self.people)]
            if parent is not None and parent[2] is not OWNER:
                cands = [parent[2]] + [c for c in cands if c is not parent[2]]
            to = cands[: rng.randint(1, 2)]
        else:
            to = [OWNER] if rng.random() < 0.85 else [rng.choice(self.people), OWNER]
            if rng.random() < 0.15:
                to.append(rng.choice(self.people))
        cc = []
        if rng.random() < 0.25:
            cc = [p for p in rng.sample(self.people, rng.randint(1, 3)) if p is not sender and p not in to]
        to = [p for p in to if p is not sender] or [OWNER if sender is not OWNER else rng.choice(self.others)]
        return to, cc


class _ListAddress:
    """A mailing list as a recipient (display name = the list's title)."""

    def __init__(self, mlist):
        self.name = mlist.title
        self.address = mlist.address
        self.lang = "en"
        self.utc_offset_minutes = 0
