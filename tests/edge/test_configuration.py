"""The edge's settings fail loudly when a cache tier is configured half-way, and
`warta nginx-config` writes a configuration nginx accepts, from checked values only."""

import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.processes import require_binary
from tests.test_settings import run_with
from warta.edge.nginx import ConfigError, EdgeSite, site_config

PRINT_EDGE = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.CACHE_NODES, settings.CACHE_REFRESH_SECRET, "
    "settings.CACHES['default']['BACKEND'], settings.SECURE_PROXY_SSL_HEADER)"
)
SECRET = "a-secret-of-enough-length_42"


def test_cache_nodes_without_a_refresh_secret_refuse_to_start(tmp_path):
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_CACHE_NODES": "http://10.0.0.5",
        },
        PRINT_EDGE,
    )
    assert result.returncode != 0
    assert "WARTA_CACHE_REFRESH_SECRET" in result.stderr


def test_a_cache_node_is_a_base_url(tmp_path):
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_CACHE_NODES": "10.0.0.5:80",
            "WARTA_CACHE_REFRESH_SECRET": SECRET,
        },
        PRINT_EDGE,
    )
    assert result.returncode != 0
    assert "WARTA_CACHE_NODES lists base URLs" in result.stderr


def test_the_refresh_secret_may_come_from_a_file(tmp_path):
    secret_file = tmp_path / "refresh"
    secret_file.write_text(SECRET + "\n")
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_CACHE_NODES": "http://10.0.0.5/, http://10.0.0.6:8080",
            "WARTA_CACHE_REFRESH_SECRET_FILE": str(secret_file),
            "WARTA_REDIS_URL": "redis://127.0.0.1:6379/3",
            "WARTA_TRUSTED_PROXY_COUNT": "1",
        },
        PRINT_EDGE,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "['http://10.0.0.5',",
        "'http://10.0.0.6:8080']",
        SECRET,
        "warta.common.redis_cache.ForgivingRedisCache",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ]


def test_a_secret_nginx_could_misread_is_refused(tmp_path):
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_CACHE_REFRESH_SECRET": 'abc"; return 200; #xxxxxxxx',
        },
        PRINT_EDGE,
    )
    assert result.returncode != 0
    assert "letters, digits" in result.stderr


def site(**changes) -> EdgeSite:
    values = {
        "public_url": "https://warta.example",
        "upstreams": ["10.0.0.11:8000", "10.0.0.12:8000"],
        "static_root": "/srv/warta/var/static",
        "media_root": "/srv/warta/var/media",
        "cache_dir": "/var/cache/nginx/warta",
        "refresh_secret": SECRET,
        **changes,
    }
    return EdgeSite(**values)


@pytest.mark.parametrize(
    "changes",
    [
        {"upstreams": ["10.0.0.11:8000; include /etc/passwd"]},
        {"upstreams": []},
        {"public_url": "https://warta.example/berita"},
        {"public_url": "ftp://warta.example"},
        {"public_url": 'https://warta.example"x'},
        {"server_names": ["warta.example { }"]},
        {"static_root": "/srv/my static"},
        {"refresh_secret": "short"},
        {"cache_size": "lots"},
    ],
)
def test_values_that_cannot_go_into_the_configuration_are_refused(changes):
    with pytest.raises(ConfigError):
        site_config(site(**changes))


def test_the_app_is_asked_with_the_public_host_and_scheme_and_the_secret_is_mapped():
    config = site_config(site())
    assert 'proxy_set_header Host "warta.example";' in config
    assert "proxy_set_header X-Forwarded-Proto https;" in config
    assert f'"{SECRET}" 1;' in config
    assert "server 10.0.0.11:8000" in config and "server 10.0.0.12:8000" in config


def test_without_a_secret_no_request_can_refresh():
    config = site_config(site(refresh_secret=""))
    mapping = config.split("map $http_x_warta_refresh $warta_refresh {")[1].split("}")[0]
    assert mapping.split() == ["default", "0;"]


def test_the_example_in_deploy_is_what_the_command_writes(settings):
    example = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "warta.conf"
    settings.CACHE_REFRESH_SECRET = "REPLACE-WITH-THE-REFRESH-SECRET"
    settings.STATIC_ROOT = "/srv/warta/var/static"
    settings.MEDIA_ROOT = "/srv/warta/var/media"
    settings.MAX_UPLOAD_BYTES = 10 * 1024 * 1024
    out = StringIO()
    call_command(
        "nginx-config",
        "--public-url=https://warta.example",
        "--server-name=warta.example",
        "--upstream=10.0.0.11:8000",
        "--upstream=10.0.0.12:8000",
        "--beacon-upstream=10.0.0.11:8001",
        "--beacon-upstream=10.0.0.12:8001",
        stdout=out,
    )
    assert example.read_text() == out.getvalue()


def test_nginx_accepts_the_standalone_configuration(tmp_path, settings):
    nginx = require_binary("nginx", "nginx-light")
    settings.CACHE_REFRESH_SECRET = SECRET
    call_command(
        "nginx-config",
        "--public-url=http://127.0.0.1:8080",
        "--listen=127.0.0.1:8080",
        "--upstream=127.0.0.1:8000",
        f"--standalone={tmp_path}",
        stdout=StringIO(),
    )
    result = subprocess.run(
        [nginx, "-t", "-e", "stderr", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_the_command_reports_a_bad_value_as_an_error():
    with pytest.raises(CommandError, match="--upstream"):
        call_command("nginx-config", "--public-url=https://warta.example", "--upstream=nope")


def test_beacons_go_to_the_beacon_service_when_there_is_one():
    with_service, without = StringIO(), StringIO()
    common = ["nginx-config", "--public-url=https://warta.example", "--upstream=10.0.0.11:8000"]
    call_command(*common, "--beacon-upstream=10.0.0.11:8001", stdout=with_service)
    call_command(*common, stdout=without)
    assert "server 10.0.0.11:8001" in with_service.getvalue()
    assert "proxy_pass http://warta_beacon;" in with_service.getvalue()
    assert "warta_beacon" not in without.getvalue()
    assert "location = /b {\n        proxy_pass http://warta_app;" in without.getvalue()
