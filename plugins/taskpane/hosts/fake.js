// A host that stands in for Word in tests and demos: an in-memory document whose
// operations are recorded, shown under the task pane.
(function (global) {
  const SAMPLE = [
    "关于召开全市防汛工作会议的通知",
    "各县（市、区）人民政府, 市政府各部门：",
    "经研究,决定于2025年4月31日召开全市防汛工作会仪。",
    "江州市人民政府",
    "2025年4月20日",
  ];

  function FakeHost(paragraphs) {
    this.name = "fake";
    this.paragraphs = (paragraphs || global.FAKE_DOCUMENT || SAMPLE).slice();
    this.selection = null;
    this.comments = [];
    this.log = [];
  }
  FakeHost.prototype.getParagraphs = async function () { return this.paragraphs.slice(); };
  FakeHost.prototype.select = async function (loc) {
    this.selection = loc;
    this.log.push(["select", loc.paragraph, loc.start, loc.end]);
    this.render();
  };
  FakeHost.prototype.replace = async function (loc, replacement) {
    const p = this.paragraphs[loc.paragraph];
    this.paragraphs[loc.paragraph] = p.slice(0, loc.start) + replacement + p.slice(loc.end);
    this.log.push(["replace", loc.paragraph, loc.start, loc.end, replacement]);
    this.render();
  };
  FakeHost.prototype.comment = async function (loc, message) {
    this.comments.push({ ...loc, message });
    this.log.push(["comment", loc.paragraph, loc.start, loc.end]);
    this.render();
  };
  FakeHost.prototype.render = function () {
    const el = document.getElementById("fake-doc");
    if (!el) return;
    el.hidden = false;
    el.textContent = "【模拟文档】\n" + this.paragraphs.join("\n") +
      (this.comments.length ? "\n【批注】" + this.comments.length + " 条" : "");
  };
  global.FakeHost = FakeHost;
})(window);
