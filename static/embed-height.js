/* The embed's height, told to whatever page holds its iframe.

   One script for the live embed (inlined by components/ui/embed.py) and the static chart pages
   (inlined by components/publish/export.py). It measures the embed's content block, not the viewport,
   waits until the content is there (the expected number of charts drawn, images loaded), and then
   posts the height on every real change, debounced, in each host's own form:
     - this project's snippet: {type: "ru-asean-embed-height", height: px}
     - pym.js (NPR): "pymxPYMx" + childId + "xPYMxheightxPYMx" + px, when the iframe URL has a
       childId;
       a pym "width" message from the parent is answered with the height at once
     - AMP's amp-iframe (resizable): {sentinel: "amp", type: "embed-size", height: px}
     - Embedly / Medium style hosts: JSON {src, context: "iframe.resize", height: px}
   __CHARTS__ is replaced by the number of plotly charts to wait for (0: none).
   Streamlit passes st.html through DOMPurify, which drops a script whose text has a "<" followed
   by a letter, "/" or "!": none may appear below. */
(function (expectedCharts) {
  if (window.__ruAseanHeight) { return; }
  window.__ruAseanHeight = true;
  if (window.parent === window) { return; }  // opened on its own: nobody to tell
  var OWN_TYPE = "ru-asean-embed-height";
  var BLOCK = "[data-embed-content], .st-key-embed-content";
  var GIVE_UP_MS = 20000;  // post what there is by then, even if a chart never drew
  var started = Date.now();
  // pym.js puts its child id in the iframe's query; the app may rewrite its URL later.
  var childId = null;
  try { childId = new URLSearchParams(window.location.search).get("childId"); } catch (e) {}
  var last = 0, timer = null, pendingSince = 0, forced = false;

  function block() { return document.querySelector(BLOCK); }

  function ready(element) {
    if (Date.now() - started > GIVE_UP_MS) { return true; }
    var plots = element.querySelectorAll(".js-plotly-plot");
    if (plots.length < expectedCharts) { return false; }
    // Layers are enough, hidden or shown: a chart with layers has its height. (Unfixed,
    // Streamlit draws a chart hidden first; components/streamlit_compat/bundle_fixes.py explains.)
    for (var i = 0; i < plots.length; i++) {
      if (!plots[i].querySelector(".main-svg")) { return false; }
    }
    var images = element.querySelectorAll("img");
    for (var j = 0; j < images.length; j++) {
      if (!images[j].complete) { return false; }
    }
    return true;
  }

  function measure(element) {
    // The content's bottom edge from the top of the document, as if nothing were scrolled (an
    // iframe too short for its content scrolls inside), plus the block's own bottom padding.
    var scrolled = window.scrollY || 0;
    for (var node = element.parentElement; node; node = node.parentElement) {
      scrolled += node.scrollTop || 0;
    }
    return Math.ceil(element.getBoundingClientRect().bottom + scrolled);
  }

  function post(height) {
    var target = window.parent;
    target.postMessage({type: OWN_TYPE, height: height}, "*");
    target.postMessage({sentinel: "amp", type: "embed-size", height: height}, "*");
    target.postMessage(JSON.stringify({src: window.location.href, context: "iframe.resize",
                                       height: height}), "*");
    if (childId) {
      target.postMessage("pymxPYMx" + childId + "xPYMxheightxPYMx" + height, "*");
    }
  }

  function send(force) {
    var element = block();
    if (!element || !ready(element)) { return schedule(); }
    var height = measure(element);
    if (height > 0 && (force || Math.abs(height - last) >= 1)) {
      last = height;
      post(height);
    }
  }

  function schedule(force) {
    // Debounced: one measurement 120 ms after the last change. A timer, not an animation frame:
    // the browser runs no frames (nor resize observers) in an iframe outside the viewport, and
    // an embed further down the article must have its height before the reader gets there.
    // A stream of changes (a reader's pointer over the chart) delays it by 400 ms at most.
    var now = Date.now();
    if (force) { forced = true; }
    if (timer) {
      if (now - pendingSince > 400) { return; }
      clearTimeout(timer);
    } else {
      pendingSince = now;
    }
    timer = setTimeout(function () {
      timer = null;
      var wasForced = forced;
      forced = false;
      send(wasForced);
    }, 120);
  }

  window.addEventListener("message", function (event) {
    // pym.js asks for the height with a "width" message after load and on every resize.
    if (childId && typeof event.data === "string"
        && event.data.indexOf("pymxPYMx" + childId + "xPYMxwidthxPYMx") === 0) {
      schedule(true);
    }
  });
  window.addEventListener("resize", function () { schedule(); });
  window.addEventListener("load", function () { schedule(); });

  var observer = new ResizeObserver(function () { schedule(); });
  var watched = null;
  function watch() {
    // Streamlit may replace the block on a rerun: keep observing whichever is current. Any change
    // to the page schedules a measurement too, for the frames where resize observers wait.
    var element = block();
    if (element && element !== watched) {
      if (watched) { observer.unobserve(watched); }
      observer.observe(element);
      watched = element;
    }
    schedule();
  }
  new MutationObserver(watch).observe(document.body, {childList: true, subtree: true});
  watch();
  schedule();
})(__CHARTS__);
