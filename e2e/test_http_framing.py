"""Bad framing and slow clients, on the wire: a malformed chunked body is a 400, and a client
that trickles its headers in, or sits idle, is cut off after the stated timeout."""
import json
import socket
import time
import urllib.parse

import pytest

from conftest import start_server

IDLE_TIMEOUT = 2


@pytest.fixture(scope="module")
def strict_server():
    process, base = start_server("--idle-timeout", str(IDLE_TIMEOUT))
    yield urllib.parse.urlparse(base)
    process.terminate()
    process.wait(timeout=20)


def connect(address):
    connection = socket.create_connection((address.hostname, address.port), timeout=10)
    return connection


def read_response(connection):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")), 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head.decode(), body


@pytest.mark.parametrize("chunk", [b"zz\r\nabc\r\n0\r\n\r\n", b"-5\r\nabc\r\n0\r\n\r\n", b"ffffffffffffffffffff\r\n"])
def test_malformed_chunked_body_is_400(strict_server, chunk):
    with connect(strict_server) as connection:
        connection.sendall(b"POST /api/v1/sessions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                           b"Transfer-Encoding: chunked\r\n\r\n" + chunk)
        head, body = read_response(connection)
    assert head.startswith("HTTP/1.1 400"), head
    assert "application/problem+json" in head
    assert json.loads(body)["status"] == 400


def wait_for_close(connection, limit):
    """Seconds until the server closes the connection, at most `limit`."""
    started = time.monotonic()
    connection.settimeout(limit)
    try:
        while connection.recv(65536):
            pass
    except (socket.timeout, TimeoutError):
        return None
    except ConnectionResetError:
        pass
    return time.monotonic() - started


def test_trickled_headers_are_cut_off(strict_server):
    with connect(strict_server) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        closed = False
        for _ in range(40):  # a header byte every quarter second, ten seconds at most
            try:
                connection.sendall(b"X")
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.25)
            if wait_for_close(connection, 0.01) is not None:
                closed = True
                break
        elapsed = time.monotonic() - started
    assert closed, "a client trickling its headers in was held open"
    assert elapsed < IDLE_TIMEOUT + 3


def test_idle_keep_alive_connection_is_closed(strict_server):
    with connect(strict_server) as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        head, _ = read_response(connection)
        assert head.startswith("HTTP/1.1 200")
        waited = wait_for_close(connection, IDLE_TIMEOUT + 5)
    assert waited is not None and waited < IDLE_TIMEOUT + 3
