"""A Milvus that does not answer becomes StoreUnavailableError (503 with Retry-After); other errors pass."""

from __future__ import annotations

import pytest

from qa.errors import StoreUnavailableError
from qa.storage.milvus.schema import CALL_TIMEOUT, CLIENT_TIMEOUT, reachable


def _raising(error: Exception):
    @reachable
    def call() -> None:
        raise error

    return call


@pytest.mark.parametrize("error", [ConnectionRefusedError("refused"), TimeoutError("slow")])
def test_network_failures_are_an_unavailable_store(error: Exception) -> None:
    with pytest.raises(StoreUnavailableError, match="retry in a few seconds"):
        _raising(error)()


def test_a_milvus_rpc_failure_is_an_unavailable_store() -> None:
    from pymilvus.exceptions import MilvusException

    with pytest.raises(StoreUnavailableError, match="MilvusException"):
        _raising(MilvusException(message="failed to connect to all addresses"))()


def test_a_programming_error_is_not_hidden_as_an_outage() -> None:
    with pytest.raises(KeyError):
        _raising(KeyError("generation"))()


def test_timeouts_are_whole_seconds_so_pymilvus_honours_them() -> None:
    assert isinstance(CALL_TIMEOUT, int) and isinstance(CLIENT_TIMEOUT, int) and CALL_TIMEOUT < CLIENT_TIMEOUT
