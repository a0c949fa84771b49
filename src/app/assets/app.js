// unionplan's workbench: the page. It holds no plan logic: every check,
// rendering and file operation is a request to the server, which runs the
// same library functions as the command line (src/app/api.rs).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  // The secret of this run, from the address printed at start (after #):
  // every request carries it; no cookie, so no other page can.
  const token = location.hash.slice(1);

  const state = {
    name: null, // the plan open, relative to the folder
    version: null, // the version of it on disk when read or saved
    dirty: false,
    checkSeq: 0,
    timer: null,
    plans: [],
    year: null,
  };

  async function api(path, options) {
    options = options || {};
    const headers = Object.assign({ "X-Unionplan-Token": token }, options.headers || {});
    const response = await fetch("/api/" + path, Object.assign({}, options, { headers, cache: "no-store" }));
    const kind = response.headers.get("Content-Type") || "";
    const body = kind.startsWith("application/json") ? await response.json() : { message: await response.text() };
    if (!response.ok) {
      const error = new Error(body.message || response.statusText);
      error.code = body.code;
      error.status = response.status;
      throw error;
    }
    return body;
  }

  const q = (params) => Object.entries(params)
    .map(([k, v]) => encodeURIComponent(k) + "=" + encodeURIComponent(v)).join("&");

  function say(text, links) {
    const status = $("status");
    status.textContent = text;
    (links || []).forEach((f) => {
      const a = document.createElement("a");
      a.href = "/api/file?" + q({ name: f.name, token });
      a.textContent = "下载 " + f.name;
      a.download = f.name.split("/").pop();
      status.append(" ", a);
    });
  }

  function message(title, body, buttons) {
    return new Promise((resolve) => {
      const dialog = $("message-dialog");
      $("message-title").textContent = title;
      const content = $("message-body");
      content.replaceChildren();
      (Array.isArray(body) ? body : [body]).forEach((part) => {
        if (typeof part === "string") {
          const p = document.createElement("p");
          p.textContent = part;
          content.append(p);
        } else {
          content.append(part);
        }
      });
      const menu = $("message-buttons");
      menu.replaceChildren();
      (buttons || [["ok", "知道了"]]).forEach(([value, label]) => {
        const b = document.createElement("button");
        b.value = value;
        b.textContent = label;
        menu.append(b);
      });
      dialog.onclose = () => resolve(dialog.returnValue);
      dialog.showModal();
    });
  }

  function pre(lines) {
    const p = document.createElement("pre");
    p.textContent = lines.join("\n");
    return p;
  }

  // --- The editor -------------------------------------------------------

  let editor = null;
  // For the browser test, which types into the editor as a user would.
  window.workbench = { editor: null };

  function makeEditor(fields) {
    editor = window.workbench.editor = UnionplanEditor.create($("editor"), {
      doc: "",
      fields,
      onChange() {
        if (!state.name) return;
        setDirty(true);
        clearTimeout(state.timer);
        state.timer = setTimeout(check, 250);
      },
      onCursor(line, lines) {
        const frame = $("preview");
        const doc = frame.contentDocument;
        if (!doc || !doc.scrollingElement) return;
        const el = doc.scrollingElement;
        el.scrollTop = Math.max(0, (line / Math.max(lines, 1)) * el.scrollHeight - frame.clientHeight / 2);
      },
    });
  }

  function setDirty(dirty) {
    state.dirty = dirty;
    $("dirty").hidden = !dirty;
  }

  async function check() {
    if (!state.name) return;
    const seq = ++state.checkSeq;
    let result;
    try {
      result = await api("check?" + q({ name: state.name }), { method: "POST", body: editor.text() });
    } catch (e) {
      say(e.message);
      return;
    }
    if (seq !== state.checkSeq) return; // an older answer, overtaken
    if (result.district) {
      showProblems([]);
      document.body.dataset.checked = String(seq);
      say("这是一个区县文件：点上面的“一个区的各校计划”，生成每所学校的计划。");
      return;
    }
    showProblems(result.problems);
    if (result.html) {
      const frame = $("preview");
      const scroll = frame.contentDocument && frame.contentDocument.scrollingElement
        ? frame.contentDocument.scrollingElement.scrollTop : 0;
      frame.onload = () => {
        const doc = frame.contentDocument;
        if (!doc || !doc.scrollingElement) return;
        // The page is A4 wide; shown whole, scaled to the pane.
        const root = doc.documentElement;
        const wide = root.scrollWidth;
        if (wide > root.clientWidth) root.style.zoom = String(Math.floor((root.clientWidth / wide) * 100) / 100);
        doc.scrollingElement.scrollTop = scroll;
      };
      frame.srcdoc = result.html;
    }
    const errors = result.problems.filter((p) => p.severity === "error").length;
    const warnings = result.problems.length - errors;
    document.body.dataset.checked = String(seq);
    say(errors ? `有 ${errors} 处错误，改正后右边的预览会更新。`
      : warnings ? `没有错误，有 ${warnings} 处提醒。` : "没有问题。");
  }

  function showProblems(problems) {
    editor.setProblems(problems.filter((p) => p.here && p.line).map((p) => ({
      line: p.line, column: p.column, severity: p.severity,
      message: p.message + (p.help ? "\n提示：" + p.help : ""),
    })));
    const list = $("problems");
    list.replaceChildren();
    problems.forEach((p) => {
      const li = document.createElement("li");
      li.className = p.severity;
      li.textContent = p.text;
      li.dataset.code = p.code;
      if (p.line) {
        li.dataset.line = p.line;
        li.onclick = () => editor.goTo(p.line);
      }
      list.append(li);
    });
  }

  // --- Plans ------------------------------------------------------------

  async function loadPlans() {
    const result = await api("plans");
    // The folder's own name; its whole path on hover.
    $("folder").textContent = result.folder.split(/[\\/]/).filter(Boolean).pop() || result.folder;
    $("folder").title = result.folder;
    state.plans = result.plans;
    const list = $("plans");
    list.replaceChildren();
    result.plans.forEach((p) => {
      const li = document.createElement("li");
      li.dataset.name = p.name;
      li.textContent = p.name;
      const small = document.createElement("small");
      small.textContent = p.district ? "区县文件"
        : [p.school, p.year && p.year + "年"].filter(Boolean).join(" ");
      li.append(small);
      if (p.name === state.name) li.classList.add("current");
      li.onclick = () => openPlan(p.name);
      list.append(li);
    });
    $("no-plans").hidden = result.plans.length > 0;
  }

  async function openPlan(name) {
    if (state.dirty && name !== state.name) {
      const choice = await message("还没有保存", `${state.name} 改过了，还没有保存。`,
        [["save", "保存"], ["discard", "不保存"], ["cancel", "取消"]]);
      if (choice === "cancel" || !choice) return;
      if (choice === "save" && !(await save())) return;
    }
    const plan = await api("plan?" + q({ name }));
    state.name = plan.name;
    state.version = plan.version;
    editor.setText(plan.text);
    setDirty(false);
    $("plan-name").textContent = plan.name;
    ["save", "make-docx", "make-html", "rollover", "diff"].forEach((id) => { $(id).disabled = false; });
    $("make-pdf").disabled = !state.pdf;
    document.querySelectorAll("#plans li").forEach((li) => li.classList.toggle("current", li.dataset.name === name));
    const y = /(^|\n)(year|年度|年份):\s*(\d{4})/.exec(plan.text);
    state.year = y ? Number(y[3]) : null;
    await check();
  }

  async function save(force) {
    try {
      const result = await api("save?" + q({ name: state.name, base: state.version || "", force: force ? "1" : "0" }),
        { method: "POST", body: editor.text() });
      state.version = result.version;
      setDirty(false);
      say(`已保存 ${state.name}`);
      await loadPlans();
      return true;
    } catch (e) {
      if (e.code !== "app_changed_on_disk") {
        say(e.message);
        return false;
      }
      const choice = await message("文件在别处被改过", e.message,
        [["reload", "重新读取"], ["force", "仍然保存"], ["cancel", "取消"]]);
      if (choice === "force") return save(true);
      if (choice === "reload") {
        setDirty(false);
        await openPlan(state.name);
      }
      return false;
    }
  }

  async function make(format, label) {
    if (state.dirty && !(await save())) return;
    say(`正在生成${label}……`);
    try {
      const result = await api("render?" + q({ name: state.name, format }), { method: "POST" });
      if (result.files.length) {
        say(`已生成：${result.files.map((f) => f.name).join("、")}（在计划旁边的 out 文件夹里）`, result.files);
      } else {
        say(`没有生成${label}：请先改正下面的错误。`);
      }
      if (result.problems.length) showProblems(result.problems);
    } catch (e) {
      say(e.message);
    }
  }

  // --- New, import, next year, compare ------------------------------------

  function newPlan() {
    const dialog = $("new-dialog");
    const form = dialog.querySelector("form");
    form.year.value = String(new Date().getFullYear());
    $("new-error").textContent = "";
    dialog.onclose = async () => {
      if (dialog.returnValue !== "ok") return;
      try {
        const result = await api("new", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ school: form.school.value, year: form.year.value, period: form.period.value }),
        });
        await loadPlans();
        await openPlan(result.name);
        say(`已新建 ${result.name}：照着示例改成自己学校的内容。`);
      } catch (e) {
        await message("没有新建", e.message);
      }
    };
    dialog.showModal();
  }

  async function importFile(file, pick) {
    say(`正在导入 ${file.name}……`);
    try {
      const body = await file.arrayBuffer();
      const params = { filename: file.name };
      if (pick) params.pick = pick;
      const result = await api("import?" + q(params), { method: "POST", body });
      await loadPlans();
      await openPlan(result.name);
      const lines = result.review.map((r) => `第 ${r.line} 行：${r.text}`);
      const shown = [
        `已导入为 ${result.name}。标着“请核对”的地方请看一遍：`,
        pre(lines.length ? lines : ["（没有要核对的地方）"]),
      ];
      const buttons = [["ok", "知道了"]];
      if (result.plans.length > 1) {
        // A page of several plans (篇一、篇二……): the user picks one.
        shown.unshift(`这个文件里有 ${result.plans.length} 份计划，用的是第 ${result.picked} 份：`,
          pre(result.plans.map((p, i) => `${i + 1}. ${p.title || "（没有标题）"}（${p.measures} 项工作，${p.months} 个月的安排）`)));
        result.plans.forEach((p, i) => {
          if (i + 1 !== result.picked) buttons.push([String(i + 1), `改用第 ${i + 1} 份`]);
        });
      }
      const choice = await message("导入好了", shown, buttons);
      if (/^\d+$/.test(choice || "")) await importFile(file, Number(choice));
    } catch (e) {
      say(e.message);
    }
  }

  async function rollover() {
    if (state.dirty && !(await save())) return;
    const next = (state.year || new Date().getFullYear()) + 1;
    try {
      const result = await api("rollover?" + q({ name: state.name, year: next }), { method: "POST" });
      await loadPlans();
      await openPlan(result.name);
      await message(`${next} 年的计划`, [`已写好 ${result.name}：`, pre(result.report)]);
    } catch (e) {
      await message("没有写出明年的计划", e.message);
    }
  }

  function diff() {
    const dialog = $("diff-dialog");
    const select = $("diff-old");
    select.replaceChildren();
    state.plans.filter((p) => p.name !== state.name && !p.district).forEach((p) => {
      const o = document.createElement("option");
      o.value = p.name;
      o.textContent = p.name;
      select.append(o);
    });
    dialog.onclose = async () => {
      if (dialog.returnValue !== "ok" || !select.value) return;
      if (state.dirty && !(await save())) return;
      try {
        const result = await api("diff?" + q({ old: select.value, new: state.name }), { method: "POST" });
        const a = document.createElement("a");
        a.href = "/api/file?" + q({ name: result.docx, token });
        a.textContent = "下载带修订的 Word 文件（" + result.docx + "）";
        await message(`${select.value} → ${state.name}`, [pre(result.text), a]);
      } catch (e) {
        await message("没有比较", e.message);
      }
    };
    dialog.showModal();
  }

  // --- A district's schools ------------------------------------------------

  async function batch() {
    await loadPlans();
    const dialog = $("batch-dialog");
    const select = $("batch-district");
    select.replaceChildren();
    const districts = state.plans.filter((p) => p.district);
    districts.forEach((p) => {
      const o = document.createElement("option");
      o.value = p.name;
      o.textContent = p.name;
      select.append(o);
    });
    $("batch-none").hidden = districts.length > 0;
    $("batch-start").disabled = districts.length === 0;
    $("batch-status").textContent = "";
    $("batch-result").replaceChildren();
    $("batch-progress").hidden = true;
    dialog.showModal();
  }

  async function startBatch() {
    const name = $("batch-district").value;
    if (!name) return;
    $("batch-start").disabled = true;
    $("batch-result").replaceChildren();
    try {
      const started = await api("batch?" + q({ name }), { method: "POST" });
      if (!started.started) {
        $("batch-status").textContent = "区县文件有错误，一所学校都没有生成：";
        $("batch-result").append(pre(started.problems.map((p) => p.text)));
        $("batch-start").disabled = false;
        return;
      }
    } catch (e) {
      $("batch-status").textContent = e.message;
      $("batch-start").disabled = false;
      return;
    }
    const bar = $("batch-progress");
    bar.hidden = false;
    for (;;) {
      const s = await api("batch");
      bar.max = Math.max(s.total, 1);
      bar.value = s.done;
      $("batch-status").textContent = s.finished
        ? `完成：共 ${s.total} 所学校，成功 ${s.total - s.failed.length} 所，失败 ${s.failed.length} 所。`
        : `正在生成 ${s.done}/${s.total}${s.current ? "：" + s.current : ""}`;
      if (s.finished) {
        const result = $("batch-result");
        if (s.index) {
          const a = document.createElement("a");
          a.href = "/files/" + token + "/" + s.index.split("/").map(encodeURIComponent).join("/");
          a.target = "_blank";
          a.id = "batch-index";
          a.textContent = "打开各校计划的目录（" + s.index + "）";
          result.append(a);
        }
        if (s.error) result.append(pre([s.error]));
        s.failed.forEach((f) => result.append(pre([f.name + "：", f.text])));
        $("batch-start").disabled = false;
        document.body.dataset.batch = "done";
        return;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
  }

  // --- Start ------------------------------------------------------------

  async function start() {
    if (!token) {
      say("请用启动工作台时打印的完整网址打开这个页面（网址 # 后面的部分不能少）。");
      return;
    }
    const [fields, status] = await Promise.all([api("fields"), api("status")]);
    makeEditor(fields);
    state.pdf = status.pdf;
    if (!status.pdf) $("make-pdf").title = status.pdf_help;
    $("new-plan").onclick = newPlan;
    $("import").onclick = () => $("import-file").click();
    $("import-file").onchange = (e) => {
      const file = e.target.files[0];
      e.target.value = "";
      if (file) importFile(file);
    };
    $("save").onclick = () => save();
    $("make-docx").onclick = () => make("docx", " Word 文件");
    $("make-pdf").onclick = () => make("pdf", " PDF");
    $("make-html").onclick = () => make("html", "网页");
    $("rollover").onclick = rollover;
    $("diff").onclick = diff;
    $("batch").onclick = batch;
    $("batch-start").onclick = startBatch;
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "s") {
        e.preventDefault();
        if (state.name) save();
      }
    });
    window.addEventListener("beforeunload", (e) => {
      if (state.dirty) {
        e.preventDefault();
        e.returnValue = "";
      }
    });
    // Files added beside (in Explorer, say) show when one comes back.
    window.addEventListener("focus", () => loadPlans().catch(() => {}));
    await loadPlans();
    if (!state.pdf) {
      say("这台电脑没有装 LibreOffice，暂时不能生成 PDF（Word 和网页照常生成）。");
    }
    document.body.dataset.ready = "1";
  }

  start().catch((e) => say(e.message));
})();
