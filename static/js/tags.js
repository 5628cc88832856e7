// Suggestions for the tag field as you type: fills the <datalist> with existing tags that
// start with the last comma-separated word. Without JavaScript the field works as plain text.
(function () {
  "use strict";
  var script = document.currentScript;
  var input = document.querySelector("[data-tag-input]");
  var list = document.getElementById("tag-suggestions");
  if (!script || !input || !list) { return; }
  var url = script.getAttribute("data-url");
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
})();
