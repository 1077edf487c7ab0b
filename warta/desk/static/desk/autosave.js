/* Autosave and the soft edit lock on the article change form.
 *
 * Every 30 s, when the form changed, it is posted to the autosave endpoint; also when
 * the page is hidden or left (fetch keepalive outlives the page). The returned version
 * goes into base_version, so the editor's own next save is not refused as stale. The
 * same beat refreshes the edit lock and shows who else is editing.
 *
 * On the add form, the first autosave creates the article as a Draf and answers its
 * change form's address: the page moves there (history.replaceState, and the form
 * posts there), so later autosaves and the manual save update that one article.
 *
 * The prose editor writes its HTML into the textarea #id_body on every change, so
 * FormData sees the body like any other field. Changes are found by comparing the
 * serialized form, which also catches widgets that set values without input events
 * (select2 tags, the raw-id photo lookup).
 */
(function () {
  "use strict";

  var INTERVAL_MS = 30000;

  function start() {
    var status = document.getElementById("desk-autosave");
    var form = document.getElementById("article_form");
    var base = form && form.querySelector('input[name="base_version"]');
    if (!status || !base) {
      return;
    }
    var banner = document.getElementById("desk-lock");
    var token = form.querySelector('input[name="csrfmiddlewaretoken"]');
    var lastSaved = serialize();
    var inflight = null;
    var stopped = false;
    var submitting = false;

    var row = form.querySelector(".submit-row");
    if (row) {
      row.insertBefore(status, row.firstChild);
    }

    function fields() {
      var params = new URLSearchParams(new FormData(form));
      params.delete("base_version");
      params.delete("csrfmiddlewaretoken");
      return params;
    }

    function serialize() {
      return fields().toString();
    }

    function post(url, body, keepalive) {
      var options = {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: {"X-CSRFToken": token ? token.value : "", "Accept": "application/json"},
      };
      if (keepalive) {
        options.keepalive = true;
      }
      return fetch(url, options).catch(function (error) {
        // A keepalive body is limited to 64 KiB; a very long article goes without it.
        if (keepalive) {
          delete options.keepalive;
          return fetch(url, options);
        }
        throw error;
      });
    }

    function show(text, isError) {
      status.textContent = text;
      status.classList.toggle("errornote", Boolean(isError));
    }

    function showLock(holder) {
      if (!banner) {
        return;
      }
      var item = banner.querySelector("li");
      if (!holder) {
        banner.hidden = true;
        return;
      }
      item.textContent = "Berita ini sedang disunting oleh ";
      var name = document.createElement("strong");
      name.textContent = holder;
      item.appendChild(name);
      item.appendChild(document.createTextNode(
        ". Bila Anda ikut menyunting, simpanan yang datang belakangan akan ditolak."));
      banner.hidden = false;
    }

    function clock(iso) {
      var when = new Date(iso);
      var pad = function (n) { return (n < 10 ? "0" : "") + n; };
      return pad(when.getHours()) + ":" + pad(when.getMinutes());
    }

    function autosave(keepalive, leaving) {
      var snapshot = serialize();
      var body = fields();
      body.set("base_version", base.value);
      if (leaving) {
        body.set("lepas", "1");
      }
      inflight = post(status.dataset.url, body, keepalive)
        .then(function (response) {
          return response.json().then(function (data) {
            if (response.ok) {
              if (data.change_url) {
                adopt(data);
              }
              base.value = data.version;
              lastSaved = snapshot;
              show("Tersimpan otomatis " + clock(data.saved_at));
              showLock(data.holder);
              return;
            }
            if (response.status === 409 || response.status === 403) {
              // Nothing more will save: say why, and where the other changes are.
              stopped = true;
              show(data.error || "Simpan otomatis dihentikan.", true);
              if (data.changes_url) {
                var link = document.createElement("a");
                link.href = data.changes_url;
                link.textContent = " Lihat perubahannya.";
                status.appendChild(link);
              }
              return;
            }
            show(data.error || "Simpan otomatis gagal; dicoba lagi.", true);
          });
        })
        .catch(function () {
          show("Simpan otomatis gagal (koneksi terputus?); dicoba lagi.", true);
        })
        .finally(function () {
          inflight = null;
        });
      return inflight;
    }

    function adopt(created) {
      // From now on this page is the new article's change form.
      history.replaceState(history.state, "", created.change_url);
      form.action = created.change_url;
      status.dataset.url = created.autosave_url;
      status.dataset.lockUrl = created.lock_url;
    }

    function heartbeat() {
      if (!status.dataset.lockUrl) {
        return;  // a new article: nothing to lock yet
      }
      post(status.dataset.lockUrl, new URLSearchParams(), false)
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (data) { if (data) { showLock(data.holder); } })
        .catch(function () { /* the next beat tries again */ });
    }

    function beat(keepalive, leaving) {
      if (stopped || submitting || inflight) {
        return false;
      }
      if (serialize() !== lastSaved) {
        if (!status.dataset.lockUrl && !form.elements.title.value.trim()) {
          show("Ketik judul agar draf tersimpan otomatis.");
          return false;
        }
        autosave(keepalive, leaving);
        return true;
      }
      if (!keepalive) {
        heartbeat();
      }
      return false;
    }

    form.addEventListener("submit", function (event) {
      // Let a running autosave finish first: its version is the one this save is based on.
      if (inflight) {
        event.preventDefault();
        var submitter = event.submitter;
        inflight.then(function () { form.requestSubmit(submitter); });
        return;
      }
      submitting = true;
    });

    setInterval(function () {
      if (document.visibilityState === "visible") {
        beat(false);
      }
    }, INTERVAL_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        beat(true);
      }
    });
    window.addEventListener("pagehide", function () {
      // Leaving frees the article for others at once instead of after the lock expires;
      // a last autosave carries the release itself, so the two cannot arrive crossed.
      if (!beat(true, true) && status.dataset.lockUrl) {
        post(status.dataset.lockUrl, new URLSearchParams({lepas: "1"}), true)
          .catch(function () {});
      }
    });
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        heartbeat();  // back from the back/forward cache: take the lock again
      }
    });
    window.addEventListener("online", function () { beat(false); });
    heartbeat();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
