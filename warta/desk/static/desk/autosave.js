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
 * While the server cannot be reached, the typing is also kept in this browser
 * (localStorage, per address). When the form is opened again, the server has not
 * saved since and the copy differs from the form, the page offers it back: restoring
 * posts it as an autosave, so the server's checks apply, and reloads the page; on the
 * add form (where the autosave may lack a required field) it posts the form itself.
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

    // --- the copy in this browser, for when the connection is gone ---------------

    var COPY_KEY = "warta-desk-copy:" + location.pathname;
    var COPY_EVERY_MS = 3000;

    function keepCopy() {
      var snapshot = serialize();
      if (snapshot === lastSaved) {
        dropCopy();
        return;
      }
      try {
        localStorage.setItem(COPY_KEY, JSON.stringify({
          fields: snapshot, base: base.value, at: Date.now(), title: form.elements.title.value,
        }));
      } catch (error) { /* storage full or disabled: the server autosave still runs */ }
    }

    function dropCopy(key) {
      try { localStorage.removeItem(key || COPY_KEY); } catch (error) { /* nothing kept */ }
    }

    function storedCopy() {
      try {
        return JSON.parse(localStorage.getItem(COPY_KEY) || "null");
      } catch (error) {
        return null;
      }
    }

    function offerCopy() {
      var copy = storedCopy();
      if (!copy || !copy.fields) {
        return;
      }
      if (copy.fields === serialize() || String(copy.base) !== base.value) {
        // The server has it already, or has saved since (the last autosave, sent as the
        // page closed, did arrive): the copy is not newer than what the form shows.
        dropCopy();
        return;
      }
      var offer = document.createElement("div");
      offer.className = "desk-copy-offer errornote";
      offer.setAttribute("role", "alert");
      var text = document.createElement("p");
      text.textContent = "Ada ketikan yang belum tersimpan di peramban ini (" +
        clock(new Date(copy.at).toISOString()) + (copy.title ? ", “" + copy.title + "”" : "") +
        "), mungkin karena koneksi terputus." + (status.dataset.lockUrl ? "" :
        " Bila draf itu sudah ada di daftar berita, buang salinan ini.");
      var restore = document.createElement("button");
      restore.type = "button";
      restore.className = "button desk-copy-restore";
      restore.textContent = "Pulihkan ketikan";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "button desk-copy-discard";
      discard.textContent = "Buang salinan";
      offer.append(text, restore, " ", discard);
      form.parentNode.insertBefore(offer, form);
      discard.addEventListener("click", function () {
        dropCopy();
        offer.remove();
      });
      restore.addEventListener("click", function () {
        if (!status.dataset.lockUrl) {
          restoreByPosting(copy);  // a new article: the form itself takes the copy
          return;
        }
        var body = new URLSearchParams(copy.fields);
        body.set("base_version", copy.base);
        restore.disabled = true;
        post(status.dataset.url, body, false)
          .then(function (response) {
            return response.json().then(function (data) {
              if (!response.ok) {
                text.textContent = data.error || "Ketikan tidak dapat dipulihkan.";
                return;
              }
              dropCopy();
              location.replace(data.change_url || location.href);
            });
          })
          .catch(function () {
            restore.disabled = false;
            text.textContent = "Koneksi masih terputus; coba pulihkan lagi sebentar lagi.";
          });
      });
    }

    function restoreByPosting(copy) {
      // The add form posted with the copy: a complete one becomes the draft, and one
      // still missing a required field (a reporter to credit) comes back filled in,
      // the prose editor included, with the field's error beside it.
      dropCopy();
      var carrier = document.createElement("form");
      carrier.method = "post";
      carrier.action = form.action;
      carrier.hidden = true;
      var fieldsToPost = new URLSearchParams(copy.fields);
      fieldsToPost.set("csrfmiddlewaretoken", token ? token.value : "");
      fieldsToPost.set("_continue", "1");
      fieldsToPost.forEach(function (value, name) {
        var input = document.createElement("textarea");
        input.name = name;
        input.value = value;
        carrier.appendChild(input);
      });
      document.body.appendChild(carrier);
      carrier.submit();
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
              if (serialize() === snapshot) {
                dropCopy();
              }
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
      dropCopy();  // the add form's copy: the article now exists on the server
      history.replaceState(history.state, "", created.change_url);
      COPY_KEY = "warta-desk-copy:" + location.pathname;
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
      dropCopy();  // the manual save carries all of it
    });

    setInterval(function () {
      if (document.visibilityState === "visible") {
        beat(false);
      }
    }, INTERVAL_MS);
    setInterval(function () {
      if (!submitting) {
        keepCopy();
      }
    }, COPY_EVERY_MS);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") {
        beat(true);
      }
    });
    window.addEventListener("pagehide", function () {
      if (!submitting) {
        keepCopy();
      }
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
    offerCopy();
    heartbeat();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
