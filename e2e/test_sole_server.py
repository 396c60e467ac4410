"""One `serve` per SQLite file: the serving process may hold what it wrote in memory as the
truth, so a second `serve` on the same file refuses to start and says why; once the first has
gone, even killed, the file can be served again."""
import subprocess
import tempfile

from conftest import _binary, start_server


def second_serve(database):
    return subprocess.run(
        [_binary(), "serve", "--port", "0", "--database-url", f"sqlite:{database}", "--ops-token", "e2e"],
        capture_output=True, text=True, timeout=120)


def test_a_second_serve_on_the_same_file_refuses_to_start():
    database = tempfile.mkdtemp(prefix="crossborder-e2e-") + "/sole.sqlite"
    first, _ = start_server(database=database)
    try:
        refused = second_serve(database)
        assert refused.returncode != 0
        assert "already serving" in refused.stderr + refused.stdout
    finally:
        first.kill()
        first.wait(timeout=20)
    again, base = start_server(database=database)
    again.terminate()
    again.wait(timeout=20)
    assert base.startswith("http://")
