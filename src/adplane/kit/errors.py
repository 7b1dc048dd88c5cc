"""Domain errors. Each API surface renders them in its own wire shape."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    """One problem with one input field; ``field`` is a dotted path in core names."""

    field: str
    message: str


class AppError(Exception):
    """Base of every error a service raises on purpose."""

    status_code = 400
    title = "Bad request"

    def __init__(self, detail: str, *, errors: list[FieldError] | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        self.errors = errors or []


class BadRequest(AppError):
    status_code = 400
    title = "Bad request"


class Unauthorized(AppError):
    status_code = 401
    title = "Unauthorized"


class Forbidden(AppError):
    status_code = 403
    title = "Forbidden"


class NotFound(AppError):
    status_code = 404
    title = "Not found"


class Conflict(AppError):
    """The request is well formed but the resource's state forbids it."""

    status_code = 409
    title = "Conflict"


class ValidationFailed(AppError):
    status_code = 422
    title = "Validation failed"

    @classmethod
    def field(cls, field: str, message: str) -> ValidationFailed:
        """A validation error about a single field."""
        return cls(f"{field}: {message}", errors=[FieldError(field, message)])
