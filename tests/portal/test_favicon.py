"""Pages that name no icon still get the site's."""


def test_favicon_ico_leads_to_the_sites_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].startswith("/static/portal/favicon")
    assert response["Location"].endswith(".svg")
