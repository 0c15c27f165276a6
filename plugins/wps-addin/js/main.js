// WPS JS add-in entry: a ribbon button that opens the shared task pane (served by
// doccheck serve at the same origin as this add-in) with the WPS host adapter.
var DOCCHECK_PANE_KEY = "doccheck_taskpane_id";

function taskpaneUrl() {
  // this file is served from …/wps/js/main.js; the task pane lives at …/taskpane/
  var base = document.location.href.replace(/\/wps\/.*$/, "");
  return base + "/taskpane/index.html?host=wps";
}

function OnAddinLoad(ribbonUI) {
  if (typeof window.Application.ribbonUI !== "object") {
    window.Application.ribbonUI = ribbonUI;
  }
  return true;
}

function OnAction(control) {
  if (control.Id !== "btnShowTaskPane") return true;
  var app = window.Application;
  var id = app.PluginStorage.getItem(DOCCHECK_PANE_KEY);
  if (!id) {
    var pane = app.CreateTaskPane(taskpaneUrl());
    app.PluginStorage.setItem(DOCCHECK_PANE_KEY, pane.ID);
    pane.Visible = true;
  } else {
    var existing = app.GetTaskPane(id);
    existing.Visible = !existing.Visible;
  }
  return true;
}

function GetImage(control) {
  return "images/icon.png";
}
