// Comfort only: hides the questions of a catalogue form whose "show if"
// condition does not hold, as the answers change. The server applies the
// same rules on submit (package forms), so the page works without this.
(function () {
  "use strict";
  var form = document.getElementById("catalog-form");
  if (!form) { return; }
  var questions = Array.prototype.slice.call(form.querySelectorAll(".form-question"));

  function values(key, shown) {
    if (!shown[key]) { return []; }
    var out = [];
    form.querySelectorAll('[name="q_' + key + '"]').forEach(function (el) {
      if (el.type === "radio" || el.type === "checkbox") {
        if (el.checked) { out.push(el.value); }
      } else if (el.tagName === "SELECT") {
        Array.prototype.forEach.call(el.selectedOptions, function (o) { if (o.value) { out.push(o.value); } });
      } else if (el.type === "file") {
        if (el.files && el.files.length) { out.push(el.files[0].name); }
      } else if (el.value.trim() !== "") {
        out.push(el.value.trim());
      }
    });
    return out;
  }

  function holds(op, want, vals) {
    var w = (want || "").toLowerCase();
    var lower = vals.map(function (v) { return v.toLowerCase(); });
    switch (op) {
      case "empty": return vals.length === 0;
      case "not_empty": return vals.length > 0;
      case "equals": return lower.indexOf(w) >= 0;
      case "not_equals": return lower.indexOf(w) < 0;
      case "contains": return lower.some(function (v) { return v.indexOf(w) >= 0; });
    }
    return false;
  }

  function update() {
    var shown = {};
    questions.forEach(function (q) {
      var dep = q.dataset.showQuestion;
      var ok = !dep || holds(q.dataset.showOp, q.dataset.showValue, values(dep, shown));
      shown[q.dataset.key] = ok;
      q.hidden = !ok;
    });
  }

  form.addEventListener("change", update);
  form.addEventListener("input", update);
  update();
})();
