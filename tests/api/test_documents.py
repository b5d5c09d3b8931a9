"""The write API over HTTP: keys, refusals that change nothing, and concurrent writers and readers."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from qa.service.answerer import QuestionAnswerer
from qa.settings import Settings
from tests.helpers.corpora import HARBOR_HTML, files_of, make_pdf, writable_service
from tests.helpers.paths import RELEASE

KEY, READ_KEY = "write-key-0123456789", "read-key-0123456789"
WRITE = {"X-API-Key": KEY}
NOTE = {"title": "Harbor notice", "text": "The harbor master is Ada Quist. The harbor closes at 6 pm on Sundays."}


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory, service, settings, real_embedder) -> QuestionAnswerer:
    return writable_service(tmp_path_factory.mktemp("write-api"), settings, real_embedder, api_keys=KEY,
                            max_upload_bytes=1_000_000, rate_limit_exempt="testclient")


@pytest.fixture(scope="module")
def client(writable: QuestionAnswerer):
    """A client of a corpus holding the release and one upload, `uploads/pier.txt`."""
    with TestClient(create_app(writable.settings, writable)) as test_client:
        pier = {"title": "Pier", "text": "The pier is painted blue every spring."}
        assert test_client.post("/documents", headers=WRITE, json=pier).status_code == 201
        yield test_client


def with_settings(service: QuestionAnswerer, **changes) -> Settings:
    """The service's settings with some changed, validated like environment values."""
    return Settings.model_validate({**service.settings.model_dump(), **changes})


def _state(client: TestClient, writable: QuestionAnswerer) -> tuple[str, list, dict]:
    """What must not move when a write is refused: index version, document list, files on disk."""
    return client.get("/health").json()["index_version"], client.get("/documents").json(), files_of(writable)


def test_upload_search_and_delete_round_trip(client: TestClient) -> None:
    response = client.post("/documents", headers=WRITE, files={"file": ("docks.html", HARBOR_HTML, "text/html")})
    assert response.status_code == 201, response.text
    added = response.json()
    assert added["index_version"] == client.get("/health").json()["index_version"]
    answer = client.post("/ask", json={"question": "Who is the dock master?"}).json()["answer"]
    assert answer["text"] == "Ines Vale" and answer["citation"]["doc_id"] == added["doc_id"]
    text = client.get(f"/documents/{added['doc_id']}").json()["text"]  # the page as text: what citations point into
    assert "<" not in text and "Ines Vale" in text
    assert text[answer["citation"]["start"]:answer["citation"]["end"]] == "Ines Vale"
    removed = client.delete(f"/documents/{added['doc_id']}", headers=WRITE)
    assert removed.status_code == 200 and removed.json()["documents"] == added["documents"] - 1
    assert client.get(f"/documents/{added['doc_id']}").status_code == 404


def test_an_old_page_in_the_encoding_it_declares_is_read_and_kept_byte_for_byte(client: TestClient,
                                                                             writable: QuestionAnswerer) -> None:
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head>'
            "<body><p>The caf\u00e9 on the quay is run by Jos\u00e9 Ort\u00edz.</p></body></html>").encode("latin-1")
    added = client.post("/documents", headers=WRITE, files={"file": ("quay.html", page, "text/html")})
    assert added.status_code == 201, added.text
    doc_id = added.json()["doc_id"]
    assert "run by Jos\u00e9 Ort\u00edz." in client.get(f"/documents/{doc_id}").json()["text"]
    assert (writable.settings.seeds_dir / added.json()["source"]).read_bytes() == page
    assert client.delete(f"/documents/{doc_id}", headers=WRITE).status_code == 200


def test_pdf_upload_cites_its_page_over_http(client: TestClient) -> None:
    pdf = make_pdf([["Ferry timetable."], ["The ferry captain is Rosa Lindqvist.", "She sails at dawn."]])
    added = client.post("/documents", headers=WRITE, files={"file": ("ferry.pdf", pdf, "application/pdf")}).json()
    answer = client.post("/ask", json={"question": "Who is the ferry captain?"}).json()["answer"]
    assert "Rosa Lindqvist" in answer["text"] and answer["citation"]["page"] == 2
    assert client.delete(f"/documents/{added['doc_id']}", headers=WRITE).status_code == 200


def test_json_note_becomes_a_document(client: TestClient, writable: QuestionAnswerer) -> None:
    added = client.post("/documents", headers=WRITE, json=NOTE)
    assert added.status_code == 201 and added.json()["title"] == "Harbor notice"
    assert (writable.settings.seeds_dir / added.json()["source"]).read_text().startswith("Harbor notice\n")
    assert client.delete(f"/documents/{added.json()['doc_id']}", headers=WRITE).status_code == 200


@pytest.mark.parametrize("headers, status, words", [
    ({}, 401, "X-API-Key"), ({"X-API-Key": "wrong"}, 401, "not one of"), ({"X-API-Key": KEY[:-1]}, 401, "not one of"),
])
def test_writes_need_a_configured_key(client: TestClient, writable: QuestionAnswerer, headers: dict, status: int,
                                      words: str) -> None:
    before = _state(client, writable)
    for call in (lambda: client.post("/documents", headers=headers, json=NOTE),
                 lambda: client.delete("/documents/dhs-human-smuggling-campaign", headers=headers),
                 lambda: client.post("/reindex", headers=headers)):
        response = call()
        assert response.status_code == status and words in response.json()["detail"]
    assert _state(client, writable) == before


def test_without_keys_writes_are_refused_with_the_setting_to_use(writable: QuestionAnswerer) -> None:
    no_keys = with_settings(writable, api_keys=[])
    with TestClient(create_app(no_keys, writable)) as closed:
        response = closed.post("/documents", headers=WRITE, json=NOTE)
        assert response.status_code == 403 and "QA_API_KEYS" in response.json()["detail"]
        assert closed.post("/ask", json={"question": "who leads Operation Sentinel?"}).status_code == 200


def test_read_keys_lock_reads_but_not_the_widget_or_health(writable: QuestionAnswerer) -> None:
    locked = with_settings(writable, read_api_keys=READ_KEY)
    with TestClient(create_app(locked, writable)) as test_client:
        assert test_client.post("/ask", json={"question": "JTFA"}).status_code == 401
        assert test_client.get("/documents").status_code == 401
        for key in (READ_KEY, KEY):
            assert test_client.post("/search", json={"query": "JTFA"}, headers={"X-API-Key": key}).status_code == 200
        assert [test_client.get(p).status_code for p in ("/health", "/", "/widget.js")] == [200, 200, 200]
        response = test_client.post("/documents", json=NOTE, headers={"X-API-Key": READ_KEY})
        assert response.status_code == 403 and "only read" in response.json()["detail"]


def _multipart(name: str, data: bytes, content_type: str = "text/plain") -> dict:
    return {"files": {"file": (name, data, content_type)}}


def _raw_multipart(filename: bytes) -> dict:
    """A multipart body built by hand, so the file name reaches the server byte for byte."""
    body = (b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="' + filename +
            b'"\r\nContent-Type: text/plain\r\n\r\nSome words here.\r\n--b0undary--\r\n')
    return {"content": body, "headers": {"content-type": "multipart/form-data; boundary=b0undary"}}


BAD_UPLOADS = {
    "empty file": (_multipart("empty.txt", b""), 422, "empty"),
    "whitespace only": (_multipart("blank.md", b"  \n\n \t"), 422, "empty"),
    "binary renamed .txt": (_multipart("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 415, "PNG"),
    "NUL bytes in .txt": (_multipart("data.txt", b"abc\x00def\x00" * 20), 415, "NUL"),
    "invalid UTF-8": (_multipart("latin1.txt", "café crème.".encode("latin-1")), 422, "UTF-8"),
    "undeclared Latin-1 HTML": (_multipart("old.html", "<p>café crème.</p>".encode("latin-1"), "text/html"), 422,
                                "UTF-8"),
    "HTML declaring no text encoding": (_multipart("rot.html", b'<meta charset="rot13"><p>caf\xe9</p>', "text/html"),
                                        422, "UTF-8"),
    "PDF without text layer": (_multipart("scan.pdf", make_pdf([[], []]), "application/pdf"), 422, "OCR"),
    "damaged PDF": (_multipart("broken.pdf", b"%PDF-1.7\n1 0 obj <<", "application/pdf"), 422, "PDF"),
    "name with ../": (_multipart("../../etc/passwd.txt", b"root.\n"), 422, "path"),
    "name with NUL": (_raw_multipart(b"a\x00b.txt"), 422, "NUL"),
    "name with raw ../": (_raw_multipart(b"../../x.txt"), 422, "path"),
    "hidden name": (_multipart(".env.txt", b"Some words here.\n"), 422, "hidden"),
    "unknown extension": (_multipart("sheet.xlsx", b"PK\x03\x04"), 415, ".pdf"),
    "content type mismatch": (_multipart("notes.txt", b"Words.\n", "image/png"), 415, "image/png"),
    "duplicate content": (_multipart("copy.txt", RELEASE.read_bytes()), 409,
                          "already in the corpus"),
    "duplicate name": (_multipart("pier.md", b"# Same name\n\nOther words.\n", "text/markdown"), 409,
                       "DELETE /documents/uploads-pier"),
    "HTML of navigation only": (_multipart("nav.html", b"<nav>Home | News</nav><footer>(c)</footer>", "text/html"),
                                422, "no text"),
    "no file field": ({"data": {"title": "x"}, "files": {"other": ("a.txt", b"hi.")}}, 422, "`file`"),
    "two files": ({"files": [("file", ("a.txt", b"One.", "text/plain")), ("file", ("b.txt", b"Two.", "text/plain"))]},
                  422, "multipart"),
    "malformed multipart": ({"content": b"--x\r\nnonsense",
                             "headers": {"content-type": "multipart/form-data; boundary=x"}}, 422, None),
    "malformed JSON": ({"content": b'{"title": "x", "text": ', "headers": {"content-type": "application/json"}}, 422,
                       "JSON"),
    "JSON missing text": ({"json": {"title": "Only a title"}}, 422, "text"),
    "JSON extra field": ({"json": {**NOTE, "path": "/etc"}}, 422, "path"),
    "JSON wrong types": ({"json": {"title": 3, "text": ["a"]}}, 422, None),
    "JSON lone surrogate": ({"content": b'{"title": "T", "text": "bad \\ud800 char."}',
                             "headers": {"content-type": "application/json"}}, 422, None),
    "unknown content type": ({"content": b"title=x", "headers": {"content-type": "application/x-www-form-urlencoded"}},
                             415, "multipart/form-data"),
    "no content type": ({"content": b"just bytes"}, 415, None),
    "over the upload cap": (_multipart("big.txt", b"Words and more words. " * 60_000), 413, "QA_MAX_UPLOAD_BYTES"),
    "file just over the cap": (_multipart("big.txt", b"Words. " * 150_000), 413, "the limit is 1,000,000"),
}


@pytest.mark.parametrize("case", list(BAD_UPLOADS), ids=list(BAD_UPLOADS))
def test_bad_uploads_get_a_specific_4xx_and_change_nothing(client: TestClient, writable: QuestionAnswerer,
                                                           case: str) -> None:
    request, status, words = BAD_UPLOADS[case]
    before = _state(client, writable)
    response = client.post("/documents", headers={**WRITE, **request.pop("headers", {})}, **request)
    assert response.status_code == status, response.text
    assert response.json()["detail"] and (words is None or words in str(response.json()["detail"]))
    assert _state(client, writable) == before


def test_a_50_mb_upload_is_413_before_it_is_read(client: TestClient, writable: QuestionAnswerer) -> None:
    before = _state(client, writable)
    response = client.post("/documents", headers=WRITE, files={"file": ("huge.txt", b"a" * 50_000_000, "text/plain")})
    assert response.status_code == 413 and "bytes" in response.json()["detail"]
    assert _state(client, writable) == before


def test_an_upload_streamed_without_length_is_cut_off_at_the_cap(client: TestClient,
                                                                  writable: QuestionAnswerer) -> None:
    before = _state(client, writable)
    head = b'--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n\r\n'

    def body():  # a generator body is sent chunked: the cap is checked while it streams
        yield head
        for _ in range(40):
            yield b"Words and more words. " * 2000
        yield b"\r\n--b0undary--\r\n"

    response = client.post("/documents", content=body(),
                           headers={**WRITE, "content-type": "multipart/form-data; boundary=b0undary"})
    assert response.status_code == 413 and "QA_MAX_UPLOAD_BYTES" in response.json()["detail"]
    assert _state(client, writable) == before


def test_deleting_unknown_or_seed_documents(client: TestClient, writable: QuestionAnswerer) -> None:
    before = _state(client, writable)
    assert client.delete("/documents/no-such-doc", headers=WRITE).status_code == 404
    response = client.delete("/documents/dhs-human-smuggling-campaign", headers=WRITE)
    assert response.status_code == 409 and "POST /reindex" in response.json()["detail"]
    assert _state(client, writable) == before


def test_two_uploads_at_once_both_land(client: TestClient, writable: QuestionAnswerer) -> None:
    notes = [{"title": f"Pier {n} notice", "text": f"Pier {n} is run by harbour warden number {n}. It opens daily."}
             for n in (1, 2)]
    barrier = threading.Barrier(2)

    def upload(note: dict) -> dict:
        barrier.wait()
        response = client.post("/documents", headers=WRITE, json=note)
        assert response.status_code == 201, response.text
        return response.json()

    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(upload, notes))
    listing = {d["doc_id"] for d in client.get("/documents").json()}
    assert {r["doc_id"] for r in results} <= listing
    assert max(r["documents"] for r in results) == len(listing)  # the later change includes the earlier one
    assert writable.snapshot.version == client.get("/health").json()["index_version"]
    for result in results:
        assert client.delete(f"/documents/{result['doc_id']}", headers=WRITE).status_code == 200


def test_queries_during_writes_all_succeed_and_cite_exactly(client: TestClient) -> None:
    stop = threading.Event()
    statuses: list[int] = []

    def read() -> None:
        while not stop.is_set():
            response = client.post("/ask", json={"question": "who leads Operation Sentinel?"})
            statuses.append(response.status_code)
            body = response.json()
            text = client.get(f"/documents/{body['answer']['citation']['doc_id']}").json()["text"]
            assert text[body["answer"]["citation"]["start"]:body["answer"]["citation"]["end"]] == body["answer"]["text"]

    readers = [threading.Thread(target=read) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for n in range(3):
            added = client.post("/documents", headers=WRITE, json={**NOTE, "title": f"Notice {n}",
                                                                   "text": f"Quay {n} is closed for repairs."})
            assert added.status_code == 201
            assert client.post("/reindex", headers=WRITE).status_code == 200
            assert client.delete(f"/documents/{added.json()['doc_id']}", headers=WRITE).status_code == 200
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert statuses and set(statuses) == {200}


def test_openapi_documents_the_write_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    upload = schema["paths"]["/documents"]["post"]
    assert set(upload["requestBody"]["content"]) == {"multipart/form-data", "application/json"}
    assert {"201", "401", "403", "409", "413", "415", "422", "429", "503"} <= set(upload["responses"])
    assert upload["security"] == [{"APIKey": []}]
    assert {"200", "404", "409"} <= set(schema["paths"]["/documents/{doc_id}"]["delete"]["responses"])
