// WPS through its JS API (the VBA-like object model: ActiveDocument, Range, Comments).
(function (global) {
  function app() { return (global.wps && global.wps.WpsApplication && global.wps.WpsApplication()) || global.Application; }

  function WpsHost() { this.name = "wps"; }

  WpsHost.prototype.getParagraphs = async function () {
    const doc = app().ActiveDocument;
    const out = [];
    for (let i = 1; i <= doc.Paragraphs.Count; i++) {
      out.push(String(doc.Paragraphs.Item(i).Range.Text).replace(/[\r\n\u0007]+$/, ""));
    }
    return out;
  };

  function rangeFor(loc) {
    const doc = app().ActiveDocument;
    const p = doc.Paragraphs.Item(loc.paragraph + 1).Range;
    return doc.Range(p.Start + loc.start, p.Start + loc.end);
  }

  WpsHost.prototype.select = async function (loc) { rangeFor(loc).Select(); };
  WpsHost.prototype.replace = async function (loc, replacement) { rangeFor(loc).Text = replacement; };
  WpsHost.prototype.comment = async function (loc, message) {
    app().ActiveDocument.Comments.Add(rangeFor(loc), message);
  };
  global.WpsHost = WpsHost;
})(window);
