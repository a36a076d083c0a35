/* report-miner: the review page's small script (no dependencies).
   Click a value ⇄ its marks in the text, selection → "add" form (display offsets from data-o),
   collapsible events, keyboard shortcuts, organisation search lists. Everything that changes data
   is an ordinary form POST with its CSRF token; without this script every form still works. */
(function () {
  "use strict";
  var text = document.getElementById("doc-text");
  var events = document.getElementById("events");
  var help = document.getElementById("help");
  var current = null;

  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function cssEscape(s) { return window.CSS && CSS.escape ? CSS.escape(s) : s.replace(/["\\]/g, "\\$&"); }

  /* --- value ⇄ marks ------------------------------------------------------------------ */
  function clearActive() {
    $all(".active").forEach(function (el) { el.classList.remove("active"); });
  }
  function showMarks(valueId) {
    clearActive();
    if (!text) return;
    var marks = $all('mark[data-value-id="' + cssEscape(valueId) + '"]', text);
    marks.forEach(function (m) { m.classList.add("active"); });
    if (marks.length) marks[0].scrollIntoView({block: "center", behavior: "smooth"});
  }
  function showValue(valueId, eventId) {
    if (!events) return;
    if (eventId !== null && eventId !== undefined) {
      var owner = document.getElementById("event-" + eventId);
      if (owner) openEvent(owner);
    }
    var row = events.querySelector('[data-value-id="' + cssEscape(valueId) + '"]');
    if (!row) return;
    var section = row.closest(".event");
    if (section) setCurrent(section, false);
    clearActive();
    row.classList.add("active");
    $all('mark[data-value-id="' + cssEscape(valueId) + '"]', text).forEach(function (m) { m.classList.add("active"); });
    row.scrollIntoView({block: "nearest", behavior: "smooth"});
  }
  /* a long document's event bodies come as <template>s (hundreds of forms would slow the page's
     load): an event's body is made when it is first opened */
  function ensureBody(section) {
    var t = section.querySelector("details > template.event-body");
    if (t) t.parentNode.replaceChild(t.content.cloneNode(true), t);
  }
  function openEvent(section) {
    ensureBody(section);
    var details = section.querySelector("details");
    if (details && !details.open) details.open = true;
  }
  if (events) {
    events.addEventListener("click", function (e) {
      if (e.target.closest("input, select, button, textarea, a, summary")) return;
      var val = e.target.closest(".val[data-value-id]");
      if (val) showMarks(val.getAttribute("data-value-id"));
    });
    events.addEventListener("focusin", function (e) {
      var section = e.target.closest(".event");
      if (section && section !== current) setCurrent(section, false);
    });
    events.addEventListener("toggle", function (e) {
      var section = e.target.closest && e.target.closest(".event");
      if (section && e.target.open && e.target.parentNode === section) {
        ensureBody(section);
        setCurrent(section, false, true);
      }
    }, true);
  }
  if (text) {
    text.addEventListener("click", function (e) {
      var sel = window.getSelection();
      if (sel && !sel.isCollapsed) return;  // selecting text, not clicking a value
      var mark = e.target.closest("mark[data-value-id]");
      if (mark) showValue(mark.getAttribute("data-value-id"), mark.getAttribute("data-event-id"));
    });
    text.addEventListener("mouseup", function () { setTimeout(prefill, 0); });
  }

  /* --- events: current, open, scroll ---------------------------------------------------- */
  var segments = text ? $all("[data-o]", text) : [];
  function segmentIndexAt(offset) {  // the last segment starting at or before offset (-1: none)
    var lo = 0, hi = segments.length - 1, best = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (+segments[mid].getAttribute("data-o") <= offset) { best = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return best;
  }
  function segmentAt(offset) { var i = segmentIndexAt(offset); return i < 0 ? null : segments[i]; }
  var shaded = [];
  function shadeRegions(section) {  // the stretch of text the current event was read from
    shaded.forEach(function (seg) { seg.classList.remove("in-event"); });
    shaded = [];
    (section && section.getAttribute("data-regions") || "").split(" ").forEach(function (pair) {
      var m = pair.match(/^(\d+)-(\d+)$/);
      if (!m) return;
      var end = +m[2], i = segmentIndexAt(+m[1]);
      for (; i >= 0 && i < segments.length && +segments[i].getAttribute("data-o") < end; i++) {
        segments[i].classList.add("in-event");
        shaded.push(segments[i]);
      }
    });
  }
  function setCurrent(section, scroll, keepOpen) {
    if (current) current.classList.remove("current");
    current = section;
    shadeRegions(section);
    if (!section) return;
    section.classList.add("current");
    var form = document.getElementById("add-value");
    if (form && form.elements.event) form.elements.event.value = section.getAttribute("data-event-id");
    if (!keepOpen) openEvent(section);
    if (scroll) {
      section.scrollIntoView({block: "start", behavior: "smooth"});
      var start = section.getAttribute("data-start");
      if (start !== "" && start !== null) {
        var seg = segmentAt(+start);
        if (seg) seg.scrollIntoView({block: "center", behavior: "smooth"});
      }
    }
  }
  function step(delta) {
    var all = $all(".event", events);
    if (!all.length) return;
    var i = all.indexOf(current);
    i = i < 0 ? (delta > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, i + delta));
    setCurrent(all[i], true);
  }
  function setAllOpen(open) {
    $all(".event", events).forEach(function (section) {
      if (open) openEvent(section); else section.querySelector("details").open = false;
    });
  }
  var expand = document.getElementById("expand-all"), collapse = document.getElementById("collapse-all");
  if (expand) expand.addEventListener("click", function () { setAllOpen(true); });
  if (collapse) collapse.addEventListener("click", function () { setAllOpen(false); });
  if (events && location.hash) {
    var target = document.getElementById(location.hash.slice(1));
    if (target && target.classList.contains("event")) setCurrent(target, true);
  }

  /* --- selection → add form ------------------------------------------------------------ */
  function pointOffset(node, offset) {
    if (node.nodeType === 3) {  // a text node inside a <span data-o>
      var seg = node.parentNode.closest("[data-o]");
      if (seg && seg.firstChild === node) return +seg.getAttribute("data-o") + offset;
    }
    var range = document.createRange();  // fallback: the text before the point
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }
  function selection() {
    var sel = window.getSelection();
    if (!text || !sel || sel.isCollapsed || !sel.rangeCount) return null;
    var range = sel.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    var start = pointOffset(range.startContainer, range.startOffset);
    var end = pointOffset(range.endContainer, range.endOffset);
    var s = range.toString();
    var lead = s.length - s.replace(/^\s+/, "").length, trail = s.length - s.replace(/\s+$/, "").length;
    start += lead; end -= trail;
    if (end <= start) return null;
    return {start: start, end: end, text: s.trim().replace(/\s+/g, " ")};
  }
  function eventFor(sel) {
    if (current) return current;
    var best = null;
    $all(".event", events).forEach(function (section) {
      var start = section.getAttribute("data-start");
      if (start !== "" && +start <= sel.start) best = section;
    });
    return best || events.querySelector(".event");
  }
  var MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"];
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function parseDate(s) {
    var m = s.match(/(\d{1,2})\.(\d{1,2})\.(\d{4})/);
    if (m) return m[3] + "-" + pad(+m[2]) + "-" + pad(+m[1]);
    m = s.toLowerCase().match(/(\d{1,2})\s+([а-яё]+)\s+(\d{4})/);
    if (m) {
      for (var i = MONTHS.length - 1; i >= 0; i--) {
        if (m[2].indexOf(MONTHS[i]) === 0 && (i !== 4 || /^ма[йяе]/.test(m[2]))) return m[3] + "-" + pad(i + 1) + "-" + pad(+m[1]);
      }
    }
    m = s.match(/\b(\d{4})-(\d{2})-(\d{2})\b/);
    return m ? m[0] : "";
  }
  function showKind(form) {
    var kind = form.elements.kind.value;
    $all("[class*='for-']", form).forEach(function (el) {
      el.hidden = !el.classList.contains("for-" + kind);
    });
  }
  $all("form.add-value").forEach(function (form) {
    showKind(form);
    form.elements.kind.addEventListener("change", function () { showKind(form); });
    form.elements.text.addEventListener("input", function () { form.elements.start.value = form.elements.end.value = ""; });
  });
  var addForm = document.getElementById("add-value");
  function fill(kind, sel) {
    var section = eventFor(sel);
    if (!section || !addForm) return null;
    setCurrent(section, false);
    var form = addForm;
    form.elements.event.value = section.getAttribute("data-event-id");
    if (kind) form.elements.kind.value = kind;
    form.elements.text.value = sel.text;
    form.elements.start.value = sel.start;
    form.elements.end.value = sel.end;
    var digits = sel.text.replace(/[\s\u00a0]/g, "").match(/\d+/);
    if (form.elements.count) form.elements.count.value = digits ? digits[0] : "";
    if (form.elements.value) form.elements.value.value = parseDate(sel.text);
    showKind(form);
    form.classList.add("prefilled");
    return form;
  }
  if (addForm) {
    addForm.elements.event.addEventListener("change", function () {
      var section = document.getElementById("event-" + addForm.elements.event.value);
      if (section) setCurrent(section, true, true);
    });
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest("button.add-here");
    if (!button || !addForm) return;
    addForm.elements.event.value = button.getAttribute("data-for-event");
    addForm.elements.start.value = addForm.elements.end.value = "";
    addForm.scrollIntoView({block: "nearest"});
    addForm.elements.text.focus();
  });
  function prefill() {
    var sel = selection();
    if (sel) fill(null, sel);
  }
  function addSelection(kind) {
    var sel = selection();
    if (!sel) return;
    var form = fill(kind, sel);
    if (!form) return;
    if (kind === "date" && !form.elements.value.value) { form.elements.value.focus(); return; }
    if (kind === "count" && !form.elements.count.value) { form.elements.count.focus(); return; }
    form.requestSubmit ? form.requestSubmit() : form.submit();
  }

  /* --- organisation lists --------------------------------------------------------------- */
  var list = document.getElementById("org-options"), timer = null;
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.classList || !input.classList.contains("org-search")) return;
    clearTimeout(timer);
    var q = input.value.trim();
    if (!list || q.length < 2 || /^#?\d+\s·/.test(q)) return;
    timer = setTimeout(function () {
      fetch(list.getAttribute("data-search") + "?q=" + encodeURIComponent(q), {headers: {"Accept": "application/json"}})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (orgs) {
          list.textContent = "";
          orgs.forEach(function (o) {
            var opt = document.createElement("option");
            opt.value = o.id + " · " + o.name + (o.city ? " (" + o.city + ")" : "");
            list.appendChild(opt);
          });
        });
    }, 200);
  });

  document.addEventListener("submit", function (e) {
    var message = e.target.getAttribute && e.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) e.preventDefault();
  });

  /* --- keyboard ------------------------------------------------------------------------- */
  function toggleHelp(show) { if (help) help.hidden = show === undefined ? !help.hidden : !show; }
  var helpButton = document.getElementById("help-button");
  if (helpButton) helpButton.addEventListener("click", function () { toggleHelp(); });
  var KINDS = {o: "organisation", p: "person", c: "count", d: "date", l: "location", t: "title"};
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable]")) {
      if (e.key === "Escape") e.target.blur();
      return;
    }
    // letters by the key's place, so the shortcuts work with the Russian layout on too (j is "о" there)
    var key = /^Key[A-Z]$/.test(e.code || "") && !e.shiftKey ? e.code.slice(3).toLowerCase() : e.key;
    if (e.key === "?" || (e.code === "Slash" && e.shiftKey)) key = "?";
    if (key === "?") { toggleHelp(); e.preventDefault(); return; }
    if (key === "Escape") { toggleHelp(false); clearActive(); return; }
    if (!events) return;
    if (key === "j") { step(1); e.preventDefault(); }
    else if (key === "k") { step(-1); e.preventDefault(); }
    else if (key === "Enter" && current && !e.target.closest("summary, button, a")) {
      var d = current.querySelector("details"); d.open = !d.open; e.preventDefault();
    }
    else if (key === "a") {
      var approve = document.getElementById("approve-form");
      var button = document.getElementById("approve-button");
      if (approve && button && !button.disabled) { approve.requestSubmit ? approve.requestSubmit() : approve.submit(); }
    }
    else if (KINDS[key]) { addSelection(KINDS[key]); e.preventDefault(); }
  });
})();
