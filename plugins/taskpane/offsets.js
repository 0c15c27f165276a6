// doccheck reports offsets in code points of the joined text (paragraphs joined by "\n");
// Word, WPS and JavaScript count UTF-16 units. The conversion lives here and nowhere else.
(function (global) {
  function paragraphStarts(paragraphs) {
    const starts = [];
    let pos = 0;
    for (const p of paragraphs) {
      starts.push(pos);
      pos += Array.from(p).length + 1;
    }
    return starts;
  }

  function utf16(text, codePoints) {
    return Array.from(text).slice(0, codePoints).join("").length;
  }

  // A finding's span → {paragraph, start, end} in UTF-16 units within that paragraph.
  function locate(paragraphs, starts, finding) {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= finding.start) k++;
    const p = paragraphs[k] || "";
    const len = Array.from(p).length;
    const a = Math.min(finding.start - starts[k], len);
    const b = Math.min(Math.max(finding.end - starts[k], a), len);
    return { paragraph: k, start: utf16(p, a), end: utf16(p, b) };
  }

  global.DoccheckOffsets = { paragraphStarts, utf16, locate };
})(window);
