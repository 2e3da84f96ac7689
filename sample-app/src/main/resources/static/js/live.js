// The projects page, live: every project created, edited or deleted through the API, on any
// instance of the app, shows here without a reload. After a gap in what the server heard, reload.
(function () {
  const table = document.getElementById("projects");
  if (!table) {
    return;
  }
  const rows = table.tBodies[0];
  const state = document.getElementById("live-state");
  const url = new URL(table.dataset.live, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";

  function cell(text, className) {
    const td = document.createElement("td");
    if (className) {
      td.className = className;
    }
    if (text instanceof Node) {
      td.appendChild(text);
    } else {
      td.textContent = text == null ? "" : text;
    }
    return td;
  }

  function apply(update) {
    if (update.kind === "resubscribed" || update.kind === "overflowed") {
      location.reload();
      return;
    }
    const project = update.project;
    let row = document.getElementById("project-" + project.id);
    if (update.kind === "deleted") {
      if (row) {
        row.remove();
      }
      return;
    }
    if (!row) {
      row = document.createElement("tr");
      row.id = "project-" + project.id;
      rows.appendChild(row);
    }
    const link = document.createElement("a");
    link.href = update.url;
    link.textContent = project.name;
    row.replaceChildren(cell(link), cell(project.slug), cell(project.description, "muted"));
  }

  function connect() {
    const socket = new WebSocket(url);
    socket.onopen = function () {
      document.documentElement.dataset.live = "open";
      state.textContent = "Live: changes made through the API show here as they happen.";
    };
    socket.onmessage = function (message) {
      apply(JSON.parse(message.data));
    };
    socket.onclose = function () {
      document.documentElement.dataset.live = "closed";
      state.textContent = "Reconnecting…";
      setTimeout(connect, 2000);
    };
  }

  connect();
})();
