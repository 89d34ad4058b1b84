"""Conversation threads: a bounded pool of open threads that replies attach to."""

from dataclasses import dataclass, field

MAX_OPEN = 2500          # open threads kept; older ones are forgotten (memory stays flat)
MAX_KEPT_IDS = 12        # per thread, the last Message-IDs kept as possible parents
MAX_REFERENCES = 10      # References header length, root first


@dataclass
class Thread:
    """One conversation: its root, base subject, the planted subject terms, recent messages."""

    number: int
    root_mid: str
    root_present: bool
    subject: str
    subject_lang: str
    subject_terms: list          # planted terms (Term.text) in the base subject
    list_index: int              # index into people.LISTS, or -1
    participants: list          # Person
    last_epoch: int
    messages: list = field(default_factory=list)   # (message-id, references list, sender)


class ThreadPool:
    """Open threads, most recent last; replies mostly go to recent ones."""

    def __init__(self):
        self.open = []
        self.count = 0

    def new_number(self):
        """The next thread number."""
        self.count += 1
        return self.count - 1

    def add(self, thread):
        """Open a thread; the oldest is forgotten when the pool is full."""
        self.open.append(thread)
        if len(self.open) > MAX_OPEN:
            del self.open[: len(self.open) - MAX_OPEN]

    def pick(self, rng, want_list=None):
        """A recent open thread (with list ``want_list`` when given), or None."""
        if not self.open:
            return None
        for _ in range(4):
            back = min(len(self.open) - 1, int(rng.expovariate(1 / 40.0)))
            t = self.open[-1 - back]
            if want_list is None or t.list_index == want_list:
                return t
        return None

    @staticmethod
    def parent_of(rng, thread):
        """The message a reply answers (usually the last, sometimes an earlier one) or None."""
        if not thread.messages:
            return None
        if len(thread.messages) > 1 and rng.random() < 0.3:
            return thread.messages[rng.randrange(len(thread.messages) - 1)]
        return thread.messages[-1]

    @staticmethod
    def record(thread, mid, references, sender, epoch):
        """Remember a message of ``thread``."""
        thread.messages.append((mid, references, sender))
        if len(thread.messages) > MAX_KEPT_IDS:
            del thread.messages[0]
        thread.last_epoch = max(thread.last_epoch, epoch)
        if sender not in thread.participants:
            thread.participants.append(sender)
            if len(thread.participants) > 8:
                del thread.participants[0]


def references_for(parent):
    """The References list of a reply to ``parent`` (root first, at most MAX_REFERENCES)."""
    mid, refs, _ = parent
    chain = list(refs) + [mid]
    if len(chain) > MAX_REFERENCES:
        chain = chain[:1] + chain[-(MAX_REFERENCES - 1):]
    return chain
