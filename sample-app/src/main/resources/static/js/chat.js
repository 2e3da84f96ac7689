// The chat room: what is said here reaches everyone on the page, on every instance of the app.
(function () {
  const list = document.getElementById("messages");
  const form = document.getElementById("say");
  const input = document.getElementById("text");
  const url = new URL(list.dataset.socket, location.href);
  url.protocol = location.protocol === "https:" ? "wss:" : "ws:";
  let socket;

  function show(said) {
    const item = document.createElement("li");
    const from = document.createElement("strong");
    from.textContent = said.from + ": ";
    item.appendChild(from);
    item.appendChild(document.createTextNode(said.text));
    list.appendChild(item);
  }

  function connect() {
    socket = new WebSocket(url);
    socket.onopen = function () {
      document.documentElement.dataset.chat = "open";
    };
    socket.onmessage = function (message) {
      show(JSON.parse(message.data));
    };
    socket.onclose = function () {
      document.documentElement.dataset.chat = "closed";
      setTimeout(connect, 2000);
    };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (socket.readyState === WebSocket.OPEN && input.value.trim() !== "") {
      socket.send(input.value);
      input.value = "";
    }
  });

  connect();
})();
