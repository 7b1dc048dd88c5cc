"""What a committed transaction changed, by kind and id, for the delivery plane's snapshot.

A :class:`ChangeLog` is installed on a database's session class (``kit.db``). Its session
hooks note the rows of the tables the bidder serves from (``TRACKED``) as a unit of work
writes them: ORM instances at every flush, and Core ``INSERT``/``UPDATE``/``DELETE``
statements sent through ``Session.execute`` (their ids are read from the parameters or the
``WHERE`` clause; a statement whose ids cannot be read counts as a change of everything).
On commit the noted changes go to the log's sinks; on rollback they are dropped. On
PostgreSQL the same changes are also sent with ``pg_notify`` inside the committing
transaction (``kit.db`` does that), so other processes hear of them exactly when they
become visible, and never for a rollback.

Writes sent to the DBAPI driver directly (the bulk filter-list item copies) are not seen
here; the services that make them also update the owning row (the list's ``item_count``),
which is. Kinds are plain strings here (``campaign``, ``creative``, ``filterlist``,
``account``, ``all``); ``delivery.changes`` turns them into ``delivery.model.Change``.
"""

from __future__ import annotations

import json
import logging
import secrets
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final

from sqlalchemy.event import listen
from sqlalchemy.inspection import inspect
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.sql.elements import BinaryExpression, BindParameter, ColumnElement
from sqlalchemy.sql.operators import eq, in_op
from sqlalchemy.sql.visitors import iterate

log = logging.getLogger(__name__)

# One kind's ids; "all" (no ids) means: take everything in again.
Changed = dict[str, set[int]]
Sink = Callable[[Mapping[str, frozenset[int]]], None]

ALL: Final = "all"
# table -> (kind, column) pairs: which ids of what a row of the table names.
TRACKED: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    "campaigns": (("campaign", "id"),),
    "campaign_spot_prices": (("campaign", "campaign_id"),),
    "campaign_restrictions": (("campaign", "campaign_id"),),
    "campaign_segments": (("campaign", "campaign_id"),),
    "campaign_creatives": (("campaign", "campaign_id"), ("creative", "creative_id")),
    "campaign_filter_lists": (("campaign", "campaign_id"), ("filterlist", "filter_list_id")),
    "creatives": (("creative", "id"),),
    "filter_lists": (("filterlist", "id"),),
    "filter_list_items": (("filterlist", "list_id"),),
    "accounts": (("account", "id"),),
    "transactions": (("account", "account_id"),),
}

# PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; leave room for the envelope.
PAYLOAD_LIMIT: Final = 7900
# Past this many notices for one commit, one "all" notice is cheaper for every listener.
MAX_NOTICES: Final = 16

_PENDING: Final = "adplane.changes.pending"


def _note(changed: Changed, kind: str, value: Any) -> None:
    if isinstance(value, int) and not isinstance(value, bool):
        changed.setdefault(kind, set()).add(value)


def _table_of(mapper_or_table: Any) -> str | None:
    name = getattr(mapper_or_table, "name", None)
    return name if isinstance(name, str) else None


def note_instances(changed: Changed, instances: Iterable[object]) -> None:
    """Note the tracked rows among ORM instances (new, dirty or deleted)."""
    for instance in instances:
        table = _table_of(getattr(type(instance), "__table__", None))
        for kind, column in TRACKED.get(table or "", ()):
            _note(changed, kind, inspect(instance).dict.get(column))


def _where_values(where: ColumnElement[Any] | None, table: str) -> dict[str, list[Any]]:
    """Column -> values that ``column = value`` or ``column IN (...)`` in a WHERE clause name."""
    found: dict[str, list[Any]] = {}
    if where is None:
        return found
    for node in iterate(where):
        if not isinstance(node, BinaryExpression):
            continue
        left, right = node.left, node.right
        if getattr(getattr(left, "table", None), "name", None) != table:
            continue
        if not isinstance(right, BindParameter):
            continue
        value = right.effective_value
        if node.operator is eq:
            found.setdefault(str(left.key), []).append(value)
        elif node.operator is in_op and isinstance(value, list | tuple):
            found.setdefault(str(left.key), []).extend(value)
    return found


def note_statement(changed: Changed, state: ORMExecuteState) -> None:
    """Note the tracked rows a Core or ORM-enabled INSERT, UPDATE or DELETE writes."""
    statement: Any = state.statement
    table = _table_of(getattr(statement, "table", None))
    pairs = TRACKED.get(table or "")
    if not pairs or table is None:
        return
    values: dict[str, list[Any]] = {}
    if state.is_insert:
        parameters: Any = state.parameters
        rows: list[Mapping[str, Any]] = (
            parameters if isinstance(parameters, list) else [parameters or {}]
        )
        for row in rows:
            for key, value in row.items():
                values.setdefault(str(key), []).append(value)
        for column, value in (getattr(statement, "_values", None) or {}).items():
            if isinstance(value, BindParameter):
                values.setdefault(str(getattr(column, "key", column)), []).append(value.value)
    else:
        values = _where_values(statement.whereclause, table)
    named = False
    for kind, column in pairs:
        for value in values.get(column, ()):
            _note(changed, kind, value)
            named = True
    if not named:
        changed.setdefault(ALL, set())


def _dumps(origin: str, changed: Mapping[str, list[int]]) -> str:
    return json.dumps({"o": origin, "c": changed}, separators=(",", ":"))


def encode(changed: Mapping[str, Iterable[int]], origin: str) -> list[str]:
    """The NOTIFY payloads for one commit: each under the limit, or one "all" notice."""
    everything = [_dumps(origin, {ALL: []})]
    if ALL in changed:
        return everything
    envelope = len(_dumps(origin, {}))
    notices: list[str] = []
    current: dict[str, list[int]] = {}
    size = envelope
    for kind in sorted(changed):
        for value in sorted(changed[kind]):
            # '"kind":[],' once per kind and notice, then the id and a comma.
            cost = len(str(value)) + 1 + (0 if kind in current else len(kind) + 6)
            if size + cost > PAYLOAD_LIMIT and current:
                notices.append(_dumps(origin, current))
                current, size = {}, envelope
                cost = len(str(value)) + 1 + len(kind) + 6
            current.setdefault(kind, []).append(value)
            size += cost
    if current:
        notices.append(_dumps(origin, current))
    if len(notices) > MAX_NOTICES or any(len(n.encode()) > PAYLOAD_LIMIT for n in notices):
        return everything
    return notices


def decode(payload: str) -> tuple[str, dict[str, frozenset[int]]]:
    """(origin, kind -> ids) from a NOTIFY payload; anything unreadable is a change of all."""
    try:
        document = json.loads(payload)
        origin = str(document.get("o", ""))
        changed = {
            str(kind): frozenset(int(v) for v in ids) for kind, ids in dict(document["c"]).items()
        }
    except (ValueError, TypeError, KeyError, AttributeError):
        return "", {ALL: frozenset()}
    return origin, changed


Notifier = Callable[[Session, list[str]], None]


class ChangeLog:
    """The changes committed through one database's sessions, handed to its sinks."""

    def __init__(self) -> None:
        # Tells a process's own notices from another's (a listener skips its own: the
        # sinks have had them already, at the commit).
        self.origin = secrets.token_hex(8)
        self.sinks: list[Sink] = []
        self.notifier: Notifier | None = None

    def subscribe(self, sink: Sink) -> Callable[[], None]:
        """Call ``sink`` after every commit that changed tracked rows; returns the unsubscribe."""
        self.sinks.append(sink)
        return lambda: self.sinks.remove(sink) if sink in self.sinks else None

    def install(self, session_class: type[Session], notifier: Notifier | None = None) -> None:
        """Hook the session class's events (one class per database, so apps stay apart)."""
        self.notifier = notifier
        listen(session_class, "after_flush", self._after_flush)
        listen(session_class, "do_orm_execute", self._on_execute)
        listen(session_class, "before_commit", self._before_commit)
        listen(session_class, "after_commit", self._after_commit)
        listen(session_class, "after_transaction_end", self._after_transaction_end)

    @staticmethod
    def pending(session: Session) -> Changed:
        changed: Changed = session.info.setdefault(_PENDING, {})
        return changed

    def _after_flush(self, session: Session, _context: UOWTransaction) -> None:
        changed = self.pending(session)
        note_instances(changed, session.new)
        note_instances(changed, session.dirty)
        note_instances(changed, session.deleted)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if state.is_insert or state.is_update or state.is_delete:
            note_statement(self.pending(state.session), state)

    def _before_commit(self, session: Session) -> None:
        if self.notifier is None:
            return
        # The commit flushes what is left only after this hook: flush now, so it is noted.
        session.flush()
        changed = session.info.get(_PENDING)
        if changed:
            self.notifier(session, encode(changed, self.origin))

    def _after_commit(self, session: Session) -> None:
        changed: Changed | None = session.info.pop(_PENDING, None)
        if not changed:
            return
        frozen = {kind: frozenset(ids) for kind, ids in changed.items()}
        for sink in list(self.sinks):
            # The transaction has committed: a failing sink must not turn it into an error.
            try:
                sink(frozen)
            except Exception:
                log.exception("change sink %r failed", sink)

    def _after_transaction_end(self, session: Session, transaction: Any) -> None:
        # The root transaction ended without a commit (a rollback or a close): forget it all.
        if transaction.parent is None:
            session.info.pop(_PENDING, None)
