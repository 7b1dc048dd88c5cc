"""Extension documents: the campaign fields only one dialect has, kept beside the campaign.

A field that only one vendor knows and that no core rule, filter, budget or delivery reads is
not a column of ``campaigns``: it lives in that dialect's extension document
(``campaign_extensions``, one row per campaign and dialect). The dialect declares the document
as a subclass of ``Extension``; the campaign service validates it with that model, stores its
JSON in the campaign's transaction and returns it in ``Campaign.extensions`` untouched. The
core never interprets a document, so a dialect reads its own back with ``extension_of``::

    class Extras(Extension):
        dialect: ClassVar[str] = "example"
        color: str | None = None

    extras = Extras(color="red")
    view = await campaign_service.create(session, principal, fields, extensions=[extras])
    extension_of(view, Extras).color  # "red"

On update (and on save-as) only the fields the dialect set on its instance change, as with
``CampaignFields``; the others keep their stored values.

A dialect that has no write surface of its own (a read-only vendor API) sets
``native = True``: the native API then writes its document (``extensions`` on native create
and update), since nothing else could. A dialect that writes its own document keeps the
native API read-only for it, so its wire rules stay the only way in.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import ValidationError

from adplane.kit.errors import FieldError, ValidationFailed
from adplane.kit.schemas import StrictSchema, holds_nul
from adplane.kit.validation import input_errors

# A dialect's document is small: a handful of vendor fields, not a blob store.
MAX_DOCUMENT_BYTES = 64 * 1024
MAX_DOCUMENT_DEPTH = 10
_DIALECT = re.compile(r"^[a-z][a-z0-9_]{0,31}$")

Document = dict[str, Any]
E = TypeVar("E", bound="Extension")


class Extension(StrictSchema):
    """The base of a dialect's extension document: unknown fields and NUL are refused.

    Subclasses set ``dialect`` (the key of the document, a lower-case slug) and give every
    field a default, so a campaign that has no document yet reads as the defaults.
    """

    dialect: ClassVar[str]
    # True for a dialect without a write surface: the native API writes its document.
    native: ClassVar[bool] = False

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        name = getattr(cls, "dialect", None)
        if not isinstance(name, str) or not _DIALECT.match(name):
            raise TypeError(f"{cls.__name__}.dialect must be a lower-case slug, not {name!r}")
        required = [n for n, f in cls.model_fields.items() if f.is_required()]
        if required:
            raise TypeError(f"{cls.__name__} fields need defaults: {', '.join(required)}")
        if cls.native:
            known = _NATIVE.setdefault(name, cls)
            if known is not cls:
                raise TypeError(f"two native-writable extension models for {name!r}")


# Dialect -> the model of a document the native API writes; filled as dialects are imported
# (the app imports every dialect before it serves a request).
_NATIVE: dict[str, type[Extension]] = {}


def _depth(value: Any, depth: int = 0) -> int:
    if isinstance(value, dict):
        return max((_depth(v, depth + 1) for v in value.values()), default=depth + 1)
    if isinstance(value, list):
        return max((_depth(v, depth + 1) for v in value), default=depth + 1)
    return depth


def _refused(extension: type[Extension], exc: ValidationError) -> ValidationFailed:
    prefix = f"extensions.{extension.dialect}"
    errors = [FieldError(".".join([prefix, *e.location]), e.message) for e in input_errors(exc)]
    return ValidationFailed("; ".join(f"{e.field}: {e.message}" for e in errors), errors=errors)


def validated(model: type[E], data: Mapping[str, Any]) -> E:
    """``data`` read through the dialect's model; a refusal names ``extensions.<dialect>``."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as exc:
        raise _refused(model, exc) from exc


def to_document(extension: Extension) -> Document:
    """The JSON the core stores for ``extension``, validated again by its own model.

    Validating again catches an instance built without validation (``model_construct``) or
    changed after it; the checks after it hold for every dialect, whatever its model allows.
    """
    model = type(extension)
    checked = validated(model, extension.model_dump())
    document: Document = checked.model_dump(mode="json")
    field = f"extensions.{model.dialect}"
    if holds_nul(document):
        raise ValidationFailed.field(field, "must not contain NUL characters")
    if _depth(document) > MAX_DOCUMENT_DEPTH:
        raise ValidationFailed.field(field, f"is nested more than {MAX_DOCUMENT_DEPTH} deep")
    if len(json.dumps(document)) > MAX_DOCUMENT_BYTES:
        raise ValidationFailed.field(field, f"is larger than {MAX_DOCUMENT_BYTES} bytes")
    return document


def changed_document(stored: Document | None, change: Extension) -> Document:
    """The stored document with the fields ``change`` set applied, validated as a whole."""
    model = type(change)
    base = validated(model, stored or {})
    update = {name: getattr(change, name) for name in change.model_fields_set}
    return to_document(validated(model, {**base.model_dump(), **update}))


def by_dialect(extensions: Iterable[Extension]) -> dict[str, Extension]:
    """One extension per dialect; two for the same dialect is a programming error."""
    found: dict[str, Extension] = {}
    for extension in extensions:
        if extension.dialect in found:
            raise ValueError(f"two extension documents for {extension.dialect!r}")
        found[extension.dialect] = extension
    return found


def from_native(documents: Mapping[str, Mapping[str, Any]]) -> list[Extension]:
    """The documents a native request sent, each read through its dialect's model.

    Only the fields sent are set on each instance, so an update changes just those. A dialect
    that writes its own document (or none known) is refused, naming ``extensions.<dialect>``.
    """
    found: list[Extension] = []
    for dialect, document in documents.items():
        model = _NATIVE.get(dialect)
        if model is None:
            raise ValidationFailed.field(
                f"extensions.{dialect}", "is not a document the native API writes"
            )
        found.append(validated(model, document))
    return found


def extension_of(view: Any, model: type[E]) -> E:
    """The dialect's document of a core campaign view (its defaults if none is stored)."""
    documents: Mapping[str, Document] = view.extensions
    return validated(model, documents.get(model.dialect, {}))
