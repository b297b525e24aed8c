"""Keep the desk running: an unexpected error in a handler becomes a notification.

Textual ends the app on an exception in a message handler or action. In a meeting that is the
worst moment to lose the conversation and the spiekbriefje, so handlers and actions that do
real work are wrapped with `@guarded`. Tests set `app.raise_errors` so bugs still fail loudly."""

from __future__ import annotations

import functools
import inspect
import logging
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


def report(node: Any, error: BaseException) -> None:
    """Show the error as a notification (never raises)."""
    log.exception("fout in de live-app", exc_info=error)
    try:
        app = node.app
        say = getattr(app, "say", None)
        if say is not None:
            say(f"{type(error).__name__}: {error}",
                title="Er ging iets mis (de app loopt door)", severity="error", timeout=10)
        else:
            app.notify(f"{type(error).__name__}: {error}",
                       title="Er ging iets mis (de app loopt door)", severity="error",
                       timeout=10, markup=False)
    except Exception:  # no app any more: nothing left to tell
        pass


def _strict(node: Any) -> bool:
    try:
        return bool(getattr(node.app, "raise_errors", False))
    except Exception:
        return False


def guarded(method: F) -> F:
    """Wrap a handler or action: exceptions are reported instead of ending the app."""
    if inspect.iscoroutinefunction(method):
        @functools.wraps(method)
        async def async_wrapper(self, *args, **kwargs):
            try:
                return await method(self, *args, **kwargs)
            except Exception as error:
                if _strict(self):
                    raise
                report(self, error)
        return async_wrapper  # type: ignore[return-value]

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            if _strict(self):
                raise
            report(self, error)
    return wrapper  # type: ignore[return-value]
