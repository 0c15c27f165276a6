// The task pane shared by the Word and WPS add-ins: read the document through a host
// adapter, ask `doccheck serve` (the page's own origin), list the findings grouped by
// category, and select / apply a suggestion / comment per finding.
(function (global) {
  // Category labels come from the service (a plugin may add a category); the id stands in until then.
  let LABELS = {};
  const SEVERITY = { error: "错误", warning: "警告", info: "提示" };
  const $ = (id) => document.getElementById(id);

  function pickHost() {
    const wanted = new URLSearchParams(location.search).get("host") || global.DOCCHECK_HOST;
    if (wanted === "fake") return new global.FakeHost();
    if (wanted === "wps" || (!wanted && (global.wps || global.Application))) return new global.WpsHost();
    if (wanted === "word" || (!wanted && global.Word)) return new global.WordHost();
    return new global.FakeHost();
  }

  function TaskPane(host, api) {
    this.host = host;
    this.api = api || "";
    this.token = new URLSearchParams(location.hash.slice(1)).get("token");
    this.items = [];
  }

  TaskPane.prototype.check = async function () {
    $("status").textContent = "检查中……";
    const paragraphs = await this.host.getParagraphs();
    const headers = { "Content-Type": "application/json" };
    if (this.token) headers.Authorization = "Bearer " + this.token;
    let data;
    try {
      if (!Object.keys(LABELS).length) {
        const rules = await fetch(this.api + "/api/v1/rules", { headers });
        if (rules.ok) LABELS = Object.fromEntries((await rules.json()).categories.map((c) => [c.id, c.label]));
      }
      const res = await fetch(this.api + "/api/v1/check", {
        method: "POST", headers, body: JSON.stringify({ text: paragraphs.join("\n"), options: {} }),
      });
      data = await res.json();
      if (!res.ok) throw new Error((data.error && data.error.message) || res.statusText);
    } catch (e) {
      $("status").textContent = "检查失败：" + e.message + "（doccheck serve 是否在运行？）";
      return;
    }
    const starts = global.DoccheckOffsets.paragraphStarts(paragraphs);
    this.items = data.files[0].findings.map((f) => ({
      finding: f, loc: global.DoccheckOffsets.locate(paragraphs, starts, f), done: false,
    }));
    $("status").textContent = `共 ${this.items.length} 个问题`;
    $("check").textContent = "重新检查";
    this.render();
  };

  // After an edit, later spans in the same paragraph move by the change in length.
  TaskPane.prototype.shift = function (item, replacement) {
    const delta = replacement.length - (item.loc.end - item.loc.start);
    for (const other of this.items) {
      if (other !== item && other.loc.paragraph === item.loc.paragraph && other.loc.start >= item.loc.end) {
        other.loc = { ...other.loc, start: other.loc.start + delta, end: other.loc.end + delta };
      }
    }
  };

  TaskPane.prototype.render = function () {
    const groups = {};
    this.items.forEach((item, i) => (groups[item.finding.category] ||= []).push([item, i]));
    const summary = $("summary");
    summary.textContent = "";
    const main = $("findings");
    main.textContent = "";
    for (const [category, entries] of Object.entries(groups)) {
      const chip = document.createElement("span");
      chip.className = "chip";
      chip.dataset.category = category;
      chip.textContent = `${LABELS[category] || category} ${entries.length}`;
      summary.appendChild(chip);
      const section = document.createElement("section");
      section.className = "group";
      section.dataset.category = category;
      const h = document.createElement("h2");
      h.textContent = `${LABELS[category] || category}（${entries.length}）`;
      section.appendChild(h);
      for (const [item, i] of entries) section.appendChild(this.card(item, i));
      main.appendChild(section);
    }
  };

  TaskPane.prototype.card = function (item, i) {
    const f = item.finding;
    const div = document.createElement("div");
    div.className = `finding ${f.severity}` + (item.done ? " done" : "");
    div.dataset.rule = f.rule;
    div.dataset.index = i;
    const msg = document.createElement("div");
    msg.textContent = `${SEVERITY[f.severity]}：${f.message}`;
    const ex = document.createElement("div");
    ex.className = "excerpt";
    ex.textContent = f.excerpt;
    const rule = document.createElement("div");
    rule.className = "rule";
    rule.textContent = `${f.rule} · 第${f.line}行第${f.column}列`;
    const actions = document.createElement("div");
    actions.className = "actions";
    const button = (label, cls, fn) => {
      const b = document.createElement("button");
      b.type = "button";
      b.className = cls;
      b.textContent = label;
      b.addEventListener("click", async () => {
        try { await fn(); } catch (e) { $("status").textContent = "操作失败：" + e.message; }
      });
      actions.appendChild(b);
    };
    button("定位", "select", () => this.host.select(item.loc));
    for (const s of f.suggestions) {
      button(`采纳“${s || "（删除）"}”`, "apply primary", async () => {
        await this.host.replace(item.loc, s);
        this.shift(item, s);
        item.done = true;
        this.render();
      });
    }
    button("添加批注", "comment", () =>
      this.host.comment(item.loc, `[doccheck ${f.rule}] ${f.message}` +
        (f.suggestions.length ? `\n建议：${f.suggestions.join(" / ")}` : "")));
    div.append(msg, ex, rule, actions);
    return div;
  };

  global.addEventListener("DOMContentLoaded", () => {
    const pane = new TaskPane(pickHost(), "");
    global.doccheckPane = pane;
    global.fakeHost = pane.host.name === "fake" ? pane.host : undefined;
    if (pane.host.render) pane.host.render();
    $("check").addEventListener("click", () => pane.check());
    $("check").textContent = "检查";
  });
  global.TaskPane = TaskPane;
})(window);
