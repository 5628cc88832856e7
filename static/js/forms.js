// Small helps for the site's forms, each only where its markup is (one script, so a page with
// a form still needs at most three requests). Without JavaScript every form works the same.
(function () {
  "use strict";

  // Suggestions for the tag field as you type: fills the <datalist> with existing tags that
  // start with the last comma-separated word.
  var script = document.currentScript;
  var input = document.querySelector("[data-tag-input]");
  var list = document.getElementById("tag-suggestions");
  var url = script && script.getAttribute("data-url");
  if (input && list && url) {
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var parts = input.value.split(",");
        var last = parts.pop().trim();
        if (last.length < 2) { return; }
        var head = parts.map(function (p) { return p.trim(); }).filter(Boolean);
        fetch(url + "?q=" + encodeURIComponent(last), { credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.json() : { tags: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.tags.forEach(function (name) {
              var option = document.createElement("option");
              option.value = head.concat([name]).join(", ");
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 200);
    });
  }

  // Countries ticked region by region (network.forms.RegionCheckboxes): a filter as you type,
  // whatever the case and accents, that opens the regions where a name matches; and each
  // region's count of ticked countries kept up to date.
  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var plural = new Intl.PluralRules(document.documentElement.lang || "en");
  document.querySelectorAll(".region-choices").forEach(function (box) {
    var regions = Array.prototype.slice.call(box.querySelectorAll("details"));
    box.addEventListener("change", function (event) {
      var region = event.target.closest("details");
      var count = region.querySelectorAll("input:checked").length;
      var words = box.getAttribute(plural.select(count) === "one" ? "data-one" : "data-other");
      region.querySelector("summary .meta").textContent =
        count ? words.replace("{n}", count) : "";
    });
    var label = document.createElement("label");
    var filter = document.createElement("input");
    label.textContent = box.getAttribute("data-filter");
    filter.type = "search";
    filter.autocomplete = "off";
    label.appendChild(filter);
    box.insertBefore(label, box.firstChild);
    var opened = null; // which regions were open before filtering, to open them again after
    filter.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); } // not a submit
    });
    filter.addEventListener("input", function () {
      var query = folded(filter.value);
      if (query && !opened) {
        opened = regions.map(function (region) { return region.open; });
      }
      regions.forEach(function (region, index) {
        var matches = 0;
        region.querySelectorAll("fieldset label").forEach(function (choice) {
          var match = !query || folded(choice.textContent).indexOf(query) !== -1;
          choice.hidden = !match;
          matches += match ? 1 : 0;
        });
        region.hidden = matches === 0;
        region.open = query ? matches > 0 : Boolean(opened && opened[index]);
      });
      if (!query) { opened = null; }
    });
  });
})();
