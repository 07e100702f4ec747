/**
 * The gadget pages' one script (served as `gadget.js` by the mount; no bundle). Markup arrives already
 * escaped from the server, which renders it with the same functions as the page; the script only places it.
 * Employee page: new notices on top (at most `data-limit`), unread count, "mark read" (all, or one by
 * clicking it). Admin page: the health table replaced on each change.
 */
export const gadgetScript = `'use strict';
(function () {
  var body = document.body;
  var list = document.getElementById('notices');
  var count = document.getElementById('unread');
  var empty = document.getElementById('empty');
  var health = document.getElementById('health');

  function showCount(message) {
    count.textContent = message.unreadText;
    count.classList.toggle('none', message.unread === 0);
  }
  function markShownRead(item) {
    item.classList.remove('unread');
    var dot = item.querySelector('.dot');
    if (dot) dot.remove();
  }
  function markRead(payload, items) {
    fetch(body.dataset.read, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload)
    }).then(function (response) {
      if (!response.ok) return;
      return response.json().then(function (message) {
        items.forEach(markShownRead);
        showCount(message);
      });
    });
  }

  var stream = new EventSource(body.dataset.stream);
  if (list) {
    stream.addEventListener('notice', function (event) {
      var message = JSON.parse(event.data);
      list.insertAdjacentHTML('afterbegin', message.html);
      while (list.children.length > Number(body.dataset.limit)) list.lastElementChild.remove();
      if (empty) empty.hidden = true;
      showCount(message);
    });
    document.getElementById('mark-read').addEventListener('click', function () {
      markRead({ all: true }, Array.prototype.slice.call(list.querySelectorAll('li.unread')));
    });
    list.addEventListener('click', function (event) {
      var item = event.target.closest('li.unread');
      if (item) markRead({ ids: [Number(item.dataset.id)] }, [item]);
    });
  }
  if (health) {
    stream.addEventListener('health', function (event) {
      health.innerHTML = JSON.parse(event.data).html;
    });
  }
})();
`
