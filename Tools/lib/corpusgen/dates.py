"""Date header values in the styles seen in the wild, with the UTC instant each one means."""

import time

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# RFC 822 / 5322 obsolete zone names and their offsets in minutes.
_OBS_ZONES = {0: ["GMT", "UT"], -300: ["EST", "CDT"], -240: ["EDT"], -360: ["CST", "MDT"],
              -420: ["MST", "PDT"], -480: ["PST"]}
GARBAGE_DATES = ("sometime last week", "32 Foo 2019 25:61:00 +9999", "0000-00-00 00:00:00",
                 "Tue, 31 Feb 2019 10:00:00 +0100 (Europe/Nowhere) extra", "yesterday", "",
                 "Mon, 45 Jan 20 99:99 XYZ")

# (style, weight)
STYLES = (("rfc5322", 70), ("no-weekday", 5), ("one-digit-day", 5), ("obsolete-zone", 5),
          ("zone-comment", 4), ("no-seconds", 3), ("two-digit-year", 3), ("minus-zero", 2),
          ("extra-spaces", 2), ("utc-z-iso", 1))
STYLE_NAMES = [s for s, _ in STYLES]
STYLE_CUM = []
_acc = 0
for _, w in STYLES:
    _acc += w
    STYLE_CUM.append(_acc)


def _offset_text(minutes):
    sign = "+" if minutes >= 0 else "-"
    m = abs(minutes)
    return f"{sign}{m // 60:02d}{m % 60:02d}"


def format_date(epoch, offset_minutes, style):
    """A Date header value for ``epoch`` seen from ``offset_minutes``; returns (value, offset used).

    The instant is always ``epoch`` (whole seconds, or whole minutes for ``no-seconds``, where the
    caller must round first). ``utc-z-iso`` is not RFC 5322 but is seen from some software.
    """
    if style == "obsolete-zone":
        if offset_minutes not in _OBS_ZONES:
            offset_minutes = 0
        zone = _OBS_ZONES[offset_minutes][epoch % len(_OBS_ZONES[offset_minutes])]
    elif style == "minus-zero":
        offset_minutes, zone = 0, "-0000"
    elif style == "utc-z-iso":
        t = time.gmtime(epoch)
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", t), 0
    else:
        zone = _offset_text(offset_minutes)
    t = time.gmtime(epoch + offset_minutes * 60)
    day, mon, year = t.tm_mday, _MONTHS[t.tm_mon - 1], t.tm_year
    hms = f"{t.tm_hour:02d}:{t.tm_min:02d}:{t.tm_sec:02d}"
    wd = _DAYS[t.tm_wday]
    if style == "no-weekday":
        return f"{day} {mon} {year} {hms} {zone}", offset_minutes
    if style == "one-digit-day":
        return f"{wd}, {day} {mon} {year} {hms} {zone}", offset_minutes
    if style == "zone-comment":
        comment = "UTC" if offset_minutes == 0 else ("CET" if offset_minutes == 60 else "local")
        return f"{wd}, {day:02d} {mon} {year} {hms} {zone} ({comment})", offset_minutes
    if style == "no-seconds":
        return f"{wd}, {day:02d} {mon} {year} {t.tm_hour:02d}:{t.tm_min:02d} {zone}", offset_minutes
    if style == "two-digit-year":
        return f"{wd}, {day:02d} {mon} {year % 100:02d} {hms} {zone}", offset_minutes
    if style == "extra-spaces":
        return f"{wd},  {day} {mon}  {year}  {hms}  {zone}", offset_minutes
    return f"{wd}, {day:02d} {mon} {year} {hms} {zone}", offset_minutes


def utc_iso(epoch):
    """``epoch`` as ``YYYY-MM-DDTHH:MM:SSZ``."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def ctime_utc(epoch):
    """``epoch`` as the asctime form used in mbox From_ lines (``Tue Mar  5 10:12:00 2019``)."""
    t = time.gmtime(epoch)
    return f"{_DAYS[t.tm_wday]} {_MONTHS[t.tm_mon - 1]} {t.tm_mday:2d} {t.tm_hour:02d}:{t.tm_min:02d}:" \
           f"{t.tm_sec:02d} {t.tm_year}"
