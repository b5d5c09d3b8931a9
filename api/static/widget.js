/**
 * <qa-chat>: ask the documents behind a Document QA service from any web page.
 *
 *   <script src="https://QA-HOST/widget.js" defer></script>
 *   <qa-chat title="Ask our documents" placeholder="Ask a question"></qa-chat>
 *
 * Attributes: service (base URL of the service; default: the origin this file was loaded from),
 * title, placeholder, timeout (seconds per request; default 20), persist (keep the conversation in
 * this tab's sessionStorage across page loads; without it nothing is stored in the browser).
 * Methods: element.ask(question) asks as if the question had been typed; element.newConversation().
 *
 * A conversation: each question is sent with the last turns before it (question and answer text),
 * so "Who leads it?" after "What is Operation Sentinel?" is understood. The turns go only to the
 * configured service; "New conversation" forgets them.
 *
 * Documents are untrusted input: everything the service sends is rendered as text nodes
 * (append/textContent), never parsed as HTML. This file has no dependencies and no build step.
 */
(() => {
  "use strict";

  if (customElements.get("qa-chat")) return; // loaded twice: the first definition stays

  const DEFAULT_TITLE = "Ask the documents";
  const DEFAULT_PLACEHOLDER = "Ask a question about the documents";
  const DEFAULT_TIMEOUT_SECONDS = 20;
  const TOP_K = 5;
  const MAX_QUESTION_CHARS = 1000; // the service refuses longer questions
  const MAX_TURNS = 10; // earlier turns sent with a question (the service reads at most 10)
  const MAX_ANSWER_CHARS = 5000; // an earlier answer is cut to this before it is sent back

  // document.currentScript exists only while this file runs, so the default service is read now.
  const SCRIPT_ORIGIN = (() => {
    try {
      return new URL(document.currentScript.src).origin;
    } catch {
      return location.origin;
    }
  })();

  const STYLE = `
    :host { display: block; max-width: 46rem; color: #1f2328; text-align: start;
            font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
    :host([hidden]) { display: none; }
    *, *::before, *::after { box-sizing: border-box; }
    .chat { display: flex; flex-direction: column; background: #ffffff; color: #1f2328;
            border: 1px solid #8c959f; border-radius: 12px; overflow: hidden; }
    h2 { margin: 0; padding: .7rem 1rem; font-size: 1.05rem; background: #0b3d91; color: #ffffff; }
    .transcript { position: relative; list-style: none; margin: 0; padding: .75rem 1rem; display: flex;
                  flex-direction: column; gap: .75rem; max-height: min(36rem, 65vh); overflow-y: auto; }
    .transcript li, blockquote, .viewer-body, h2, h3 { overflow-wrap: anywhere; }
    .hint { color: #57606a; margin: 0; }
    .question { align-self: flex-end; max-width: 90%; padding: .5rem .75rem; white-space: pre-wrap;
                background: #e7effc; color: #1f2328; border-radius: 12px 12px 2px 12px; }
    .reply { padding: .75rem; background: #f6f8fa; color: #1f2328; border: 1px solid #d0d7de;
             border-radius: 12px 12px 12px 2px; }
    .reply p { margin: 0 0 .5rem; }
    .reply > :last-child { margin-bottom: 0; }
    .label { font-size: .85rem; font-weight: 600; color: #57606a; text-transform: uppercase; letter-spacing: .03em; }
    .answer-text { font-size: 1.05rem; font-weight: 600; }
    .not-found { font-weight: 600; }
    .sources { list-style: none; margin: 0; padding: 0; }
    .source { margin: .5rem 0 0; padding-left: .6rem; border-left: 3px solid #0b57d0; }
    blockquote { margin: .25rem 0 0; white-space: pre-wrap; color: #1f2328; }
    blockquote strong { background: #fff3bf; color: #1f2328; }
    button { font: inherit; cursor: pointer; }
    .marker { margin-left: .15em; padding: 0 .3em; font-size: .8em; line-height: 1.2; vertical-align: super;
              background: #ffffff; color: #0b57d0; border: 1px solid #0b57d0; border-radius: 4px; }
    .source-title { padding: 0; background: none; border: none; color: #0b57d0; text-align: start;
                    text-decoration: underline; font-weight: 600; }
    details { margin-top: .6rem; }
    summary { cursor: pointer; color: #0b57d0; font-weight: 600; }
    .reply.error { background: #fff1f0; border-color: #cf222e; color: #82071e; }
    .reply.error p, .viewer-error { color: #82071e; }
    .chat-head { display: flex; align-items: center; justify-content: space-between; gap: .5rem;
                 background: #0b3d91; padding-right: .75rem; }
    .new-conversation { padding: .3rem .7rem; border-radius: 8px; border: 1px solid #ffffff;
                        background: transparent; color: #ffffff; font-size: .85rem; font-weight: 600; }
    .new-conversation:focus-visible { outline-color: #ffffff; }
    .read-as { margin: .4rem 0 0; font-size: .85rem; }
    .read-as summary { font-weight: 400; }
    .candidates { margin: .25rem 0 0; padding-left: 1.25rem; }
    .retry, .send, .close { padding: .45rem 1rem; border-radius: 8px; border: 1px solid #0b57d0;
                            background: #0b57d0; color: #ffffff; font-weight: 600; }
    .pending { display: flex; align-items: center; gap: .5rem; color: #57606a; }
    .pending::before { content: ""; flex: none; width: 1em; height: 1em; border-radius: 50%;
                       border: 2px solid #8c959f; border-top-color: #0b57d0; animation: spin .8s linear infinite; }
    @keyframes spin { to { transform: rotate(1turn); } }
    @media (prefers-reduced-motion: reduce) { .pending::before { animation: none; border-style: dotted; } }
    form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: flex-end; padding: .75rem 1rem;
           border-top: 1px solid #d0d7de; background: #ffffff; }
    textarea { flex: 1 1 12rem; min-width: 0; min-height: 2.75rem; resize: vertical; padding: .5rem .6rem;
               font: inherit; color: #1f2328; background: #ffffff; border: 1px solid #6e7781; border-radius: 8px; }
    textarea::placeholder { color: #636c76; }
    .keys { flex-basis: 100%; margin: 0; font-size: .8rem; color: #57606a; }
    :focus-visible { outline: 3px solid #0b57d0; outline-offset: 2px; }
    .send:focus-visible, .retry:focus-visible, .close:focus-visible { outline-color: #1f2328; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
                       overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    dialog { width: min(48rem, calc(100vw - 1.5rem)); max-width: none; max-height: calc(100vh - 1.5rem);
             padding: 0; border: 1px solid #8c959f; border-radius: 12px; background: #ffffff; color: #1f2328; }
    dialog[open] { display: flex; flex-direction: column; }
    dialog::backdrop { background: rgb(0 0 0 / .45); }
    .viewer-head { display: flex; gap: .75rem; align-items: flex-start; justify-content: space-between;
                   padding: .75rem 1rem; border-bottom: 1px solid #d0d7de; }
    h3 { margin: 0; font-size: 1.05rem; }
    .viewer-meta { margin: 0; padding: .4rem 1rem; font-size: .85rem; color: #57606a;
                   border-bottom: 1px solid #d0d7de; }
    .viewer-body { flex: 1 1 auto; min-height: 0; overflow-y: auto; margin: 0; padding: 1rem;
                   white-space: pre-wrap; }
    .viewer-body p { margin: 0 0 .5rem; white-space: normal; }
    mark { background: #ffd33d; color: #1f2328; outline: 2px solid #9a6700; border-radius: 2px; }
  `;

  // ---- Offsets: the service counts code points (Python str); JS strings count UTF-16 units.

  /** The UTF-16 index of the code point at `codePoints` in `text` (surrogate pairs count once). */
  function utf16Index(text, codePoints) {
    let index = 0;
    for (let seen = 0; seen < codePoints && index < text.length; seen++) {
      index += text.codePointAt(index) > 0xffff ? 2 : 1;
    }
    return index;
  }

  /** `text` cut at code-point offsets into [before, inside, after]. */
  function splitAt(text, start, end) {
    const from = utf16Index(text, start);
    const to = from + utf16Index(text.slice(from), end - start);
    return [text.slice(0, from), text.slice(from, to), text.slice(to)];
  }

  // ---- DOM: every node is built here, so service text only ever becomes text nodes.

  /** A new element. Keys of `props` that look like attributes (aria-*, data-*, role) are set as
   *  attributes, the rest as properties; string children become text nodes. */
  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key.startsWith("aria-") || key.startsWith("data-") || key === "role") node.setAttribute(key, value);
      else node[key] = value;
    }
    return fill(node, children, false);
  }

  /** Put `children` (nested lists, nodes, strings; null skipped) into `node`, replacing or appending. */
  function fill(node, children, replace = true) {
    const nodes = children.flat(Infinity).filter((child) => child !== null && child !== undefined);
    if (replace) node.replaceChildren(...nodes);
    else node.append(...nodes);
    return node;
  }

  const hidden = (text) => el("span", { className: "visually-hidden" }, text);

  // ---- HTTP: every failure becomes a RequestFailed whose message a reader can act on.

  class RequestFailed extends Error {}

  const UNREADABLE = "The service sent a reply this widget cannot read.";

  const seconds = (n) => `${n} second${n === 1 ? "" : "s"}`;

  /** The JSON body of `url`; aborts after `timeout` seconds (the body read included). */
  async function fetchJSON(url, init, timeout) {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeout * 1000);
    let response = null;
    try {
      // credentials omitted: the service needs no cookies, and the host page's must not leak to it.
      response = await fetch(url, { ...init, credentials: "omit", signal: controller.signal });
      if (!response.ok) throw new RequestFailed(await statusMessage(response));
      return await response.json();
    } catch (error) {
      if (error instanceof RequestFailed) throw error;
      if (controller.signal.aborted) throw new RequestFailed(`The service did not answer within ${seconds(timeout)}.`);
      if (response) throw new RequestFailed(UNREADABLE);
      // fetch hides why (offline, server down, or this origin not allowed by CORS), so say all three.
      throw new RequestFailed(
        "Could not reach the question service. It may be down, or this site may not be allowed to use it.");
    } finally {
      clearTimeout(timer);
    }
  }

  async function statusMessage(response) {
    const detail = await errorDetail(response);
    const status = `HTTP ${response.status}`;
    const headline = response.status === 404 ? `Not found (${status})`
      : response.status === 503 ? `The service is not ready (${status})`
      : response.status >= 500 ? `The service had a problem (${status})`
      : `The service could not take this request (${status})`;
    return detail ? `${headline}: ${detail}` : `${headline}.`;
  }

  /** The service's `detail` message, if the body is the service's JSON (a proxy may send HTML). */
  async function errorDetail(response) {
    try {
      const body = await response.json();
      const detail = typeof body.detail === "string" ? body.detail.trim() : "";
      return detail.length > 240 ? `${detail.slice(0, 239)}…` : detail;
    } catch {
      return "";
    }
  }

  // ---- The element.

  class QAChat extends HTMLElement {
    static observedAttributes = ["title", "placeholder"];

    constructor() {
      super();
      this.citations = new WeakMap(); // citation button -> what it cites: {text, citation}
      this.documents = new Map(); // doc_id -> promise of the document: one fetch per document
      this.viewing = null; // the citation the viewer shows; stale fetches must not overwrite it
      this.opener = null; // where focus returns when the viewer closes
      this.turns = []; // the conversation so far: [{question, answer}], oldest first
      this.build();
    }

    connectedCallback() {
      this.applyLabels();
      this.restoreConversation();
    }

    attributeChangedCallback() {
      this.applyLabels();
    }

    applyLabels() {
      this.heading.textContent = this.getAttribute("title") || DEFAULT_TITLE;
      this.input.placeholder = this.getAttribute("placeholder") || DEFAULT_PLACEHOLDER;
    }

    get timeout() {
      const value = Number(this.getAttribute("timeout"));
      return value > 0 ? value : DEFAULT_TIMEOUT_SECONDS;
    }

    url(path) {
      const base = this.getAttribute("service") || SCRIPT_ORIGIN;
      try {
        return new URL(path, base.replace(/\/*$/, "/")).href;
      } catch {
        throw new RequestFailed(`The widget's service address "${base}" is not a URL.`);
      }
    }

    build() {
      const root = this.attachShadow({ mode: "open" });
      this.heading = el("h2", { id: "qa-title" });
      this.hint = el("li", { className: "hint" },
        "Answers quote the documents. Select a numbered source to read it in its document.");
      this.transcript = el("ol", { className: "transcript", "aria-label": "Conversation" }, this.hint);
      this.transcript.addEventListener("click", (event) => this.openSourceOf(event.target));
      // One polite live region announces progress and results; the transcript itself stays quiet
      // so that a whole answer with its sources is not read out at once.
      this.status = el("p", { className: "visually-hidden", role: "status" });
      // title="" stops the host's `title` attribute from showing as a tooltip over the whole widget.
      this.newButton = el("button", { type: "button", className: "new-conversation" }, "New conversation");
      this.newButton.addEventListener("click", () => this.newConversation());
      const chat = el("section", { className: "chat", title: "", "aria-labelledby": "qa-title" },
        el("div", { className: "chat-head" }, this.heading, this.newButton),
        this.transcript, this.buildForm(), this.status);
      this.viewer = this.buildViewer();
      adoptStyle(root);
      root.append(chat, this.viewer);
    }

    buildForm() {
      this.input = el("textarea", { id: "qa-question", rows: 2, maxLength: MAX_QUESTION_CHARS,
        "aria-describedby": "qa-keys" });
      this.input.addEventListener("keydown", (event) => {
        // Enter sends; Shift+Enter keeps its new line; Enter that ends an IME composition is not a send.
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      const form = el("form", {},
        el("label", { htmlFor: "qa-question", className: "visually-hidden" }, "Question"),
        this.input,
        el("button", { type: "submit", className: "send" }, "Ask"),
        el("p", { id: "qa-keys", className: "keys" }, "Enter sends · Shift+Enter starts a new line"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.submit();
      });
      return form;
    }

    buildViewer() {
      this.viewerTitle = el("h3", { id: "qa-viewer-title" });
      this.viewerMeta = el("p", { className: "viewer-meta" });
      this.viewerBody = el("div", { className: "viewer-body", tabIndex: 0, role: "region",
        "aria-label": "Document text" });
      this.closeButton = el("button", { type: "button", className: "close" }, "Close");
      const dialog = el("dialog", { title: "", "aria-labelledby": "qa-viewer-title" },
        el("div", { className: "viewer-head" }, this.viewerTitle, this.closeButton),
        this.viewerMeta, this.viewerBody);
      this.closeButton.addEventListener("click", () => dialog.close());
      // Escape closes a modal <dialog> natively (a "cancel" then "close" event).
      dialog.addEventListener("close", () => this.restoreFocus());
      dialog.addEventListener("keydown", (event) => this.keepTabInViewer(event));
      // A click outside the dialog box lands on the dialog element itself (its backdrop).
      dialog.addEventListener("click", (event) => {
        if (event.target === dialog) dialog.close();
      });
      return dialog;
    }

    // ---- Asking.

    submit() {
      const question = this.input.value.trim();
      if (!question) {
        this.announce("Type a question first.");
        return;
      }
      this.input.value = "";
      this.input.focus();
      this.ask(question);
    }

    /** Ask `question`: it joins the transcript with its own reply, so several may run at once. It is
     *  sent with the turns answered so far, and joins them once answered. */
    ask(question) {
      this.hint.remove();
      const asked = el("li", { className: "question" }, hidden("You asked: "), question);
      const reply = el("li", { className: "reply" });
      this.transcript.append(asked, reply);
      return this.answerInto(reply, question, this.turns.slice(-MAX_TURNS), this.conversation);
    }

    async answerInto(reply, question, history, conversation) {
      this.showPending(reply, "Searching the documents…");
      try {
        const data = await fetchJSON(this.url("ask"), {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ question, top_k: TOP_K, history }),
        }, this.timeout);
        fill(reply, data.answer ? this.answerParts(data) : data.clarify ? this.clarifyParts(data)
          : this.noAnswerParts(data));
        if (conversation === this.conversation) { // not a reply to a conversation since forgotten
          this.remember(question, data.answer ? data.answer.text : null);
        }
        this.announce(data.answer
          ? `Answer: ${data.answer.text}. Source: ${data.answer.citation.title}.`
          : data.clarify ? `${data.clarify.message} The question could refer to several things.`
          : "Not in the documents. The closest passages are listed.");
      } catch (error) {
        reply.classList.add("error");
        fill(reply, this.errorParts(error, () => {
          this.input.focus(); // the Retry button is about to disappear; focus must not go with it
          this.answerInto(reply, question, history, conversation);
        }));
      } finally {
        reply.removeAttribute("aria-busy");
        this.reveal(reply.previousElementSibling);
      }
    }

    showPending(container, message) {
      container.classList.remove("error");
      container.setAttribute("aria-busy", "true");
      fill(container, [el("p", { className: "pending" }, message)]);
      this.reveal(container.previousElementSibling || container);
      this.announce(message);
    }

    /** Failure message plus a Retry button; the message is also announced. */
    errorParts(error, retry) {
      // Anything but a RequestFailed is a reply this widget could not render (malformed data).
      const message = error instanceof RequestFailed ? error.message : UNREADABLE;
      const button = el("button", { type: "button", className: "retry" }, "Retry");
      button.addEventListener("click", retry);
      this.announce(message);
      return [el("p", {}, message), button];
    }

    // ---- Rendering replies.

    answerParts(data) {
      const { answer } = data;
      const more = data.passages.map((passage, i) => this.sourceItem(i + 2, passage));
      return [
        el("p", { className: "label" }, "Answer"),
        el("p", { className: "answer-text" }, answer.text, this.marker(1, answer)),
        readAs(data),
        el("p", { className: "label" }, "Source"),
        el("ol", { className: "sources", "aria-label": "Source" },
          this.sourceItem(1, answer, answerInContext(answer))),
        more.length ? el("details", {},
          el("summary", {}, `More passages (${more.length})`),
          el("ol", { className: "sources", "aria-label": "More passages" }, more)) : null,
      ];
    }

    /** A follow-up that points back at nothing the conversation names: ask which one is meant. */
    clarifyParts(data) {
      const { clarify } = data;
      return [
        el("p", { className: "not-found" }, clarify.message),
        clarify.candidates.length
          ? [el("p", {}, "The question could be about:"),
             el("ul", { className: "candidates", "aria-label": "What it could be about" },
               clarify.candidates.map((candidate) => el("li", {}, candidate)))]
          : null,
        el("p", {}, "Ask again and name it."),
      ];
    }

    noAnswerParts(data) {
      const closest = data.passages.map((passage, i) => this.sourceItem(i + 1, passage));
      return [
        el("p", { className: "not-found" }, "Not in the documents: none of them answers this question."),
        closest.length
          ? [el("p", { className: "label" }, "Closest passages"),
             el("ol", { className: "sources", "aria-label": "Closest passages" }, closest)]
          : el("p", {}, "No passage comes close either."),
      ];
    }

    // `cited` is anything the service cites: the answer or a passage, {text, citation}.

    /** The inline [n] after the answer text; it opens the document at the answer's span. */
    marker(number, cited) {
      return this.citeButton("marker", cited, "[", hidden("source "), String(number), "]");
    }

    /** A numbered source: the document title (opens it at the span) and the quote (default: the cited text). */
    sourceItem(number, cited, quote = [cited.text]) {
      return el("li", { className: "source" },
        this.citeButton("source-title", cited, `[${number}] `, cited.citation.title,
          hidden(": open the document at this passage")),
        el("blockquote", {}, quote));
    }

    citeButton(className, cited, ...label) {
      const button = el("button", { type: "button", className }, ...label);
      this.citations.set(button, cited);
      return button;
    }

    // ---- The document viewer.

    openSourceOf(target) {
      const button = target.closest("button");
      const cited = button && this.citations.get(button);
      if (cited) this.openDocument(cited, button);
    }

    /** Show the cited document in a modal dialog with the cited span marked and in view. */
    openDocument(cited, opener) {
      const { title, source, start, end } = cited.citation;
      this.opener = opener;
      this.viewing = cited;
      this.viewerTitle.textContent = title;
      this.viewerMeta.textContent = `${source} · characters ${start}–${end}`;
      if (!this.viewer.open) this.viewer.showModal();
      this.closeButton.focus();
      return this.loadDocument(cited);
    }

    async loadDocument(cited) {
      const { doc_id: docId } = cited.citation;
      this.showPending(this.viewerBody, "Opening the document…");
      try {
        const doc = await this.fetchDocument(docId);
        if (this.viewing === cited) this.showDocument(doc, cited);
      } catch (error) {
        this.documents.delete(docId); // failures are not cached: Retry fetches again
        if (this.viewing !== cited) return;
        fill(this.viewerBody, this.errorParts(error, () => {
          this.closeButton.focus();
          this.loadDocument(cited);
        }));
      } finally {
        this.viewerBody.removeAttribute("aria-busy");
      }
    }

    fetchDocument(docId) {
      if (!this.documents.has(docId)) {
        const url = this.url(`documents/${encodeURIComponent(docId)}`);
        this.documents.set(docId, fetchJSON(url, { method: "GET" }, this.timeout));
      }
      return this.documents.get(docId);
    }

    showDocument(doc, { citation, text }) {
      // Offsets, never a text search: the same words may occur elsewhere in the document.
      const [before, span, after] = splitAt(doc.text, citation.start, citation.end);
      const mark = el("mark", {}, span);
      const changed = span !== text;
      fill(this.viewerBody, [
        changed ? el("p", { className: "viewer-error" },
          "This document changed after it was indexed, so the highlight may be off. Rebuild the index.") : null,
        before, mark, after]);
      mark.scrollIntoView({ block: "center" });
      this.announce(`Opened ${doc.title}. The cited passage is highlighted.`);
    }

    /** A modal dialog already makes the page inert; this keeps Tab cycling inside it too. */
    keepTabInViewer(event) {
      if (event.key !== "Tab") return;
      const stops = [...this.viewer.querySelectorAll("button, [tabindex='0']")]
        .filter((node) => !node.disabled && node.getClientRects().length > 0);
      const active = this.shadowRoot.activeElement;
      const edge = event.shiftKey ? stops[0] : stops[stops.length - 1];
      if (active === edge || !stops.includes(active)) {
        event.preventDefault();
        (event.shiftKey ? stops[stops.length - 1] : stops[0]).focus();
      }
    }

    restoreFocus() {
      this.viewing = null;
      const target = this.opener && this.opener.isConnected ? this.opener : this.input;
      this.opener = null;
      target.focus();
    }

    // ---- The conversation: kept in memory, and in sessionStorage only when `persist` asks for it.

    get conversation() {
      if (!this.conversationId) this.conversationId = Symbol("conversation");
      return this.conversationId;
    }

    remember(question, answer) {
      const shown = answer === null ? null : answer.slice(0, MAX_ANSWER_CHARS);
      this.turns = [...this.turns, { question, answer: shown }].slice(-MAX_TURNS);
      this.saveConversation();
    }

    /** Forget the turns (and the stored copy): the next question is read on its own. */
    newConversation() {
      this.turns = [];
      this.conversationId = null; // replies still on their way do not join the new conversation
      this.saveConversation();
      fill(this.transcript, [this.hint]);
      this.input.focus();
      this.announce("New conversation. Earlier questions are forgotten.");
    }

    get storageKey() {
      return `qa-chat:${this.getAttribute("service") || SCRIPT_ORIGIN}:${this.id || "default"}`;
    }

    saveConversation() {
      if (!this.hasAttribute("persist")) return;
      try {
        if (this.turns.length) sessionStorage.setItem(this.storageKey, JSON.stringify(this.turns));
        else sessionStorage.removeItem(this.storageKey);
      } catch {
        // storage full or disabled: the conversation still works in memory
      }
    }

    /** With `persist`, the turns of this tab's earlier page loads, shown as plain text. */
    restoreConversation() {
      if (!this.hasAttribute("persist") || this.turns.length) return;
      let stored = [];
      try {
        stored = JSON.parse(sessionStorage.getItem(this.storageKey) || "[]");
      } catch {
        stored = [];
      }
      const turns = Array.isArray(stored) ? stored.filter((turn) => turn && typeof turn.question === "string"
        && (turn.answer === null || typeof turn.answer === "string")).slice(-MAX_TURNS) : [];
      if (!turns.length) return;
      this.turns = turns;
      this.hint.remove();
      for (const turn of turns) {
        this.transcript.append(
          el("li", { className: "question" }, hidden("You asked: "), turn.question),
          el("li", { className: "reply" }, el("p", {}, turn.answer === null ? "No answer." : turn.answer)));
      }
    }

    // ---- Small things.

    /** Scroll the transcript (not the page) so that `item` is at its top. */
    reveal(item) {
      if (item && this.transcript.contains(item)) this.transcript.scrollTop = Math.max(0, item.offsetTop - 12);
    }

    announce(message) {
      // Emptied first so that the same words twice in a row are announced twice.
      this.status.textContent = "";
      setTimeout(() => { this.status.textContent = message; }, 60);
    }
  }

  let sharedSheet = null;

  /** Styles for one shadow root. A constructed stylesheet, unlike a <style> element, is not blocked
   *  by a host page's Content-Security-Policy style-src; it is also parsed once for all widgets. */
  function adoptStyle(root) {
    if (!("adoptedStyleSheets" in ShadowRoot.prototype) || !("replaceSync" in CSSStyleSheet.prototype)) {
      root.append(el("style", {}, STYLE));
      return;
    }
    if (!sharedSheet) {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(STYLE);
    }
    root.adoptedStyleSheets = [sharedSheet];
  }

  /** "Read as: …" on demand, when the question was read with earlier turns. */
  function readAs(data) {
    const resolved = data.resolved;
    if (!resolved || !resolved.from_turns.length || resolved.query === data.question) return null;
    return el("details", { className: "read-as" },
      el("summary", {}, "How this question was read"),
      el("p", {}, `Read as: ${resolved.query}`));
  }

  /** The answer's sentence with the answer itself in bold; the bare answer when there is no sentence. */
  function answerInContext(answer) {
    const sentence = answer.sentence;
    if (!sentence) return [answer.text];
    const start = answer.citation.start - sentence.citation.start;
    const end = answer.citation.end - sentence.citation.start;
    if (start < 0 || end > sentence.citation.end - sentence.citation.start) return [sentence.text];
    const [before, inside, after] = splitAt(sentence.text, start, end);
    return [before, el("strong", {}, inside), after];
  }

  customElements.define("qa-chat", QAChat);
})();
