// The editor of unionplan's workbench: CodeMirror 6 with its YAML language.
// The page (src/app/assets/app.js) creates it with `UnionplanEditor.create`
// and hands it the problems the server found; everything it needs is in
// this one bundle, so the workbench needs no network.

import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, Decoration, MatchDecorator, ViewPlugin,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { syntaxHighlighting, defaultHighlightStyle, indentOnInput, bracketMatching } from "@codemirror/language";
import { autocompletion, completionKeymap } from "@codemirror/autocomplete";
import { setDiagnostics, lintGutter } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { yaml } from "@codemirror/lang-yaml";

// The characters that make slips while looking like nothing or like a
// space: each is shown marked, with its name on hover.
const SLIPS = {
  "\u3000": "全角空格",
  "\t": "Tab 制表符",
  "\u00a0": "不换行空格",
  "\u200b": "零宽空格",
  "\ufeff": "零宽不换行空格（BOM）",
  "\uff1a": "全角冒号",
};

const slipMarks = new MatchDecorator({
  regexp: /[\u3000\t\u00a0\u200b\ufeff]|\uff1a(?=[ \t\u3000]|$)/g,
  decoration: (m) => Decoration.mark({
    class: m[0] === "\uff1a" ? "cm-slip cm-slip-colon" : "cm-slip",
    attributes: { title: SLIPS[m[0]] },
  }),
});

const showSlips = ViewPlugin.fromClass(class {
  constructor(view) { this.marks = slipMarks.createDeco(view); }
  update(u) { this.marks = slipMarks.updateDeco(u, this.marks); }
}, { decorations: (v) => v.marks });

// Keys completed as typed: `fields` is [{key, zh, help}] from the server's
// field table. A key is offered where a key can start: at the start of a
// line (after its indent) or after "- ".
function keyCompletions(fields) {
  return (context) => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const m = /^(\s*(?:-\s+)?)([^\s:：#"'{}\[\]-][^\s:：#]*)?$/.exec(before);
    if (!m) return null;
    if (!m[2] && !context.explicit) return null;
    const from = line.from + m[1].length;
    return {
      from,
      options: fields.flatMap((f) => [
        { label: f.zh, detail: f.key, info: f.help, apply: f.zh + ": ", type: "property" },
        { label: f.key, detail: f.zh, info: f.help, apply: f.key + ": ", type: "property", boost: -1 },
      ]),
      validFor: /^[^\s:：]*$/,
    };
  };
}

export function create(parent, options) {
  const onChange = options.onChange || (() => {});
  const onCursor = options.onCursor || (() => {});
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc || "",
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        yaml(),
        lintGutter(),
        showSlips,
        autocompletion({ override: [keyCompletions(options.fields || [])] }),
        EditorState.tabSize.of(2),
        keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        EditorView.lineWrapping,
        EditorView.updateListener.of((u) => {
          if (u.docChanged) onChange(u.state.doc.toString());
          if (u.selectionSet || u.docChanged) {
            const head = u.state.selection.main.head;
            onCursor(u.state.doc.lineAt(head).number, u.state.doc.lines);
          }
        }),
      ],
    }),
  });

  return {
    view,
    text: () => view.state.doc.toString(),
    setText(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    // `problems`: [{line, column, severity, message}], 1-based positions;
    // a problem without a line is shown on the first.
    setProblems(problems) {
      const doc = view.state.doc;
      const diagnostics = problems.map((p) => {
        const line = doc.line(Math.min(Math.max(p.line || 1, 1), doc.lines));
        const from = Math.min(line.from + Math.max((p.column || 1) - 1, 0), line.to);
        const to = from < line.to ? from + 1 : from;
        return { from, to, severity: p.severity, message: p.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    goTo(lineNumber) {
      const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
      view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      view.focus();
    },
  };
}
