"""Instants of new moon and full moon, computed locally (no network, no ephemeris files).

Algorithm: Jean Meeus, *Astronomical Algorithms*, 2nd edition (Willmann-Bell, 1998), chapter 49
"Phases of the Moon": the mean phase (formula 49.1), the periodic terms for new and for full
moon, and the additional corrections from the fourteen planetary arguments A1..A14. That gives
the instant in Terrestrial (Dynamical) Time; Meeus reports errors of well under a minute.

TT is turned into Universal Time by subtracting ΔT = TT - UT, from the polynomial expressions of
Fred Espenak and Jean Meeus, "Five Millennium Canon of Solar Eclipses: -1999 to +3000"
(NASA/TP-2006-214141, 2006), published as "Polynomial Expressions for Delta T" on NASA's eclipse
web site (eclipse.gsfc.nasa.gov/SEcat5/deltatpoly.html). UT and UTC differ by less than a second.

Accuracy: a few minutes or better for 1900-2100 (the tests compare with the U.S. Naval
Observatory's tables); further away the predicted ΔT grows uncertain.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Literal

PhaseKind = Literal["new moon", "full moon"]
KINDS: tuple[PhaseKind, ...] = ("new moon", "full moon")

_J2000 = datetime(2000, 1, 1, 12, tzinfo=timezone.utc)  # JD 2451545.0
_JD_J2000 = 2451545.0
_DAYS_PER_YEAR = 365.25
_LUNATIONS_PER_YEAR = 12.3685


@dataclass(frozen=True)
class MoonPhase:
    kind: PhaseKind
    at: datetime  # timezone-aware, UTC


# --- Meeus chapter 49 -------------------------------------------------------------------------

# (coefficient, power of E, multiples of M, M', F, Omega) for new moon and full moon.
_NEW_TERMS = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
)
_FULL_TERMS = (
    (-0.40614, 0, 0, 1, 0, 0),
    (0.17302, 1, 1, 0, 0, 0),
    (0.01614, 0, 0, 2, 0, 0),
    (0.01043, 0, 0, 0, 2, 0),
    (0.00734, 1, -1, 1, 0, 0),
    (-0.00515, 1, 1, 1, 0, 0),
    (0.00209, 2, 2, 0, 0, 0),
)
# The smaller terms are the same for new and full moon.
_COMMON_TERMS = (
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)
# Planetary arguments A1..A14: (constant, rate per lunation, coefficient of the correction).
_PLANETARY = (
    (299.77, 0.107408, 0.000325),
    (251.88, 0.016321, 0.000165),
    (251.83, 26.651886, 0.000164),
    (349.42, 36.412478, 0.000126),
    (84.66, 18.206239, 0.000110),
    (141.74, 53.303771, 0.000062),
    (207.14, 2.453732, 0.000060),
    (154.84, 7.306860, 0.000056),
    (34.52, 27.261239, 0.000047),
    (207.19, 0.121824, 0.000042),
    (291.34, 1.844379, 0.000040),
    (161.72, 24.198154, 0.000037),
    (239.56, 25.513099, 0.000035),
    (331.55, 3.592518, 0.000023),
)


def _poly(t: float, *coefficients: float) -> float:
    return sum(c * t**i for i, c in enumerate(coefficients))


def _periodic(k: float, t: float) -> float:
    """Sum of the periodic terms of new moon (integer k) or full moon (k + 0.5), in days."""
    e = _poly(t, 1.0, -0.002516, -0.0000074)
    m = math.radians(_poly(t, 2.5534 + 29.10535670 * k, 0.0, -0.0000014, -0.00000011))
    mp = math.radians(
        _poly(t, 201.5643 + 385.81693528 * k, 0.0, 0.0107582, 0.00001238, -0.000000058)
    )
    f = math.radians(
        _poly(t, 160.7108 + 390.67050284 * k, 0.0, -0.0016118, -0.00000227, 0.000000011)
    )
    om = math.radians(_poly(t, 124.7746 - 1.56375588 * k, 0.0, 0.0020672, 0.00000215))
    main = _NEW_TERMS if k == math.floor(k) else _FULL_TERMS
    return sum(
        c * e**pe * math.sin(a * m + b * mp + g * f + h * om)
        for c, pe, a, b, g, h in main + _COMMON_TERMS
    )


def _planetary(k: float, t: float) -> float:
    """Additional corrections from the planetary arguments A1..A14, in days."""
    total = 0.0
    for index, (constant, rate, coefficient) in enumerate(_PLANETARY):
        angle = constant + rate * k - (0.009173 * t * t if index == 0 else 0.0)
        total += coefficient * math.sin(math.radians(angle))
    return total


def phase_jde(k: float) -> float:
    """Julian Ephemeris Day (TT) of lunation ``k``: integer for new moon, +0.5 for full moon.

    ``k = 0`` is the new moon of 2000 January 6 (Meeus, formula 49.2).
    """
    t = k / 1236.85
    mean = _poly(t, 2451550.09766 + 29.530588861 * k, 0.0, 0.00015437, -0.000000150, 0.00000000073)
    return mean + _periodic(k, t) + _planetary(k, t)


# --- ΔT (Espenak & Meeus) ----------------------------------------------------------------------


def delta_t_seconds(year: float) -> float:
    """ΔT = TT - UT in seconds for a decimal year (Espenak & Meeus polynomial expressions)."""
    y = year
    if y < 1860:
        return -20 + 32 * ((y - 1820) / 100) ** 2  # long-term parabola, outside our range
    if y < 1900:
        return _poly(y - 1860, 7.62, 0.5737, -0.251754, 0.01680668, -0.0004473624, 1 / 233174)
    if y < 1920:
        return _poly(y - 1900, -2.79, 1.494119, -0.0598939, 0.0061966, -0.000197)
    if y < 1941:
        return _poly(y - 1920, 21.20, 0.84493, -0.076100, 0.0020936)
    if y < 1961:
        return _poly(y - 1950, 29.07, 0.407, -1 / 233, 1 / 2547)
    if y < 1986:
        return _poly(y - 1975, 45.45, 1.067, -1 / 260, -1 / 718)
    if y < 2005:
        return _poly(y - 2000, 63.86, 0.3345, -0.060374, 0.0017275, 0.000651814, 0.00002373599)
    if y < 2050:
        return _poly(y - 2000, 62.92, 0.32217, 0.005589)
    if y < 2150:
        return -20 + 32 * ((y - 1820) / 100) ** 2 - 0.5628 * (2150 - y)
    return -20 + 32 * ((y - 1820) / 100) ** 2


def _utc_from_jde(jde: float) -> datetime:
    year = 2000.0 + (jde - _JD_J2000) / _DAYS_PER_YEAR
    days = jde - _JD_J2000 - delta_t_seconds(year) / 86400.0
    return _J2000 + timedelta(seconds=round(days * 86400.0))


def _lunation_before(moment: datetime) -> int:
    """An integer k whose new moon is safely before ``moment``."""
    years = (moment - _J2000).total_seconds() / 86400.0 / _DAYS_PER_YEAR
    return math.floor(years * _LUNATIONS_PER_YEAR) - 2


def _phase(k: float) -> MoonPhase:
    kind: PhaseKind = "new moon" if k == math.floor(k) else "full moon"
    return MoonPhase(kind, _utc_from_jde(phase_jde(k)))


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, e.g. with tzinfo=timezone.utc")


def moon_phases(start: datetime, end: datetime) -> list[MoonPhase]:
    """Every new and full moon with ``start <= at < end``, in order."""
    _require_aware("start", start)
    _require_aware("end", end)
    found: list[MoonPhase] = []
    k = float(_lunation_before(start))
    while True:
        phase = _phase(k)
        if phase.at >= end:
            return found
        if phase.at >= start:
            found.append(phase)
        k += 0.5


def next_phase(kind: PhaseKind, after: datetime) -> MoonPhase:
    """The first new moon or full moon strictly after ``after``."""
    if kind not in KINDS:
        raise ValueError(f"kind must be 'new moon' or 'full moon', not {kind!r}")
    _require_aware("after", after)
    k = _lunation_before(after) + (0.5 if kind == "full moon" else 0.0)
    while True:
        phase = _phase(k)
        if phase.at > after:
            return phase
        k += 1.0
