"""The targeting catalogues as plain values: dimensions, entries, code rules, lookups. No I/O.

A ``Catalogue`` is immutable. The built-in one is built once per process from the data modules
(``builtin.py``, ``iso.py``, pycountry); the service merges the values admins added (stored in
the database) into a copy of it for each use, so every process sees the same catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

import pycountry

from adplane.targeting import builtin, iso


class Dimension(StrEnum):
    """A catalogued targeting dimension; the value is the ``Targeting`` field that holds it."""

    COUNTRIES = "countries"
    REGIONS = "regions"
    LANGUAGES = "languages"
    OSES = "oses"
    BROWSERS = "browsers"
    DEVICE_TYPES = "device_types"
    CONNECTION_TYPES = "connection_types"
    CARRIERS = "carriers"
    CATEGORIES = "categories"


DESCRIPTIONS: dict[Dimension, str] = {
    Dimension.COUNTRIES: "ISO 3166-1 alpha-2 country codes; the id is the ISO numeric code",
    Dimension.REGIONS: "ISO 3166-2 subdivision codes (country-subdivision)",
    Dimension.LANGUAGES: "ISO 639-1 language codes",
    Dimension.OSES: "Operating system families, as slugs of the families ua-parser reports",
    Dimension.BROWSERS: "Browser families, as slugs of the families ua-parser reports",
    Dimension.DEVICE_TYPES: "OpenRTB 2.6 (AdCOM 1.0) device types; the id is the OpenRTB value",
    Dimension.CONNECTION_TYPES: "OpenRTB 2.6 (AdCOM 1.0) connection types; the id is the value",
    Dimension.CARRIERS: "Mobile network operators",
    Dimension.CATEGORIES: "IAB content categories (Content Taxonomy 1.0), as OpenRTB 2.x cat",
}

# Values admins add get ids from here up, so built-in lists can grow below without a clash.
FIRST_ADDED_ID = 1_000_000
MAX_VALUE_ID = 2**31 - 1

_UPPER = frozenset({Dimension.COUNTRIES, Dimension.REGIONS, Dimension.CATEGORIES})
_SLUG_SEPARATORS = re.compile(r"[\s\-]+")
_CODE_SHAPES: dict[Dimension, re.Pattern[str]] = {
    Dimension.COUNTRIES: re.compile(r"^[A-Z]{2}$"),
    Dimension.REGIONS: re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$"),
    Dimension.LANGUAGES: re.compile(r"^[a-z]{2}$"),
    Dimension.CATEGORIES: re.compile(r"^IAB\d{1,3}(-\d{1,3})?$"),
}
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_.]{0,63}$")


def normalise(dimension: Dimension, raw: str) -> str:
    """The canonical spelling of a code: ISO and IAB codes upper case, the rest lower-case slugs
    (``"Samsung Internet"`` -> ``samsung_internet``). It does not say whether the code exists."""
    text = raw.strip()
    if dimension in _UPPER:
        return text.upper()
    if dimension is Dimension.LANGUAGES:
        return text.lower()
    return _SLUG_SEPARATORS.sub("_", text.lower())


def code_shape_error(dimension: Dimension, code: str) -> str | None:
    """Why ``code`` (already normalised) cannot be a code of ``dimension``, or None."""
    shape = _CODE_SHAPES.get(dimension, _SLUG)
    if shape.match(code):
        return None
    if dimension in _CODE_SHAPES:
        return f"{code!r} is not shaped like a code of {dimension.value}"
    return f"{code!r} is not a slug (lower-case letters, digits and _)"


@dataclass(frozen=True)
class Entry:
    """One catalogue value. ``aliases`` are other spellings that resolve to it (ua-parser
    family names, vendor names); they are not part of the wire."""

    id: int
    code: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Index:
    entries: tuple[Entry, ...]
    by_code: Mapping[str, Entry]
    by_id: Mapping[int, Entry]
    by_spelling: Mapping[str, Entry]

    @classmethod
    def of(cls, dimension: Dimension, entries: Iterable[Entry]) -> _Index:
        ordered = tuple(sorted(entries, key=lambda e: e.id))
        spelling: dict[str, Entry] = {}
        # Codes win over names and aliases; earlier (lower id) entries win among equals.
        for entry in reversed(ordered):
            for text in (entry.name, *entry.aliases):
                spelling[text.strip().lower()] = entry
                spelling[normalise(dimension, text).lower()] = entry
        for entry in reversed(ordered):
            spelling[entry.code.lower()] = entry
        return cls(ordered, {e.code: e for e in ordered}, {e.id: e for e in ordered}, spelling)


@dataclass(frozen=True)
class Catalogue:
    """Every catalogued dimension's values, with lookups by code, id and spelling."""

    _indexes: Mapping[Dimension, _Index] = field(repr=False)

    @classmethod
    def of(cls, values: Mapping[Dimension, Iterable[Entry]]) -> Catalogue:
        return cls({d: _Index.of(d, values.get(d, ())) for d in Dimension})

    def with_added(self, added: Mapping[Dimension, Iterable[Entry]]) -> Catalogue:
        """This catalogue plus ``added`` values (which never replace a built-in one)."""
        if not any(added.values()):
            return self
        merged: dict[Dimension, list[Entry]] = {}
        for dimension, index in self._indexes.items():
            extra = [
                e
                for e in added.get(dimension, ())
                if e.code not in index.by_code and e.id not in index.by_id
            ]
            merged[dimension] = [*index.entries, *extra]
        return Catalogue.of(merged)

    def entries(self, dimension: Dimension) -> tuple[Entry, ...]:
        return self._indexes[dimension].entries

    def by_code(self, dimension: Dimension, code: str) -> Entry | None:
        return self._indexes[dimension].by_code.get(code)

    def by_id(self, dimension: Dimension, value_id: int) -> Entry | None:
        return self._indexes[dimension].by_id.get(value_id)

    def resolve(self, dimension: Dimension, text: str) -> Entry | None:
        """The entry ``text`` names: its code in any case, its name, or an alias (such as the
        family ua-parser reports, ``"Mac OS X"`` or ``"Chrome Mobile"``)."""
        index = self._indexes[dimension]
        exact = index.by_code.get(normalise(dimension, text))
        if exact is not None:
            return exact
        return index.by_spelling.get(text.strip().lower()) or index.by_spelling.get(
            normalise(dimension, text).lower()
        )


def _countries() -> list[Entry]:
    entries = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        entries.append(
            Entry(int(country.numeric), country.alpha_2, name, (country.name, country.alpha_3))
        )
    return entries


@cache
def builtin_catalogue() -> Catalogue:
    """The catalogue shipped with the code (built once per process)."""
    return Catalogue.of(
        {
            Dimension.COUNTRIES: _countries(),
            Dimension.REGIONS: [Entry(*row) for row in iso.rows(iso.REGIONS)],
            Dimension.LANGUAGES: [Entry(*row) for row in iso.rows(iso.LANGUAGES)],
            Dimension.OSES: [Entry(*row) for row in builtin.OSES],
            Dimension.BROWSERS: [Entry(*row) for row in builtin.BROWSERS],
            Dimension.DEVICE_TYPES: [Entry(*row) for row in builtin.DEVICE_TYPES],
            Dimension.CONNECTION_TYPES: [Entry(*row) for row in builtin.CONNECTION_TYPES],
            Dimension.CARRIERS: [Entry(*row) for row in builtin.CARRIERS],
            Dimension.CATEGORIES: [Entry(*row) for row in builtin.categories()],
        }
    )
