/**
 * The dashboard's only client script, served as `/assets/dashboard.js` (the CSP forbids inline
 * script). The pages work without it; it submits filter forms when a select changes, leaves empty
 * fields out of the query, and shows times in the browser's zone next to the UTC ones. It writes
 * text with `textContent` only, never markup.
 */
export const dashboardScript = `
'use strict';
document.addEventListener('change', function (event) {
  var target = event.target;
  if (target && target.matches && target.matches('select[data-autosubmit]') && target.form) {
    target.form.requestSubmit();
  }
});
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form || !form.matches || !form.matches('form[method="get"]')) return;
  for (var index = 0; index < form.elements.length; index += 1) {
    var element = form.elements[index];
    if (element.name && element.value === '' && !element.disabled) element.disabled = true;
  }
  setTimeout(function () {
    for (var index = 0; index < form.elements.length; index += 1) form.elements[index].disabled = false;
  }, 0);
});
document.querySelectorAll('time[datetime]').forEach(function (element) {
  var value = new Date(element.getAttribute('datetime'));
  if (!isNaN(value.getTime())) element.title = value.toString();
});
`;
