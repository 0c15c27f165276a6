// Word through Office.js. Word has no character-offset ranges, so a span is found by
// searching its text inside the paragraph and taking the occurrence at the right offset.
(function (global) {
  function WordHost() { this.name = "word"; }

  WordHost.prototype.getParagraphs = function () {
    return Word.run(async (context) => {
      const ps = context.document.body.paragraphs;
      ps.load("items/text");
      await context.sync();
      return ps.items.map((p) => p.text);
    });
  };

  async function rangeFor(context, loc) {
    const ps = context.document.body.paragraphs;
    ps.load("items/text");
    await context.sync();
    const p = ps.items[loc.paragraph];
    const target = p.text.slice(loc.start, loc.end);
    if (!target) return p.getRange("Whole");
    let nth = 0;
    for (let i = p.text.indexOf(target); i !== -1 && i < loc.start; i = p.text.indexOf(target, i + 1)) nth++;
    const hits = p.search(target, { matchCase: true, matchWildcards: false });
    hits.load("items");
    await context.sync();
    return hits.items[Math.min(nth, hits.items.length - 1)] || p.getRange("Whole");
  }

  WordHost.prototype.select = function (loc) {
    return Word.run(async (context) => { (await rangeFor(context, loc)).select(); await context.sync(); });
  };
  WordHost.prototype.replace = function (loc, replacement) {
    return Word.run(async (context) => {
      if (loc.start === loc.end) {
        // An insertion (a missing colon): after the text that precedes the point.
        const ps = context.document.body.paragraphs;
        ps.load("items/text");
        await context.sync();
        const p = ps.items[loc.paragraph];
        if (loc.start === 0) {
          p.insertText(replacement, "Start");
        } else {
          const before = { paragraph: loc.paragraph, start: Math.max(0, loc.start - 10), end: loc.start };
          (await rangeFor(context, before)).insertText(replacement, "After");
        }
      } else {
        (await rangeFor(context, loc)).insertText(replacement, "Replace");
      }
      await context.sync();
    });
  };
  WordHost.prototype.comment = function (loc, message) {
    return Word.run(async (context) => {
      (await rangeFor(context, loc)).insertComment(message); // WordApi 1.4
      await context.sync();
    });
  };
  global.WordHost = WordHost;
})(window);
