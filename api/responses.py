"""The JSON rendering every route shares, and the OpenAPI entries of error statuses."""

from __future__ import annotations

import orjson
from fastapi.responses import JSONResponse

from api import schemas
from api.errors import MEANING


class FastJSON(JSONResponse):
    """orjson rendering of plain dicts; routes return it directly, so FastAPI skips re-validating
    what the library already guarantees (each route's `response_model` still documents the
    contract, and a test checks real bodies against it)."""

    def render(self, content: object) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_SERIALIZE_DATACLASS)


def error_responses(*codes: int) -> dict:
    """OpenAPI entries for the error statuses a route can answer with."""
    return {code: {"model": schemas.ErrorOut, "description": MEANING[code]} for code in codes}
